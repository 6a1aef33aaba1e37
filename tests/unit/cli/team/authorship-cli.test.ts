/**
 * Authorship from the command line (real CLI processes): `--author "Name <ORCID>"` on any command,
 * the installation's author.json otherwise; what each historian made and changed is recorded and
 * exported; a bad ORCID is refused and changes nothing.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { cli, cliJson } from '../../../helpers/run-cli'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const ADA = 'Ada Lovelace <0000-0002-1825-0097>'

describe('authorship on the CLI', () => {
  const tmp = tempDir('marginalia-authorship-cli-')
  const dir = join(tmp.dir, 'project')
  const config = join(tmp.dir, 'config')
  const saved = process.env.MARGINALIA_CONFIG_DIR
  process.env.MARGINALIA_CONFIG_DIR = config // the child processes' installation settings
  afterAll(() => {
    if (saved === undefined) delete process.env.MARGINALIA_CONFIG_DIR
    else process.env.MARGINALIA_CONFIG_DIR = saved
    tmp.cleanup()
  }, 600_000)

  it('records who made and who last changed records, and exports it', async () => {
    await cliJson('init', dir, '--author', ADA)
    const doc = await cliJson('import', dir, SEED_PATH, '--author', ADA)
    const ent = await cliJson('entity', 'add', dir, '--type', 'person', '--label', 'Manuel II', '--author', ADA)
    expect(ent).toMatchObject({ createdBy: { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' } })
    const ann = await cliJson('annotate', dir, '--doc', doc.id, '--quote', 'Manuel II', '--occurrence', '1', '--entity', ent.id, '--author', ADA)
    expect(ann).toMatchObject({ author: 'Ada Lovelace', createdBy: { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }, modifiedBy: { name: 'Ada Lovelace' } })

    // Ben, from the installation's settings: deleting the entity changes Ada's annotation.
    mkdirSync(config, { recursive: true })
    writeFileSync(join(config, 'author.json'), JSON.stringify({ name: 'Ben Jonson' }))
    await cliJson('entity', 'delete', dir, '--id', ent.id)
    const out = join(tmp.dir, 'csv')
    await cliJson('export', dir, '--format', 'csv', '--out', out)
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'annotations.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data
    expect(rows.find((r) => r.id === ann.id)).toMatchObject({
      created_by: 'Ada Lovelace', created_by_orcid: '0000-0002-1825-0097', modified_by: 'Ben Jonson', modified_by_orcid: '', entity_ids: ''
    })
  }, 600_000)

  it('refuses a wrong ORCID check digit or a broken author.json, naming it, and changes nothing', async () => {
    const before = await cliJson('list', dir)
    const bad = await cli('annotate', dir, '--doc', before.documents?.[0]?.id ?? 'x', '--quote', 'Timur', '--author', 'Ada <0000-0002-1825-0098>')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--author "Ada <0000-0002-1825-0098>": .*check digit is wrong/)
    writeFileSync(join(config, 'author.json'), '{"name": 3}')
    const broken = await cli('list', dir)
    expect(broken.code).not.toBe(0)
    expect(broken.stderr).toContain(join(config, 'author.json'))
    writeFileSync(join(config, 'author.json'), '{"name": "Ben Jonson"}')
    expect(await cliJson('list', dir)).toEqual(before)
  }, 600_000)
})

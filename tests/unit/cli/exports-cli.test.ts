/**
 * The `export` and `import-json` commands, run as a user runs them (real CLI processes) on the
 * real seed article: JSON to stdout round trips byte for byte; CSV goes into a folder with its loss
 * report; a one-file export goes to --out with the report beside it; errors go to stderr, exit ≠ 0.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cliCommand } from '../../helpers/cli-command'

const ROOT = resolve(__dirname, '../../..')
const SEED = resolve(ROOT, 'documents/john-vii-palaiologos.txt') // ships with the app
const cli = (...args: string[]) => spawnSync(...cliCommand(...args), { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

describe.skipIf(!existsSync(SEED))('CLI export / import-json', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'marginalia-cli-export-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('exports, imports into an empty project and exports the same bytes; refuses a second import', () => {
    const a = join(tmp, 'a')
    expect(cli('init', a).status).toBe(0)
    const doc = JSON.parse(cli('import', a, SEED).stdout) as { id: string }
    expect(cli('annotate', a, '--doc', doc.id, '--quote', 'Bayezid', '--occurrence', '1', '--note', 'line one\nline two').status).toBe(0)
    const first = cli('export', a, '--format', 'json')
    expect(first.status).toBe(0)
    expect(first.stderr).toMatch(/not carried by json: original source files/)
    const file = join(tmp, 'a.json')
    expect(cli('export', a, '--format', 'json', '--out', file).status).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(first.stdout)
    expect(JSON.parse(readFileSync(join(tmp, 'a.losses.json'), 'utf8')).files).toEqual(['a.json'])

    const b = join(tmp, 'b')
    expect(cli('init', b).status).toBe(0)
    const imported = cli('import-json', b, file)
    expect(imported.status).toBe(0)
    expect(JSON.parse(imported.stdout).counts).toMatchObject({ documents: 1, annotations: 1 })
    expect(cli('export', b, '--format', 'json').stdout).toBe(first.stdout)
    const again = cli('import-json', b, file)
    expect(again.status).not.toBe(0)
    expect(again.stderr).toMatch(/empty project.*\[conflict\]/)
  }, 120_000)

  it('writes CSV tables into a folder with the loss report, and rejects an unknown format', () => {
    const a = join(tmp, 'a')
    const out = join(tmp, 'csv')
    const r = cli('export', a, '--format', 'csv', '--out', out, '--bom')
    expect(r.status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['annotations.csv', 'citations.csv', 'csv-export.losses.json', 'entities.csv', 'relations.csv', 'verifications.csv'])
    expect(readFileSync(join(out, 'annotations.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff)
    const bad = cli('export', a, '--format', 'docx')
    expect(bad.status).not.toBe(0)
    expect(bad.stderr).toMatch(/--format must be one of json, csv, w3c, tei/)
  }, 120_000)
})

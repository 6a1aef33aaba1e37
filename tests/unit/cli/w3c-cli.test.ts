/** `import-annotations DIR --doc ID FILE` as a user runs it (a real process, the bundled CLI). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEED_PATH, tempDir } from '../../helpers/temp-dir'
import { cli } from '../../helpers/run-cli'

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir('marginalia-w3c-cli-')))
afterAll(() => cleanup())

describe('import-annotations CLI', () => {
  it('imports, anchors and reports orphans; a bad file fails with a message and exit code', async () => {
    const project = join(dir, 'p')
    expect((await cli('init', project)).code).toBe(0)
    const imported = await cli('import', project, SEED_PATH)
    expect(imported.code).toBe(0)
    const docId = JSON.parse(imported.stdout).id as string
    const file = join(dir, 'annos.jsonld')
    writeFileSync(file, JSON.stringify([
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:1', type: 'Annotation',
        body: { type: 'TextualBody', purpose: 'tagging', value: 'usurper' },
        target: { selector: { type: 'TextQuoteSelector', exact: 'ousted to his grandfather John V', prefix: 'On April 14, 1390 John VII Palaiologos ' } } },
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'urn:x:2', type: 'Annotation',
        target: { selector: { type: 'TextQuoteSelector', exact: 'the Council of Florence' } } }
    ]))
    const r = await cli('import-annotations', project, '--doc', docId, file)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 2, anchored: 1, moved: 0, orphaned: 1, orphans: [{ index: 1, externalId: 'urn:x:2' }] })
    expect(r.stderr).toContain('"the Council of Florence": the quote is not in this document')

    writeFileSync(join(dir, 'bad.json'), '{ nope')
    const bad = await cli('import-annotations', project, '--doc', docId, join(dir, 'bad.json'))
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/bad\.json: not a JSON file/)
  }, 60_000)
})

/**
 * The CLI as a user runs it (a real process, the bundled CLI): import → annotate by quote → export json,
 * on the seed and on other documents in the same layout; every exported annotation's code point
 * slice of its document's text equals its quote.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { corpusPath, SEED_PATH, tempDir } from '../../helpers/temp-dir'
import { cli, cliJson as json } from '../../helpers/run-cli'

interface Exported {
  documents: { id: string; text: string }[]
  annotations: { documentId: string; tags: string[]; target: { start: number; end: number; exact: string } }[]
}

/** Every annotation's [start, end) in code points of its document's exported text equals its exact. */
function expectSlicesMatch(exported: Exported): number {
  const texts = new Map(exported.documents.map((d) => [d.id, [...d.text]]))
  for (const a of exported.annotations) {
    expect(texts.get(a.documentId)!.slice(a.target.start, a.target.end).join('')).toBe(a.target.exact)
  }
  return exported.annotations.length
}

let dir: string
let cleanup: () => void
beforeAll(() => ({ dir, cleanup } = tempDir()))
afterAll(() => cleanup())

// Each CLI call is a fresh process (~1 s of CPU to load the bundled CLI's modules; several seconds
// of wall time on a loaded 2-core machine), so these tests of a dozen calls get minutes, not 30 s.
describe('CLI round trip', { timeout: 300_000 }, () => {
  it('imports the seed, annotates by quote (Greek included), exports json whose offsets are code points', async () => {
    const project = join(dir, 'seed')
    await json('init', project)
    const doc = await json('import', project, SEED_PATH)
    expect(doc).toMatchObject({ title: 'John VII Palaiologos', format: 'wiki' })
    expect(doc.id).toMatch(/^doc_/)
    const greek = await json('annotate', project, '--doc', doc.id, '--quote', "Ιωάννης Ζ' Παλαιολόγος", '--tag', 'name', '--note', 'Greek form')
    expect(greek.target.exact).toBe("Ιωάννης Ζ' Παλαιολόγος")
    await json('annotate', project, '--doc', doc.id, '--quote', 'Iōannēs VII Palaiologos', '--tag', 'name')
    await json('annotate', project, '--doc', doc.id, '--quote', 'John VII', '--occurrence', '3', '--tag', 'person')
    await json('annotate', project, '--doc', doc.id, '--quote', 'Battle of Ankara (July 20, 1402)', '--tag', 'event', '--tag', 'date')

    const listed = await json('list', project, '--doc', doc.id)
    expect(listed.annotations).toHaveLength(4)

    const out = join(dir, 'seed-export.json')
    await json('export', project, '--format', 'json', '--out', out)
    const exported = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')) as Exported
    expect(expectSlicesMatch(exported)).toBe(4)
    expect(exported.annotations.flatMap((a) => a.tags)).toEqual(expect.arrayContaining(['name', 'person', 'event', 'date']))
    // The Greek name sits after 67 code points of the text (more UTF-16 units would mean a unit mix-up).
    expect(exported.annotations.find((a) => a.target.exact.startsWith('Ιωάννης'))!.target.start).toBe(68)
  })

  it('gives a clear error on stderr and a non-zero exit code for bad input, changing nothing', async () => {
    const project = join(dir, 'errors')
    await json('init', project)
    const doc = await json('import', project, SEED_PATH)
    const ambiguous = await cli('annotate', project, '--doc', doc.id, '--quote', 'John VII')
    expect(ambiguous.code).not.toBe(0)
    expect(ambiguous.stderr).toMatch(/occurs \d+ times; choose one with --occurrence/)
    const missing = await cli('annotate', project, '--doc', doc.id, '--quote', 'Charlemagne')
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toMatch(/does not occur/)
    const latin1 = join(dir, 'latin1.txt')
    writeFileSync(latin1, Buffer.from([0x47, 0x69, 0x62, 0x62, 0x6f, 0x6e, 0xe6]))
    const bad = await cli('import', project, latin1)
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/latin1\.txt: not valid UTF-8/)
    const notAProject = await cli('list', join(dir, 'nowhere'))
    expect(notAProject.code).not.toBe(0)
    expect(notAProject.stderr).toMatch(/no such project folder/)
    const listed = await json('list', project)
    expect(listed.documents).toHaveLength(1)
    expect(listed.annotations).toHaveLength(0)
  })

  it('writes a one-file export to the file named by --out, and asks for a folder when there are several', async () => {
    const project = join(dir, 'out-paths')
    await json('init', project)
    const doc = await json('import', project, SEED_PATH)
    await json('annotate', project, '--doc', doc.id, '--quote', 'Keratsa of Bulgaria', '--tag', 'person')
    const file = join(dir, 'exports', 'seed.jsonld')
    const written = await json('export', project, '--format', 'w3c', '--out', file)
    expect(written.paths).toEqual([file, join(dir, 'exports', 'seed.losses.json')])
    expect(JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')).type).toBe('AnnotationCollection')
    const csv = await cli('export', project, '--format', 'csv', '--out', join(dir, 'exports', 'tables.csv'))
    expect(csv.code).not.toBe(0)
    expect(csv.stderr).toMatch(/5 files .*give --out FOLDER/)
    await json('export', project, '--format', 'csv', '--out', join(dir, 'exports', 'tables'))
    expect(existsSync(join(dir, 'exports', 'tables', 'annotations.csv'))).toBe(true)
  })

  const wp2txt = corpusPath('wiki/wp2txt-format/wp2txt-1.0.0_testdata_en.txt')
  it.skipIf(!existsSync(wp2txt))('round-trips other documents in the same layout (wp2txt English test data, 144 articles)', async () => {
    const project = join(dir, 'wp2txt')
    await json('init', project)
    const doc = await json('import', project, wp2txt)
    expect(doc.format).toBe('wiki')
    expect(doc.title).toBe('Anarchism')
    expect(doc.categories).toContain('Anti-capitalism')
    for (const [quote, occurrence] of [['Achilles', '1'], ['Aristotle', '2'], ['political philosophy', '1']]) {
      await json('annotate', project, '--doc', doc.id, '--quote', quote, '--occurrence', occurrence)
    }
    const out = join(dir, 'wp2txt-export.json')
    await json('export', project, '--format', 'json', '--out', out)
    expect(expectSlicesMatch(JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')))).toBe(3)
  }, 300_000)
})

/** `search`, `kwic` and `annotations` as a user runs them: real CLI processes, output through pipes. */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../src/main/services/project-session'
import { KWIC_COLUMNS } from '../../../src/shared/corpus/kwic'
import type { Result } from '../../../src/shared/result'
import { cliCommand } from '../../helpers/cli-command'
import { cli, cliJson } from '../../helpers/run-cli'
import { corpusPath, ROOT, SEED_PATH, tempDir } from '../../helpers/temp-dir'

const GIBBON6 = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')
const sh = promisify(execFile)
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}
/** Runs the CLI in a shell pipeline `… | TAIL` and returns the pipeline's output and the CLI's stderr. */
async function piped(args: string[], tail: string): Promise<{ stdout: string; stderr: string }> {
  const quoted = cliCommand(...args).flat().map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
  return sh('bash', ['-o', 'pipefail', '-c', `${quoted} | ${tail}`], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })
}

describe.skipIf(!existsSync(GIBBON6))('search, kwic and annotations CLI on the seed and Gibbon vol. 6 (needs ../shared/corpus)', () => {
  let dir: string
  let cleanup: () => void
  let seedId: string
  let gibbonId: string
  let bayezid: string
  beforeAll(async () => {
    ;({ dir, cleanup } = tempDir('marginalia-search-cli-'))
    const session = await ProjectSession.open(dir, { create: true })
    const api = session.api
    seedId = ok(await api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(readFileSync(SEED_PATH)) })).id
    gibbonId = ok(await api.importDocument({ fileName: 'gibbon-vol6.txt', contentBase64: b64(readFileSync(GIBBON6)) })).id
    bayezid = ok(await api.createEntity({ type: 'person', label: 'Bayezid I', aliases: ['Bajazet'] })).id
    const cit = ok(await api.createCitation({ item: { type: 'book', title: 'Decline and Fall', author: [{ family: 'Gibbon' }] } })).id
    ok(await api.annotateQuote({ documentId: seedId, quote: 'Bayezid I of the Ottoman Empire', entityIds: [bayezid], tags: ['ottoman'] }))
    const claim = ok(await api.annotateQuote({ documentId: seedId, quote: 'Bayezid confirmed', entityIds: [bayezid], citations: [{ citationId: cit, locator: 'ch. LXIV' }] })).id
    ok(await api.annotateQuote({ documentId: seedId, quote: 'Thessalonica on the Aegean Sea', tags: ['ottoman', 'place'] }))
    ok(await api.verifyClaim({ annotationId: claim, citationId: cit, status: 'contradicted' }))
    await session.close()
  }, 120_000)
  afterAll(() => cleanup())

  it('search: JSON hits in both documents with code point offsets and context', async () => {
    const r = await cliJson('search', dir, '--query', 'Palaeologus', '--limit', '1000')
    expect(r.documents.map((d: { documentId: string }) => d.documentId)).toEqual([gibbonId, seedId]) // most hits first
    const hit = r.documents[1].hits[0]
    expect(hit).toMatchObject({ exact: 'Palaeologus', left: expect.stringContaining('John VII Palaiologos (or '), right: ') (Greek: Ιωάννης Ζ\' Παλαιολόγος, Iōannēs VII Palaiologos) (' })
    expect([...hit.right]).toHaveLength(60) // code points of context by default
    expect(hit.end - hit.start).toBe(11)
    const limited = await cliJson('search', dir, '--query', 'Palaeologus', '--limit', '5', '--doc', seedId)
    expect(limited.documents[0].hits.length).toBeLessThanOrEqual(5)
    const one = await cliJson('search', dir, '--query', 'παλαιολογος', '--doc', seedId)
    expect(one.documents[0].hits[0].exact).toBe('Παλαιολόγος')
    expect((await cliJson('search', dir, '--query', 'Bajazet', '--doc', seedId)).total).toBe(2) // "Bayezid I", through the alias
    expect((await cliJson('search', dir, '--query', 'Bajazet', '--doc', seedId, '--no-variants')).total).toBe(0)
  }, 120_000)

  it('search: 8 MB of hits arrive whole through a pipe, and a reader that stops early ends it quietly', async () => {
    const args = ['search', dir, '--query', 'the', '--limit', '100000']
    const whole = await piped(args, 'cat')
    const parsed = JSON.parse(whole.stdout) as { total: number; documents: { hits: unknown[] }[] }
    expect(parsed.documents.reduce((n, d) => n + d.hits.length, 0)).toBe(parsed.total)
    expect(parsed.total).toBeGreaterThan(25_000)
    // A reader that leaves early: the CLI ends with 141 (128 + SIGPIPE) as cat does, and says nothing (see cli-pipe.test.ts).
    const head = await piped(args, 'head -c 100').then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e
    )
    expect(head.code).toBe(141)
    expect(head.stdout).toHaveLength(100)
    expect(head.stderr).toBe('')
  }, 120_000)

  it('kwic: an entity’s mentions as JSON, a word’s concordance sorted by the left word as CSV through a pipe', async () => {
    const k = await cliJson('kwic', dir, '--entity', bayezid)
    expect(k.lines.map((l: { keyword: string }) => l.keyword)).toEqual(['Bayezid I of the Ottoman Empire', 'Bayezid confirmed'])
    const withNames = await cliJson('kwic', dir, '--entity', bayezid, '--names', '--width', '10', '--doc', seedId)
    expect(withNames.lines.map((l: { keyword: string }) => l.keyword)).toEqual(['Bayezid I of the Ottoman Empire', 'Bayezid confirmed', 'Bayezid I']) // "Bayezid" alone is no name of his here
    const csv = await piped(['kwic', dir, '--query', 'John', '--doc', seedId, '--sort', 'left', '--width', '30', '--format', 'csv'], 'cat')
    const rows = Papa.parse<string[]>(csv.stdout.trimEnd(), { newline: '\r\n' }).data
    expect(rows[0]).toEqual([...KWIC_COLUMNS])
    expect(rows.length).toBeGreaterThan(20)
    const leftWords = rows.slice(1).map((r) => (r[4].match(/[\p{L}\p{N}]+/gu) ?? ['']).at(-1)!.toLowerCase())
    expect(leftWords).toEqual([...leftWords].sort())
    const bad = await cli('kwic', dir, '--query', 'x', '--entity', bayezid)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('give exactly one of --query Q or --entity ID')
  }, 120_000)

  it('annotations: filtered by tag, entity, type and verdict, as JSON and CSV', async () => {
    const byTag = await cliJson('annotations', dir, '--tag', 'ottoman')
    expect(byTag.total).toBe(2)
    const both = await cliJson('annotations', dir, '--tag', 'ottoman', '--entity', bayezid)
    expect(both.rows.map((r: { exact: string }) => r.exact)).toEqual(['Bayezid I of the Ottoman Empire'])
    const contradicted = await cliJson('annotations', dir, '--verdict', 'contradicted', '--type', 'person')
    expect(contradicted.rows.map((r: { exact: string; citations: { locator: string }[] }) => [r.exact, r.citations[0].locator])).toEqual([['Bayezid confirmed', 'ch. LXIV']])
    const csv = await piped(['annotations', dir, '--doc', seedId, '--sort', 'quote', '--format', 'csv'], 'cat')
    const rows = Papa.parse<string[]>(csv.stdout.trimEnd(), { newline: '\r\n' }).data
    expect(rows.slice(1).map((r) => r[5])).toEqual(['Bayezid confirmed', 'Bayezid I of the Ottoman Empire', 'Thessalonica on the Aegean Sea'])
    const bad = await cli('annotations', dir, '--verdict', 'wrong')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--verdict must be one of')
  }, 120_000)
})

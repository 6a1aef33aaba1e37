import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { Result } from '../../../../src/shared/result'
import { corpusPath, SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

describe.skipIf(!existsSync(GIBBON))('compare service on the seed and Gibbon vol. 6 (needs ../shared/corpus)', () => {
  let session: ProjectSession
  let dir: string
  let cleanup: () => void
  let seedId: string
  let citationId: string
  let annotationId: string
  let sourceId: string

  beforeAll(async () => {
    const t = tempDir()
    dir = t.dir
    cleanup = t.cleanup
    session = await ProjectSession.open(dir, { create: true })
    seedId = ok(await session.api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(readFileSync(SEED_PATH)) })).id
    citationId = ok(await session.api.createCitation({ item: { type: 'book', title: 'The History of the Decline and Fall of the Roman Empire, vol. 6', author: [{ family: 'Gibbon', given: 'Edward' }] } })).id
    annotationId = ok(await session.api.annotateQuote({
      documentId: seedId,
      quote: 'Manuel II left to ask for military aid in Western Europe and left John VII as regent to defend the capital.',
      citations: [{ citationId, locator: 'ch. LXIV' }]
    })).id
  }, 60_000)
  afterAll(async () => {
    await session.close()
    cleanup()
  })

  it('attaches a file as a source document and links it to the item', async () => {
    const citation = ok(await session.api.attachSource({ citationId, fileName: 'gibbon-vol6.txt', contentBase64: b64(readFileSync(GIBBON)) }))
    sourceId = citation.sourceDocumentId!
    expect(sourceId).toBeTruthy()
    expect(session.store.data.documents[sourceId].role).toBe('source')
    expect(session.store.data.citations[citationId].sourceDocumentId).toBe(sourceId)
  }, 60_000)

  it('builds the index as a job with progress, stops when cancelled, and builds it later', async () => {
    const indexFile = join(dir, 'index', `${sourceId}.json`)
    const job = ok(await session.api.startJob({ method: 'indexSource', args: { documentId: sourceId } }))
    let state = job
    for (let i = 0; i < 500 && state.done === 0; i++) {
      await new Promise((r) => setTimeout(r, 10))
      state = ok(await session.api.getJob({ id: job.id }))
    }
    expect(state.status).toBe('running')
    expect(state.total).toBeGreaterThan(7000) // sentences of Gibbon vol. 6
    expect(state.done).toBeGreaterThan(0)
    ok(await session.api.cancelJob({ id: job.id }))
    // A build that ignored the cancel would finish and write its file within this time (it takes ~2 s).
    await new Promise((r) => setTimeout(r, 4000))
    expect(existsSync(indexFile)).toBe(false)
    expect(ok(await session.api.indexSource({ documentId: sourceId })).cached).toBe(false)
    expect(existsSync(indexFile)).toBe(true)
  }, 60_000)

  it('ranks the supporting passage first for the annotation, within the cited chapter, and keeps the index on disk', async () => {
    // Five candidates, as the view lists them (a list of three keeps only two places inside the cited region).
    const result = ok(await session.api.compareClaim({ annotationId, top: 5 }))
    expect(result).toMatchObject({ sourceDocumentId: sourceId, citationId, locator: 'ch. LXIV' })
    expect(result.narrowedTo?.label).toMatch(/^Chapter LXIV/)
    const best = result.candidates.slice(0, 3).find((c) => c.exact.includes('he should leave his blind competitor on the throne'))!
    expect(best, 'the labelled passage is in the top 3').toBeDefined()
    expect(best.outsideCitedRegion).toBeUndefined()
    const text = ok(await session.api.getDocument({ id: sourceId })).text
    expect([...text].slice(best.start, best.end).join('')).toBe(best.exact)
    // Claim spans are offsets of the seed document.
    const seedText = [...ok(await session.api.getDocument({ id: seedId })).text]
    for (const m of best.matched) for (const s of m.claim) expect(seedText.slice(s.start, s.end).join('')).toBe(s.text)
    expect(existsSync(join(dir, 'index', `${sourceId}.json`))).toBe(true)
    expect(ok(await session.api.indexSource({ documentId: sourceId })).cached).toBe(true)
  }, 60_000)

  it('judges whether the source has the claim, without recording a verdict, and gives the claim\'s parts', async () => {
    const before = JSON.stringify(session.store.data.annotations[annotationId])
    const result = ok(await session.api.compareClaim({ annotationId, top: 3 }))
    expect(['supported-passage-found', 'related-passages-only', 'not-found']).toContain(result.judgement.verdict)
    expect(result.judgement.confidence).toBeGreaterThanOrEqual(0)
    expect(result.parts.who).toEqual(expect.arrayContaining(['Manuel', 'John']))
    expect(JSON.stringify(session.store.data.annotations[annotationId])).toBe(before)
  })

  it('checks a passage chosen by hand: its text and its discrepancies, before any verdict', async () => {
    const text = [...ok(await session.api.getDocument({ id: sourceId })).text]
    const m = /A truce of ten years was\s+purchased by an annual tribute of thirty\s+thousand crowns of gold/.exec(text.join(''))!
    expect(m).toBeTruthy()
    const cpStart = [...text.join('').slice(0, m.index)].length
    const checked = ok(await session.api.checkPassage({ claim: 'Manuel bought a truce of seven years for 30,000 crowns', sourceDocumentId: sourceId, start: cpStart, end: cpStart + [...m[0]].length }))
    expect(checked.exact).toBe(m[0])
    expect(checked.discrepancies).toContainEqual({ kind: 'number', claim: 'seven', source: 'ten', variant: false })
    expect(checked.discrepancies.some((d) => d.claim === '30,000')).toBe(false)
    const bad = await session.api.checkPassage({ claim: 'x', sourceDocumentId: sourceId, start: 5, end: 99_999_999 })
    expect(bad.ok).toBe(false)
  })

  it('resolves a chapter locator in the source for "go to cited page"', async () => {
    const located = ok(await session.api.locate({ documentId: sourceId, locator: 'chapters LXIV–LXV' }))
    expect(located.ranges).toHaveLength(1)
    expect(located.ranges[0].label).toMatch(/^Chapter LXIV/)
    const text = [...ok(await session.api.getDocument({ id: sourceId })).text]
    expect(text.slice(located.ranges[0].start, located.ranges[0].start + 12).join('')).toBe('Chapter LXIV')
    expect(ok(await session.api.locate({ documentId: sourceId, locator: 'p. 39' })).unresolved).toEqual([{ kind: 'page', from: '39', to: '39' }])
  })

  it('compares a claim text directly', async () => {
    const result = ok(await session.api.compareClaim({ claim: 'Bayezid was defeated by Timur at the Battle of Ankara', sourceDocumentId: sourceId, top: 3 }))
    expect(result.candidates[0].exact).toMatch(/Angora/)
    expect(result.candidates[0].discrepancies).toContainEqual({ kind: 'name', claim: 'Bayezid', source: 'Bajazet', variant: true })
  })

  it('records a verdict with the source passage as a selector, undoably, and reports it', async () => {
    // The passage labelled for this claim (tests/fixtures/compare-claims.json, c10), chosen by hand.
    const labels = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/compare-claims.json'), 'utf8')) as { claims: { id: string; passages: { start: number; end: number; exact: string }[] }[] }
    const c = labels.claims.find((x) => x.id === 'c10')!.passages[0]
    const ann = ok(await session.api.verifyClaim({ annotationId, citationId, status: 'supported', sourceStart: c.start, sourceEnd: c.end, note: 'Gibbon <b>agrees</b>' }))
    const v = ann.citations[0].verification!
    expect(v).toMatchObject({ status: 'supported', note: 'Gibbon <b>agrees</b>', source: { documentId: sourceId, start: c.start, end: c.end, exact: c.exact } })
    expect(v.source!.prefix.length).toBeGreaterThan(0)
    expect(v.discrepancies.some((d) => d.claim === 'John VII' && !d.variant)).toBe(true)
    const rows = ok(await session.api.verificationReport({}))
    expect(rows).toMatchObject([{ annotationId, status: 'supported', sourceStart: c.start, sourceExact: c.exact }])
    const html = ok(await session.api.exportVerificationReport({ format: 'html' })).content
    expect(html).toContain('Gibbon &lt;b&gt;agrees&lt;/b&gt;')
    expect(html).not.toContain('<b>agrees')
    const csv = ok(await session.api.exportVerificationReport({ format: 'csv' })).content
    expect(csv.split('\r\n')[0]).toMatch(/^document,claim_start,claim_end,claim,/)
    ok(await session.api.undo({}))
    expect(session.store.data.annotations[annotationId].citations[0].verification).toBeUndefined()
  }, 60_000)

  it('rejects a passage outside the source and changes nothing', async () => {
    const before = JSON.stringify(session.store.data)
    const r = await session.api.verifyClaim({ annotationId, citationId, status: 'supported', sourceStart: 10, sourceEnd: 99_999_999 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.code).toBe('invalid-argument')
    expect(JSON.stringify(session.store.data)).toBe(before)
  })
})

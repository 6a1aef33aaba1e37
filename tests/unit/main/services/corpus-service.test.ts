import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { Result } from '../../../../src/shared/result'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

/** The seed with Bayezid and Thessalonica annotated, a cited claim checked, a relation and a second document. */
describe('corpus views over the real services (seed project)', () => {
  let session: ProjectSession
  let cleanup: () => void
  let seedId: string
  let otherId: string
  let bayezid: string
  let thess: string
  let john: string
  let claim: string
  let citationId: string

  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    session = await ProjectSession.open(t.dir, { create: true })
    const api = session.api
    seedId = ok(await api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(readFileSync(SEED_PATH)) })).id
    otherId = ok(await api.importDocument({ fileName: 'gibbon.txt', contentBase64: b64('Bajazet was vanquished by Timour.\n\nBajazet died a captive.\n') })).id
    bayezid = ok(await api.createEntity({ type: 'person', label: 'Bayezid I', aliases: ['Bajazet', 'Bayezid'], dates: { birth: '1360', death: '1403-03-08' } })).id
    thess = ok(await api.createEntity({ type: 'place', label: 'Thessalonica', aliases: [], coordinates: { lat: 40.64, lon: 22.94 } })).id
    john = ok(await api.createEntity({ type: 'person', label: 'John VII Palaiologos', aliases: ['John VII'] })).id
    ok(await api.createRelation({ subject: john, predicate: 'ally of', object: bayezid }))
    citationId = ok(await api.createCitation({ item: { type: 'article-journal', title: 'Manuel II', author: [{ family: 'Necipoğlu', given: 'Nevra' }], issued: { 'date-parts': [[2009]] } } })).id
    ok(await api.annotateQuote({ documentId: seedId, quote: 'Bayezid I of the Ottoman Empire', entityIds: [bayezid, john], tags: ['ottoman'] }))
    ok(await api.annotateQuote({ documentId: seedId, quote: 'Bayezid confirmed', entityIds: [bayezid] }))
    claim = ok(await api.annotateQuote({ documentId: seedId, quote: 'retire to Thessalonica', entityIds: [thess], citations: [{ citationId, locator: 'p. 39' }] })).id
    ok(await api.annotateQuote({ documentId: seedId, quote: 'the city of Thessalonica', entityIds: [thess] }))
    ok(await api.annotateQuote({ documentId: otherId, quote: 'Bajazet died', occurrence: 1, entityIds: [bayezid], tags: ['ottoman'] }))
    ok(await api.verifyClaim({ annotationId: claim, citationId, status: 'supported', note: 'p. 39 says so' }))
  }, 60_000)
  afterAll(async () => {
    await session.close()
    cleanup()
  })

  it('the table filtered by an entity and by a verdict shows the right rows, and the document view gets the same ids', async () => {
    const byEntity = ok(await session.api.annotationTable({ filter: { entityIds: [bayezid] } }))
    expect(byEntity.rows.map((r) => r.exact)).toEqual(['Bajazet died', 'Bayezid I of the Ottoman Empire', 'Bayezid confirmed'])
    expect(byEntity.facets.documentIds.map((f) => [f.label, f.count])).toEqual([['John VII Palaiologos', 2], ['gibbon', 1]])
    const supported = ok(await session.api.annotationTable({ filter: { verdicts: ['supported'] } }))
    expect(supported.rows.map((r) => [r.exact, r.citations[0].locator])).toEqual([['retire to Thessalonica', 'p. 39']])
    expect(ok(await session.api.filterAnnotations({ filter: { entityIds: [bayezid] }, documentId: seedId }))).toEqual(byEntity.rows.slice(1).map((r) => r.id))
  })

  it('exports the filtered, sorted table as CSV', async () => {
    const file = ok(await session.api.exportAnnotationTable({ filter: { tags: ['ottoman'] }, sort: { column: 'quote', descending: true } }))
    const rows = Papa.parse<string[]>(file.content.trimEnd(), { newline: '\r\n' }).data
    expect(rows.slice(1).map((r) => r[5])).toEqual(['Bayezid I of the Ottoman Empire', 'Bajazet died'])
  })

  it('the verification overview reads "1 of 1 claims checked" and exports HTML', async () => {
    const o = ok(await session.api.verificationOverview({}))
    expect(o.progress.summary).toBe('1 of 1 claim checked')
    expect(o.rows[0]).toMatchObject({ claim: 'retire to Thessalonica', status: 'supported', locator: 'p. 39', note: 'p. 39 says so' })
    const html = ok(await session.api.exportVerificationOverview({ format: 'html', filter: { entityIds: [thess] } }))
    expect(html.content).toContain('retire to Thessalonica')
    expect(ok(await session.api.exportVerificationOverview({ format: 'html', filter: { entityIds: [bayezid] } })).content).not.toContain('retire to Thessalonica')
  })

  it('the concordance of an entity lists all its annotated mentions, and with names its other occurrences too', async () => {
    const c = ok(await session.api.concordance({ entityId: bayezid }))
    expect(c.lines.map((l) => l.keyword)).toEqual(['Bajazet died', 'Bayezid I of the Ottoman Empire', 'Bayezid confirmed'])
    expect(c.lines.every((l) => l.annotationId && l.entityId === bayezid)).toBe(true)
    const all = ok(await session.api.concordance({ entityId: bayezid, names: true }))
    const unannotated = all.lines.filter((l) => !l.annotationId)
    // The seed names him 4 more times ("Bayezid I had besieged", "Bayezid was defeated"…), Gibbon once more.
    expect(unannotated.map((l) => l.keyword)).toEqual(expect.arrayContaining(['Bajazet', 'Bayezid I', 'Bayezid']))
    expect(all.total).toBe(c.total + unannotated.length)
    for (const l of unannotated) expect(c.lines.some((a) => a.documentId === l.documentId && a.start < l.end && l.start < a.end)).toBe(false)
  })

  it('a word concordance sorted by the right-hand word, as CSV', async () => {
    const c = ok(await session.api.concordance({ query: 'Thessalonica', sort: 'right', width: 20 }))
    expect(c.total).toBe(3)
    const firstWords = c.lines.map((l) => /\p{L}+/u.exec(l.right)![0].toLowerCase())
    expect(firstWords).toEqual(['had', 'on', 'which'])
    const csv = ok(await session.api.exportConcordance({ query: 'Thessalonica', sort: 'right', width: 20 })).content
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4)
    const bad = await session.api.concordance({ query: 'x', entityId: bayezid })
    expect(!bad.ok && bad.error.code).toBe('invalid-argument')
  })

  it('timeline, map, network and statistics follow the same filter', async () => {
    const t = ok(await session.api.timeline({}))
    expect(t.items.map((i) => i.id)).toEqual([`${bayezid}:life`])
    expect(t.items[0].annotationIds).toHaveLength(3)
    expect(ok(await session.api.timeline({ filter: { documentIds: [otherId] } })).items[0].annotationIds).toHaveLength(1)

    const m = ok(await session.api.mapData({}))
    expect(m.places.map((p) => [p.label, p.mentions])).toEqual([['Thessalonica', 2]])
    expect(ok(await session.api.mapData({ filter: { tags: ['ottoman'] } })).places).toEqual([])

    const n = ok(await session.api.entityNetwork({}))
    expect(n.nodes.map((x) => [x.label, x.mentions])).toEqual([['Bayezid I', 3], ['Thessalonica', 2], ['John VII Palaiologos', 1]])
    expect(n.edges.find((e) => e.kind === 'relation')).toMatchObject({ label: 'ally of', source: john, target: bayezid })
    expect(n.edges.find((e) => e.kind === 'co-occurrence')).toMatchObject({ weight: 1 })
    expect(n.layout.positions.map((p) => p.id).sort()).toEqual(n.nodes.map((x) => x.id).sort())

    const s = ok(await session.api.statistics({ filter: { tags: ['ottoman'] } }))
    expect(s.annotations).toBe(2)
    expect(s.byDocument.map((c) => c.count)).toEqual([1, 1])
    expect(s.topEntities[0]).toMatchObject({ value: bayezid, count: 2 })
  })
})

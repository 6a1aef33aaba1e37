import { existsSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import type { Result } from '../../../../src/shared/result'
import { corpusPath, SEED_PATH, tempDir } from '../../../helpers/temp-dir'

const GIBBON6 = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')
function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.value
}

describe('search service: the index follows the project', () => {
  let session: ProjectSession
  let cleanup: () => void
  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    session = await ProjectSession.open(t.dir, { create: true })
  })
  afterAll(async () => {
    await session.close()
    cleanup()
  })

  const search = async (query: string, documentId?: string) => ok(await session.api.search({ query, documentId }))

  it('finds a document once imported, its new text once re-imported, nothing once deleted, and again after undo', async () => {
    const doc = ok(await session.api.importDocument({ fileName: 'a.txt', contentBase64: b64('Timour met Bajazet at Angora.\n') }))
    expect((await search('angora')).total).toBe(1)
    expect(ok(await session.api.indexForSearch({})).built).toBe(0) // built by the search, kept

    ok(await session.api.reimportDocument({ id: doc.id, fileName: 'a.txt', contentBase64: b64('Timur met Bayezid at Ankara, near Angora.\n\nAnkara again.\n') }))
    const after = await search('ankara')
    expect(after.documents.map((d) => [d.documentId, d.count])).toEqual([[doc.id, 2]])
    expect((await search('Bajazet')).total).toBe(0)

    ok(await session.api.undo({}))
    expect((await search('Bajazet')).total).toBe(1)
    expect(ok(await session.api.indexForSearch({})).built).toBe(0) // the old text's index was kept

    ok(await session.api.deleteDocument({ id: doc.id }))
    expect((await search('angora')).total).toBe(0)
    expect((await search('angora')).searched).toBe(0)
  })

  it('a second document is searched with the first; --doc narrows to one', async () => {
    const a = ok(await session.api.importDocument({ fileName: 'b.txt', contentBase64: b64('Manuel II sailed to Venice.\n') }))
    const b = ok(await session.api.importDocument({ fileName: 'c.txt', contentBase64: b64('Venice and Genoa sent ships. Venice!\n') }))
    const all = await search('venice')
    expect(all.documents.map((d) => [d.documentId, d.count])).toEqual([[b.id, 2], [a.id, 1]])
    expect((await search('venice', a.id)).documents.map((d) => d.documentId)).toEqual([a.id])
  })

  it('entity aliases added later take part in the next search', async () => {
    ok(await session.api.importDocument({ fileName: 'd.txt', contentBase64: b64('Gibbon writes Bajazet; the article writes Bayezid I.\n') }))
    expect((await search('Bayezid')).total).toBe(1)
    ok(await session.api.createEntity({ type: 'person', label: 'Bayezid I', aliases: ['Bajazet', 'Bayezid'] }))
    const r = await search('Bayezid')
    expect(r.documents[0].hits.map((h) => h.exact)).toEqual(['Bajazet', 'Bayezid I'])
  })

  it('a bad query and an unknown document are clear errors', async () => {
    const bad = await session.api.search({ query: '*' })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('wildcard needs at least one letter') })
    const missing = await session.api.search({ query: 'x', documentId: 'doc_missing' })
    expect(!missing.ok && missing.error.code).toBe('not-found')
  })

  it('indexing stops when the caller cancels', async () => {
    ok(await session.api.importDocument({ fileName: 'e.txt', contentBase64: b64('A fresh text to index.\n') }))
    const controller = new AbortController()
    controller.abort()
    const r = await session.call('indexForSearch', {}, { signal: controller.signal })
    expect(!r.ok && r.error.code).toBe('cancelled')
    expect(ok(await session.api.indexForSearch({})).built).toBe(1)
  })
})

describe.skipIf(!existsSync(GIBBON6))('search across the seed and Gibbon vol. 6 (needs ../shared/corpus)', () => {
  let session: ProjectSession
  let cleanup: () => void
  let seedId: string
  let gibbonId: string
  beforeAll(async () => {
    const t = tempDir()
    cleanup = t.cleanup
    session = await ProjectSession.open(t.dir, { create: true })
    seedId = ok(await session.api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: b64(readFileSync(SEED_PATH)) })).id
    gibbonId = ok(await session.api.importDocument({ fileName: 'gibbon-vol6.txt', contentBase64: b64(readFileSync(GIBBON6)) })).id
  }, 60_000)
  afterAll(async () => {
    await session.close()
    cleanup()
  })

  it('indexes as a job with progress over both texts', async () => {
    const job = ok(await session.api.startJob({ method: 'indexForSearch', args: {} }))
    let state = job
    for (let i = 0; i < 3000 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 10))
      state = ok(await session.api.getJob({ id: job.id }))
    }
    expect(state.status).toBe('done')
    expect(state.total).toBe(session.store.data.documents[seedId].length + session.store.data.documents[gibbonId].length)
    expect(state.result).toMatchObject({ documents: 2, built: 2 })
  }, 60_000)

  it('"palaeologus" lists hits in both documents, each at its code point offsets', async () => {
    const r = ok(await session.api.search({ query: 'palaeologus', limit: 100_000 }))
    const byDoc = new Map(r.documents.map((d) => [d.documentId, d]))
    expect(byDoc.get(seedId)!.count).toBeGreaterThanOrEqual(2) // "(or Palaeologus)", the reference title
    expect(byDoc.get(gibbonId)!.count).toBeGreaterThan(50) // Gibbon's "PalÊologus"
    for (const d of r.documents) {
      const text = [...ok(await session.api.getDocument({ id: d.documentId })).text]
      for (const h of d.hits) expect(text.slice(h.start, h.end).join('')).toBe(h.exact)
    }
  })
})

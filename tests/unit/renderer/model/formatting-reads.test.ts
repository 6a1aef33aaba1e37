/**
 * Formatting reads (notes, works cited, one item's preview: citeproc on the services, seconds on a
 * loaded machine) never hold the connections a write needs. The transport here behaves as a
 * browser does towards one server: at most six calls in flight, the rest wait their turn; the
 * formatting calls are slow. While several formatting reads are pending, a write is still sent
 * and answered at once; a read asked again while it waits is sent once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { ProjectReads } from '../../../../src/renderer/model/project-reads'
import type { CountingTransport } from './session-transport'
import { type Seeded, seededModel, settle } from './session-transport'

let ctx: Seeded

beforeEach(async () => {
  ctx = await seededModel()
})
afterEach(() => ctx.close())

const FORMATTING = new Set(['formatNotes', 'formatBibliography'])

/** Six connections, as a browser has to one host; formatting calls stay pending until `release()`. */
function browserLikeTransport(inner: CountingTransport) {
  let inFlight = 0
  const queue: (() => void)[] = []
  const held: (() => void)[] = []
  const sent: string[] = []
  const slot = () => (inFlight < 6 ? (inFlight++, Promise.resolve()) : new Promise<void>((r) => queue.push(() => (inFlight++, r()))))
  const free = () => {
    inFlight--
    queue.shift()?.()
  }
  const transport: CountingTransport = {
    ...inner,
    calls: sent,
    async call(method, args) {
      await slot()
      sent.push(method)
      try {
        if (FORMATTING.has(method)) await new Promise<void>((r) => held.push(r))
        return await inner.call(method, args)
      } finally {
        free()
      }
    }
  }
  return { transport, sent, release: () => held.splice(0).forEach((r) => r()) }
}

describe('formatting reads in flight', () => {
  it('a write is sent and answered while many formatting reads are pending', async () => {
    const { session, seedId } = ctx
    const items = []
    for (let i = 0; i < 8; i++) {
      const r = await session.api.createCitation({ item: { id: `i${i}`, type: 'book', title: `Work ${i}` } })
      if (!r.ok) throw new Error(r.error.message)
      items.push(r.value)
    }
    const b = browserLikeTransport(ctx.transport)
    const m = new ProjectModel(b.transport)
    await m.start()
    // The bibliography tab and the citation panel ask: the notes, the works cited, a preview per item.
    m.reads.notes.of(ProjectReads.notesKey(seedId, 'chicago-notes-bibliography')).get()
    m.reads.worksCited.of(ProjectReads.bibliographyKey('chicago-notes-bibliography')).get()
    for (const item of items) m.reads.worksCited.of(ProjectReads.bibliographyKey('chicago-notes-bibliography', [item.id])).get()
    await settle(20)
    const write = m.mutate('createAnnotation', { documentId: seedId, start: 100, end: 110 })
    const outcome = await Promise.race([write.then(() => 'written'), settle(2000).then(() => 'waiting behind the formatting')])
    expect(outcome).toBe('written')
    expect(b.sent).toContain('createAnnotation')
    // Two formatting reads in flight; the other eight wait in the model, not on the connections.
    expect(b.sent.filter((c) => FORMATTING.has(c))).toHaveLength(2)
    b.release()
    await settle(20)
    b.release()
    m.stop()
  })

  it('a formatting read asked again while it waits is sent once, with the newer arguments', async () => {
    const { seedId } = ctx
    const b = browserLikeTransport(ctx.transport)
    const m = new ProjectModel(b.transport)
    await m.start()
    const styles = ['chicago-notes-bibliography', 'chicago-author-date'] as const
    // Two reads take the two slots; the works cited waits.
    for (const s of styles) m.reads.notes.of(ProjectReads.notesKey(seedId, s)).get()
    const list = m.reads.worksCited.of(ProjectReads.bibliographyKey('chicago-author-date'))
    list.get()
    // An edit makes it stale before it is sent; the view asks again.
    list.invalidate()
    list.get()
    await settle(20)
    for (let i = 0; i < 20 && list.value === undefined; i++) {
      b.release()
      await settle(50)
    }
    expect(list.value).toBeDefined()
    expect(b.sent.filter((c) => c === 'formatBibliography')).toHaveLength(1)
    m.stop()
  })
})

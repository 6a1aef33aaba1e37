/**
 * The model's first read races with edits: links made while the project's lists and the first
 * document are being read must end up counted (the bibliography's "cited by", an entity's
 * mentions), however many edits land during the read — the model applies the events that arrive
 * meanwhile after what it read, instead of reading again a bounded number of times.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { type CountingTransport, type Seeded, seededModel, settle, must } from './session-transport'

/** The item's "cited by" as the bibliography shows it, once the model's counts are current (as a re-rendering view asks). */
async function citedByShown(m: ProjectModel, id: string): Promise<number | undefined> {
  for (let i = 0; i < 400; i++) {
    const shown = m.selections.citationList().find((c) => c.id === id)?.citedBy
    if (!m.counts.citationsStale) return shown
    await settle(10)
  }
  throw new Error('the counts stayed stale')
}

let ctx: Seeded

beforeEach(async () => {
  ctx = await seededModel()
})
afterEach(() => ctx.close())


/** A transport on which another writer links a passage to `citationId` right after each of the first reads of `after`. */
function linkingAfterEachRead(after: string, citationId: string, links: { made: number }): CountingTransport {
  const { session, transport, seedId } = ctx
  return {
    ...transport,
    calls: [],
    async call(method, args) {
      const r = await transport.call(method, args)
      if (method === after && links.made < 4) {
        const start = 100 + 20 * links.made++
        await must(session.api.createAnnotation({ documentId: seedId, start, end: start + 10, citations: [{ citationId }] }))
        // The services send an edit's event when it is durable, so it reaches the window before the
        // answers of calls made after it (IPC keeps order; on loopback HTTP the event goes first):
        // this read's answer arrives after the event (delivered 2 ms after the edit here).
        await settle(15)
      }
      return r
    }
  }
}

describe('the model\'s first read', () => {
  it('counts every link made while the lists are read ("cited by" right)', async () => {
    const item = await must(ctx.session.api.createCitation({ item: { id: 'x', type: 'book', title: 'Byzantium and the Turks' } }))
    const links = { made: 0 }
    const fresh = new ProjectModel(linkingAfterEachRead('listCitations', item.id, links))
    await fresh.start()
    await settle(60)
    const shown = await citedByShown(fresh, item.id) // the bibliography asks (and re-reads while links move)
    const truth = (await must(ctx.session.api.listCitations({}))).find((c) => c.id === item.id)!.citedBy
    expect(links.made).toBeGreaterThan(0)
    expect(truth).toBe(links.made)
    expect(shown).toBe(truth)
    expect(fresh.open?.annotations.size).toBe(truth)
    fresh.stop()
  })

  it('shows a passage linked while the open document\'s annotations are read', async () => {
    const item = await must(ctx.session.api.createCitation({ item: { id: 'y', type: 'book', title: 'The Fall of Constantinople' } }))
    const links = { made: 0 }
    const fresh = new ProjectModel(linkingAfterEachRead('listAnnotations', item.id, links))
    await fresh.start()
    await settle(60)
    expect(links.made).toBeGreaterThan(0)
    expect(fresh.open?.annotations.size).toBe(links.made)
    expect(await citedByShown(fresh, item.id)).toBe(links.made)
    fresh.stop()
  })
})

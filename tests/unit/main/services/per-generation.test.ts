/** Scans of every annotation (tags in use, items' "cited by", entities' mentions) are made once per edit, not once per read. */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { perGeneration } from '../../../../src/main/services/per-generation'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'

let close: (() => Promise<void>) | undefined
afterEach(async () => {
  await close?.()
  close = undefined
})

describe('perGeneration', () => {
  it('computes once while the generation stays, again when it moves', () => {
    const store = { generation: 1 }
    let scans = 0
    const value = perGeneration(store, () => ++scans)
    expect([value(), value(), value()]).toEqual([1, 1, 1])
    store.generation = 2
    expect([value(), value()]).toEqual([2, 2])
  })

  it('the project lists read the annotations once per edit, and follow every edit and its undo', async () => {
    const t = tempDir()
    const session = await ProjectSession.open(t.dir, { create: true })
    close = async () => { await session.close(); t.cleanup() }
    const imported = await session.api.importDocument({ fileName: 'seed.txt', contentBase64: readFileSync(SEED_PATH).toString('base64') })
    if (!imported.ok) throw new Error(imported.error.message)
    const documentId = imported.value.id
    const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => { if (!r.ok) throw new Error(r.error.message); return r.value }
    const entity = must(await session.api.createEntity({ type: 'person', label: 'Theodora' }))
    const item = must(await session.api.createCitation({ item: { type: 'book', title: 'Byzantium' } }))
    const read = async () => ({
      tags: must(await session.api.listTags({})).map((x) => x.id).sort(),
      mentions: must(await session.api.listEntities({})).find((e) => e.id === entity.id)!.mentionCount,
      citedBy: must(await session.api.listCitations({})).find((c) => c.id === item.id)!.citedBy
    })
    expect(await read()).toEqual({ tags: [], mentions: 0, citedBy: 0 })
    must(await session.api.createAnnotation({ documentId, start: 0, end: 8, tags: ['person'], entityIds: [entity.id], citations: [{ citationId: item.id }] }))
    // Reading the three lists twice scans the annotations once (the object they are read from is counted).
    let reads = 0
    const annotations = session.store.data.annotations
    const counting = new Proxy(annotations, { ownKeys: (o) => (reads++, Reflect.ownKeys(o)) })
    Object.defineProperty(session.store.data, 'annotations', { value: counting, configurable: true, writable: true })
    expect(await read()).toEqual({ tags: ['person'], mentions: 1, citedBy: 1 })
    expect(await read()).toEqual({ tags: ['person'], mentions: 1, citedBy: 1 })
    expect(reads).toBe(3)
    Object.defineProperty(session.store.data, 'annotations', { value: annotations, configurable: true, writable: true })
    must(await session.api.undo({}))
    expect(await read()).toEqual({ tags: [], mentions: 0, citedBy: 0 })
  })
})

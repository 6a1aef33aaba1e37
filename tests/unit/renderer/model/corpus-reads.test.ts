/**
 * The corpus views' reads through the model: a result is fetched once and kept, an edit (whoever
 * made it) makes the shown results stale so they are read again with the edit in them, the shared
 * filter narrows the table and the document view's highlights, and equal filters share one read.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cleanFilter } from '../../../../src/renderer/model/corpus-reads'
import type { ProjectModel } from '../../../../src/renderer/model/project-model'
import { readValue as value, type Seeded, seededModel, settle } from './session-transport'

let ctx: Seeded
let model: ProjectModel
let seedId: string

beforeEach(async () => {
  ctx = await seededModel()
  ;({ model, seedId } = ctx)
})
afterEach(() => ctx.close())


describe('corpus reads', () => {
  it('the table is read again after an edit and shows it; asking again without an edit reads nothing', { timeout: 120_000 }, async () => {
    const table = () => model.corpus.get('annotationTable', { filter: {}, limit: 50 })
    expect((await value(table)).total).toBe(0)
    const first = table().value
    await settle()
    expect(table().value).toBe(first) // kept, not fetched again
    expect(table().loading).toBe(false)
    await model.mutate('annotateQuote', { documentId: seedId, quote: 'Selymbria (Silivri)', tags: ['place'] })
    await settle()
    // Stale now: the next ask reads again, and the new row is there.
    await expect.poll(async () => (await value(table)).total, { timeout: 60_000 }).toBe(1)
    expect(table().value!.rows[0].exact).toBe('Selymbria (Silivri)')
  })

  it('the shared filter narrows the document view’s highlights to the ids the services keep', { timeout: 120_000 }, async () => {
    const a = await model.mutate('annotateQuote', { documentId: seedId, quote: 'Selymbria (Silivri)', tags: ['place'] })
    await model.mutate('annotateQuote', { documentId: seedId, quote: 'Keratsa of Bulgaria', tags: ['person'] })
    expect(model.corpus.highlighted(seedId)).toBeUndefined() // no filter: every highlight
    model.corpus.setFilter({ tags: ['place'], entityIds: [] })
    expect(model.corpus.filter).toEqual({ tags: ['place'] })
    await expect.poll(() => [...(model.corpus.highlighted(seedId) ?? [])], { timeout: 60_000 }).toEqual([a.id])
  })

  it('equal filters give one key', () => {
    expect(JSON.stringify(cleanFilter({ tags: [], text: '', verdicts: ['supported'], documentIds: undefined }))).toBe(JSON.stringify({ verdicts: ['supported'] }))
  })
})

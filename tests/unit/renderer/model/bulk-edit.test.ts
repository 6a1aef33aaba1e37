/**
 * A bulk action of the annotation table through the renderer's model: `mutate('editAnnotations')`
 * is one write call whose result the model shows at once (deleted rows gone from the open
 * document, tagged rows tagged), and one `undo` brings every row back.
 */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { type CountingTransport, type Seeded, seededModel, settle } from './session-transport'
import type { ProjectModel } from '../../../../src/renderer/model/project-model'

let ctx: Seeded
let transport: CountingTransport
let model: ProjectModel
let seedId: string

beforeEach(async () => {
  ctx = await seededModel()
  ;({ transport, model, seedId } = ctx)
})
afterEach(() => ctx.close())

it('deletes three highlights in one call, shown before the event; one undo brings all three back', async () => {
  const ids: string[] = []
  for (const quote of ['Thessalonica', 'Selymbria', 'Western Europe']) ids.push((await model.mutate('annotateQuote', { documentId: seedId, quote, occurrence: 1, tags: ['place'] })).id)
  await settle()
  transport.calls.length = 0

  await model.mutate('editAnnotations', { ids: ids.slice(0, 2), addTags: ['geography'] })
  expect(ids.slice(0, 2).map((id) => model.open?.annotations.get(id)?.tags)).toEqual([['place', 'geography'], ['place', 'geography']])
  await settle() // its change event in, so the next result is the newest news
  await model.mutate('editAnnotations', { ids, delete: true })
  expect(model.open?.annotations.size).toBe(0) // from the result, not yet from the event
  await settle()
  expect(transport.calls).toEqual(['editAnnotations', 'editAnnotations'])
  expect(model.history).toMatchObject({ canUndo: true, undoLabel: 'Delete 3 annotations' })

  await model.mutate('undo', {})
  await settle()
  expect(model.open?.annotations.all.map((a) => a.id).sort()).toEqual([...ids].sort())
  expect(model.open?.annotations.get(ids[0])?.tags).toEqual(['place', 'geography'])
  expect(model.history).toMatchObject({ undoLabel: 'Edit 2 annotations' })
})

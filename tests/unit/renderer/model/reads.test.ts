/**
 * The model's cached reads follow edits: the works cited gain an item when a passage starts citing
 * it, reference proposals are marked accepted, an entity's mentions and an item's citing passages
 * change in place.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { ProjectReads } from '../../../../src/renderer/model/project-reads'
import { readValue as value, type Seeded, seededModel, settle } from './session-transport'

let ctx: Seeded
let model: ProjectModel
let seedId: string

beforeEach(async () => {
  ctx = await seededModel()
  ;({ model, seedId } = ctx)
})
afterEach(() => ctx.close())


describe('cached reads', () => {
  it('accepting a reference marks it accepted and puts its item in the works cited', { timeout: 180_000 }, async () => {
    const key = ProjectReads.bibliographyKey('chicago-notes-bibliography')
    const proposals = await value(() => model.reads.proposals.of(seedId).get())
    expect((await value(() => model.reads.worksCited.of(key).get())).entries).toEqual([])
    const z = proposals.find((p) => p.exact.includes('Zachariadou'))!
    const accepted = await model.mutate('acceptReference', { documentId: seedId, proposalId: z.id })
    await settle()
    expect(model.citations.get(accepted.citation.id)?.citedBy).toBe(1)
    const cited = await value(() => model.reads.worksCited.of(key).get())
    expect(cited.entries.map((e) => e.citationId)).toEqual([accepted.citation.id])
    expect(cited.entries[0].text).toContain('Zachariadou')
    const after = await value(() => model.reads.proposals.of(seedId).get())
    expect(after.find((p) => p.id === z.id)?.accepted).toBe(true)
  })
})

/**
 * The model's cached reads follow edits: the works cited gain an item when a passage starts citing
 * it, reference proposals are marked accepted, an entity's mentions and an item's citing passages
 * change in place.
 */
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { ProjectModel } from '../../../../src/renderer/model/project-model'
import { ProjectReads } from '../../../../src/renderer/model/project-reads'
import { SEED_PATH, tempDir } from '../../../helpers/temp-dir'
import { type CountingTransport, sessionTransport, settle } from './session-transport'

let session: ProjectSession
let cleanup: () => void
let transport: CountingTransport
let model: ProjectModel
let seedId: string

beforeEach(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  session = await ProjectSession.open(t.dir, { create: true })
  const r = await session.api.importDocument({ fileName: 'john-vii-palaiologos.txt', contentBase64: Buffer.from(readFileSync(SEED_PATH, 'utf8')).toString('base64') })
  if (!r.ok) throw new Error(r.error.message)
  seedId = r.value.id
  transport = sessionTransport(session, 2)
  model = new ProjectModel(transport)
  await model.start()
  await settle()
})
afterEach(async () => {
  model.stop()
  await session.close()
  cleanup()
})

/** Asks for a read until it has a value (as a view re-rendering would). */
async function value<T>(get: () => { value: T | undefined; loading: boolean; error?: string }): Promise<T> {
  // Formatting compiles a CSL style the first time: seconds, more on a loaded machine.
  for (let i = 0; i < 2400; i++) {
    const r = get()
    if (r.error) throw new Error(r.error)
    if (r.value !== undefined && !r.loading) return r.value
    await settle(25)
  }
  throw new Error('no value')
}

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

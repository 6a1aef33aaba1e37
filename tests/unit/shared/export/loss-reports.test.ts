/**
 * The loss report is how a historian learns what an export left behind: each item names what, how
 * many records, and the model fields concerned. A wrong count, a missing item, or an item for
 * something the project does not have misleads them about their data.
 */
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportCsl } from '../../../../src/shared/export/csl'
import { exportCsv } from '../../../../src/shared/export/csv'
import type { ExportInput, LossItem } from '../../../../src/shared/export/types'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

const input = (data: ProjectData, texts: Record<string, string>, more: Partial<ExportInput> = {}): ExportInput =>
  ({ data, texts, scope: {}, options: {}, exportedAt: '2026-11-26T12:00:00.000Z', ...more })
const counts = (losses: LossItem[]) => losses.map((l) => [l.what.replace(/ \(.*/s, ''), l.count, l.fields])

/** The fixture without tags, predicates, relations and rejected suggestions. */
function bare(): { data: ProjectData; texts: Record<string, string> } {
  const { data, texts } = fixtureProject()
  return { data: { ...data, tags: {}, predicates: {}, relations: {}, rejectedSuggestions: {} }, texts }
}

describe('CSV loss report', () => {
  it('lists the documents, the tag colours, the predicate vocabulary and the rejected suggestions, with counts', () => {
    const { data, texts } = fixtureProject()
    expect(counts(exportCsv(input(data, texts)).losses)).toEqual([
      ['documents', 1, ['documents']],
      ['tag colours', 2, ['tags.color']],
      ['the predicate vocabulary', 2, ['predicates.builtin']],
      ['rejected suggestions', 1, ['rejectedSuggestions']]
    ])
    expect(exportCsv(input(data, texts)).losses.at(-1)!.what).toBe('rejected suggestions (kept so that they are not proposed again; export JSON to keep them)')
  })

  it('lists only what the project has: no colours, predicates or suggestions to lose, no item for them', () => {
    const { data, texts } = bare()
    data.tags.plain = { id: 'plain', color: '' } // a tag without a colour loses nothing
    expect(counts(exportCsv(input(data, texts)).losses)).toEqual([['documents', 1, ['documents']]])
  })

  it('names the zip after the document exported, or the project, or "marginalia" when the title has no letters', () => {
    const { data, texts } = fixtureProject()
    data.documents.doc_1.title = 'Chronicle of Morea'
    const one = exportCsv(input(data, texts, { scope: { documentId: 'doc_1' }, options: { zip: true } })).files
    expect(one.map((f) => f.name)).toEqual(['Chronicle-of-Morea-csv.zip'])
    expect(Object.keys(unzipSync(one[0].content as Uint8Array))).toHaveLength(5)
    data.project.name = '…'
    expect(exportCsv(input(data, texts, { options: { zip: true } })).files[0].name).toBe('marginalia-csv.zip')
  })
})

describe('bibliography-only loss report (CSL-JSON, BibTeX)', () => {
  it('lists every other collection with its count, the record times and the attached sources', () => {
    const { data, texts } = fixtureProject()
    const losses = exportCsl(input(data, texts)).losses
    expect(counts(losses)).toEqual([
      ['documents', 1, ['documents']],
      ['annotations', Object.keys(data.annotations).length, ['annotations']],
      ['entities', 11, ['entities']],
      ['relations', 2, ['relations']],
      ['the predicate vocabulary', 2, ['predicates']],
      ['tags and their colours', 2, ['tags']],
      ['rejected suggestions', 1, ['rejectedSuggestions']],
      ['times the bibliography items were added and edited', 2, ['citations.created', 'citations.modified']],
      ['attached source documents', 1, ['citations.sourceDocumentId']]
    ])
    expect(losses[0].what).toBe('documents (CSL-JSON holds bibliographic items only; use the JSON or W3C export for the passages citing them)')
  })

  it('says who added or edited items only when some were, and nothing about items when there are none', () => {
    const { data, texts } = bare()
    data.citations.cit_zach = { ...data.citations.cit_zach, createdBy: { name: 'Ada Historian' } }
    data.citations.cit_gibbon = { ...data.citations.cit_gibbon, sourceDocumentId: undefined }
    expect(counts(exportCsl(input(data, texts)).losses).slice(-2)).toEqual([
      ['times the bibliography items were added and edited', 2, ['citations.created', 'citations.modified']],
      ['who added and last edited the bibliography items', 1, ['citations.createdBy.name', 'citations.createdBy.orcid', 'citations.modifiedBy.name', 'citations.modifiedBy.orcid']]
    ])
    const none = exportCsl(input({ ...data, citations: {} }, texts)).losses
    expect(none.map((l) => l.what)).not.toContainEqual(expect.stringMatching(/bibliography items|attached/))
  })
})

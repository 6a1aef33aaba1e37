import { describe, expect, it } from 'vitest'
import { exportW3c } from '../../../../src/shared/export/w3c'
import type { ExportInput } from '../../../../src/shared/export/types'
import { recordIri } from '../../../../src/shared/export/w3c-ids'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

// What a W3C consumer reads from an exported annotation besides its bodies' basics (w3c.test.ts):
// the document it targets, dates, who made it, entity and citation IRIs, verdicts, pages, and the
// loss report.

type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const AT = '2026-11-26T12:00:00.000Z'

function run(edit: (data: ProjectData) => void = () => {}, options: ExportInput['options'] = {}, scope: ExportInput['scope'] = {}) {
  const { data, texts } = fixtureProject()
  edit(data)
  const out = exportW3c({ data, texts, scope, options, exportedAt: AT })
  const parsed = out.files.map((f) => JSON.parse(f.content as string) as J)
  const items = [parsed[0].first, ...parsed.slice(1)].filter(Boolean).flatMap((p: J) => p.items as J[])
  const item = (id: string): J => items.find((i) => i.id === recordIri(data.project.id, 'annotations', id))!
  const lost = Object.fromEntries(out.losses.map((l) => [l.what, l.count]))
  return { out, parsed, items, item, lost, data }
}

describe('W3C export details', () => {
  it('describes the target document by IRI, type, format, title and a valid language tag only', () => {
    const { item, data } = run()
    expect(item('ann_title').target.source).toEqual({ id: recordIri(data.project.id, 'documents', 'doc_1'), type: 'Text', format: 'text/plain', 'dcterms:title': 'John VII Palaiologos', language: 'en' })
    const english = run((d) => { d.documents.doc_1.metadata.language = 'English'; d.documents.doc_1.title = '' })
    expect(english.item('ann_title').target.source).toEqual({ id: recordIri(data.project.id, 'documents', 'doc_1'), type: 'Text', format: 'text/plain' })
    expect(run((d) => { d.documents.doc_1.metadata.language = 'grc-Latn' }).item('ann_title').target.source.language).toBe('grc-Latn')
  })

  it('dates each annotation with a timezone, leaves out a date that is none, and stamps the export time', () => {
    const { item, parsed } = run((d) => {
      d.annotations.ann_title = { ...d.annotations.ann_title, created: '2026-01-02T03:04:05', modified: '2026-01-03T00:00:00+02:00' }
      d.annotations.ann_greek = { ...d.annotations.ann_greek, created: 'yesterday', modified: '' }
    })
    const title = item('ann_title')
    expect(title.created).toBe(new Date('2026-01-02T03:04:05').toISOString())
    expect(title.modified).toBe('2026-01-03T00:00:00+02:00')
    expect(title.generated).toBe(AT)
    expect(item('ann_greek')).not.toHaveProperty('created')
    expect(item('ann_greek')).not.toHaveProperty('modified')
    expect(item('ann_dates')).toMatchObject({ created: '2026-11-26T10:00:00.000Z', modified: '2026-11-26T10:00:00.000Z' })
    expect(parsed[0]).toMatchObject({ created: AT, label: 'Marginalia annotations: Byzantine test', total: 17 })
  })

  it('names the creator, and reports an annotator or last modifier the creator does not cover', () => {
    const ada = { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }
    const { item, lost } = run((d) => {
      d.annotations.ann_title = { ...d.annotations.ann_title, author: 'Ada Lovelace', createdBy: ada, modifiedBy: { ...ada } }
      d.annotations.ann_greek = { ...d.annotations.ann_greek, createdBy: ada, author: 'A. Lovelace', modifiedBy: { name: 'Ada Lovelace' } }
      d.annotations.ann_dates = { ...d.annotations.ann_dates, author: '' }
    })
    expect(item('ann_title').creator).toEqual({ id: 'https://orcid.org/0000-0002-1825-0097', type: 'Person', name: 'Ada Lovelace' })
    expect(item('ann_1390').creator).toEqual({ type: 'Person', name: 'Ada Historian' })
    expect(item('ann_dates')).not.toHaveProperty('creator')
    expect(lost['the annotator\'s name, when not the creator\'s (creator carries who made the annotation)']).toBe(1)
    expect(lost['who last changed an annotation, when not its creator (the W3C model has only creator)']).toBe(1)
  })

  it('identifies an entity by its authority URIs, Wikidata first, the others as owl:sameAs; a URI without scheme is not an IRI', () => {
    const { item } = run((d) => {
      d.entities.ent_cple.authorities = [
        { scheme: 'pleiades', id: '520998', uri: 'https://pleiades.stoa.org/places/520998' }, { scheme: 'gnd', id: 'x', uri: '118540238' },
        { scheme: 'geonames', id: '745044', uri: 'https://sws.geonames.org/745044/' }, { scheme: 'wikidata', id: 'Q16869', uri: 'http://www.wikidata.org/entity/Q16869' }
      ]
      d.entities.ent_venice.authorities = [{ scheme: 'gnd', id: 'v', uri: 'venice' }]
    })
    expect(item('ann_cple').body[0].source).toEqual({
      id: 'http://www.wikidata.org/entity/Q16869', label: 'Constantinople', 'dcterms:type': { id: 'http://schema.org/Place' },
      'owl:sameAs': [{ id: 'https://sws.geonames.org/745044/' }, { id: 'https://pleiades.stoa.org/places/520998' }]
    })
    expect(item('ann_venice').body[0].source).not.toHaveProperty('owl:sameAs')
    expect(item('ann_venice').body[0].source.id).toMatch(/^urn:uuid:/)
  })

  it('names a cited work by its DOI as https IRI, else its web URL, else a urn, and labels it author (or editor) and year', () => {
    const { item, data } = run((d) => {
      d.citations.cit_zach.item = { ...d.citations.cit_zach.item, DOI: ' https://dx.doi.org/10.2307/1291412 ' }
      d.citations.cit_gibbon.item = { ...d.citations.cit_gibbon.item, author: undefined, editor: [{ literal: 'Bury' }], issued: undefined }
    })
    const cited = (id: string, n: number) => item(id).body.filter((b: J) => b.purpose === 'linking')[n].source
    expect(cited('ann_1390', 0)).toEqual({ id: 'https://doi.org/10.2307/1291412', label: 'Zachariadou 1977, John VII (Alias Andronicus) Palaeologus' })
    expect(cited('ann_brief', 0)).toEqual({ id: 'https://www.gutenberg.org/ebooks/895', label: 'Bury, The History of the Decline and Fall of the Roman Empire' })
    const ftp = run((d) => { d.citations.cit_gibbon.item = { id: 'g', type: 'book', URL: 'ftp://example.org/g' } })
    expect(ftp.item('ann_brief').body.find((b: J) => b.purpose === 'linking').source).toEqual({ id: recordIri(data.project.id, 'citations', 'cit_gibbon'), label: 'cit_gibbon' })
  })

  it('writes a verdict as an assessing text (status, note, one line per discrepancy) by its checker, and the checked passage', () => {
    const { item, data, lost } = run((d) => {
      const link = d.annotations.ann_1390.citations[0]
      link.verification = { ...link.verification!, byOrcid: '0000-0002-1825-0097', at: 'not a date', discrepancies: [...link.verification!.discrepancies, { kind: 'name', claim: 'Ioannes', source: 'Iohannes', variant: true }] }
    })
    const [text, passage] = item('ann_1390').body.filter((b: J) => b.purpose === 'assessing')
    expect(text).toEqual({
      type: 'TextualBody', purpose: 'assessing', format: 'text/plain', 'dcterms:references': { id: 'https://doi.org/10.2307/1291412' },
      value: 'contradicted\nChecked, "mostly", against vol. 6; p. 39\ndate: claim “1390”, source “1391”\nname: claim “Ioannes”, source “Iohannes” (variant spelling)',
      creator: { id: 'https://orcid.org/0000-0002-1825-0097', type: 'Person', name: 'Ada Historian' }
    })
    expect(passage).toEqual({
      type: 'SpecificResource', purpose: 'assessing', 'dcterms:references': { id: 'https://doi.org/10.2307/1291412' },
      source: { id: recordIri(data.project.id, 'documents', 'doc_1'), type: 'Text', format: 'text/plain', 'dcterms:title': 'John VII Palaiologos', language: 'en' },
      selector: [{ type: 'TextQuoteSelector', exact: 'John', prefix: '', suffix: data.annotations.ann_1390.citations[0].verification!.source!.suffix }, { type: 'TextPositionSelector', start: 0, end: 4 }]
    })
    expect(item('ann_brief').body.filter((b: J) => b.purpose === 'assessing')[0].value).toBe('supported\nChecked, "mostly", against vol. 6; p. 39')
    expect(lost['verdict discrepancies as structured data (written as lines of the assessing text; the entity a discrepancy names is left out)']).toBe(1)
  })

  it('leaves out links to records that no longer exist and counts them', () => {
    const { item, lost } = run((d) => {
      d.annotations.ann_title.entityIds = ['ent_gone', 'ent_john']
      d.annotations.ann_greek.citations = [{ citationId: 'cit_gone' }]
      d.annotations.ann_dates.citations = [{ citationId: 'cit_gone' }]
      d.annotations.ann_venice = { ...d.annotations.ann_venice, status: 'moved' }
    })
    expect(item('ann_title').body.map((b: J) => b.source.label)).toEqual(['John VII Palaiologos'])
    expect(item('ann_dates').body.map((b: J) => b.purpose)).toEqual(['tagging'])
    expect(lost['links to entities that no longer exist']).toBe(1)
    expect(lost['links to citations that no longer exist']).toBe(1)
    expect(lost['anchoring status "moved" (the W3C model has no such field)']).toBe(1)
    expect(item('ann_venice').target.selector).toHaveLength(2)
  })

  it('pages by a whole number of annotations, the default for a page size that is none, and names the file after the project', () => {
    expect(run(undefined, { pageSize: 2.7 }).out.files).toHaveLength(9)
    expect(run(undefined, { pageSize: 0 }).out.files).toHaveLength(1)
    expect(run(undefined, { pageSize: 'many' }).out.files).toHaveLength(1)
    expect(run(undefined, { pageSize: -3 }).out.files).toHaveLength(17)
    const odd = run((d) => { d.project.name = '???' }, { pageSize: 16 })
    expect(odd.out.files.map((f) => f.name)).toEqual(['annotations.w3c.jsonld', 'annotations.w3c.page-2.jsonld'])
    expect(odd.parsed[0].first).toMatchObject({ startIndex: 0, next: odd.parsed[1].id })
    expect(odd.parsed[0].first).not.toHaveProperty('prev')
    expect(odd.parsed[1]).toMatchObject({ startIndex: 16, prev: odd.parsed[0].first.id })
    expect(odd.parsed[1]).not.toHaveProperty('next')
    expect(odd.parsed[1]['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
  })

  it('lists what W3C cannot carry with counts and the fields concerned', () => {
    const { out } = run((d) => {
      d.entities.ent_lone = { ...d.entities.ent_venice, id: 'ent_lone', label: 'Nobody links here', createdBy: { name: 'Ada' } }
      d.citations.cit_lone = { ...d.citations.cit_zach, id: 'cit_lone' }
    })
    const byWhat = Object.fromEntries(out.losses.map((l) => [l.what, l]))
    expect(byWhat['entities no annotation links to (the W3C model carries an entity only as the body of an annotation)']).toEqual({ what: expect.any(String), count: 1, fields: ['entities'] })
    expect(byWhat['bibliography items no annotation cites']).toEqual({ what: expect.any(String), count: 1, fields: ['citations'] })
    expect(byWhat['bibliographic details of citations (carried as IRI and short label; export CSL-JSON for the items)']).toMatchObject({ count: 3, fields: ['citations.item', 'citations.created', 'citations.modified'] })
    expect(byWhat['tag colours (only an annotation\'s own colour is carried, as a CSS stylesheet)']).toMatchObject({ count: 2, fields: ['tags.color'] })
    expect(byWhat['who made and last changed entities and citations (bodies carry no creator)']).toMatchObject({ count: 1 })
    expect(byWhat['record ids (each record is named by a urn:uuid IRI derived from its id; the links between records are kept)']).toMatchObject({ count: 1 + 17 + 12 + 3 })
    expect(byWhat['document texts, structure and metadata (targets name documents by IRI, with title and language; export JSON to carry the texts)']).toMatchObject({ count: 1 })
    expect(byWhat['citation locators (kept in a plain `locator` key, which JSON-LD processing ignores)']).toEqual({ what: expect.any(String), count: 2 })
    expect(out.losses.map((l) => l.what)).toEqual([...out.losses.map((l) => l.what)].sort())
  })
})

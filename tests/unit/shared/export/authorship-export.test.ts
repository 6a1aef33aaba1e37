/**
 * Authorship in every export format: who made and who last changed each record (name and ORCID iD)
 * is carried, or listed as lost with its count; nothing is dropped silently.
 */
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { exportCsv } from '../../../../src/shared/export/csv'
import { exportNativeJson } from '../../../../src/shared/export/native-json'
import { exportTei } from '../../../../src/shared/export/tei'
import type { ExportInput } from '../../../../src/shared/export/types'
import { exportW3c } from '../../../../src/shared/export/w3c'
import type { Person, ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'
import { jingValidate } from '../../../helpers/jing'
import { validateExport } from '../../../helpers/w3c-validate'

const ADA: Person = { name: 'Ada Lovelace', orcid: '0000-0002-1825-0097' }
const BEN: Person = { name: 'Ben Jonson' }

function authoredProject(): { data: ProjectData; texts: Record<string, string> } {
  const { data, texts } = fixtureProject()
  for (const a of Object.values(data.annotations)) data.annotations[a.id] = { ...a, author: ADA.name, createdBy: ADA, modifiedBy: ADA }
  data.annotations.ann_dates = { ...data.annotations.ann_dates, modifiedBy: BEN } // Ben changed Ada's annotation
  data.entities.ent_john = { ...data.entities.ent_john, createdBy: BEN, modifiedBy: ADA }
  data.citations.cit_zach = { ...data.citations.cit_zach, createdBy: ADA, modifiedBy: ADA }
  return { data, texts }
}

const input = (p: { data: ProjectData; texts: Record<string, string> }): ExportInput => ({ ...p, scope: {}, options: {}, exportedAt: '2026-12-05T08:00:00.000Z' })
const lossesOf = (out: { losses: { what: string; count: number }[] }) => Object.fromEntries(out.losses.map((l) => [l.what, l.count]))

describe('authorship in exports', () => {
  const p = authoredProject()
  const annotations = Object.keys(p.data.annotations).length

  it('JSON carries createdBy and modifiedBy of every record as they are', () => {
    const json = JSON.parse(exportNativeJson(input(p)).files[0].content as string)
    const dates = json.annotations.find((a: { id: string }) => a.id === 'ann_dates')
    expect(dates.createdBy).toEqual(ADA)
    expect(dates.modifiedBy).toEqual(BEN)
    expect(json.entities.find((e: { id: string }) => e.id === 'ent_john')).toMatchObject({ createdBy: BEN, modifiedBy: ADA })
    expect(json.citations.find((c: { id: string }) => c.id === 'cit_zach')).toMatchObject({ createdBy: ADA })
  })

  it('CSV has created_by/modified_by columns with ORCID iDs in the annotation, entity and citation tables', () => {
    const files = Object.fromEntries(exportCsv(input(p)).files.map((f) => [f.name, Papa.parse<Record<string, string>>(f.content as string, { header: true, skipEmptyLines: true }).data]))
    const dates = files['annotations.csv'].find((r) => r.id === 'ann_dates')!
    expect(dates).toMatchObject({ created_by: 'Ada Lovelace', created_by_orcid: '0000-0002-1825-0097', modified_by: 'Ben Jonson', modified_by_orcid: '' })
    expect(files['entities.csv'].find((r) => r.id === 'ent_john')).toMatchObject({ created_by: 'Ben Jonson', modified_by: 'Ada Lovelace', modified_by_orcid: '0000-0002-1825-0097' })
    expect(files['citations.csv'].find((r) => r.id === 'cit_zach')).toMatchObject({ created_by: 'Ada Lovelace' })
  })

  it('W3C: the creator is a Person with the ORCID URL as id; a different last modifier is listed as lost, still valid', () => {
    const out = exportW3c(input(p))
    const parsed = out.files.map((f) => JSON.parse(f.content as string))
    expect(validateExport(parsed[0], parsed.slice(1))).toEqual([])
    const items = parsed.flatMap((x) => x.items ?? x.first?.items ?? [])
    expect(items).toHaveLength(annotations)
    for (const a of items) expect(a.creator).toEqual({ id: 'https://orcid.org/0000-0002-1825-0097', type: 'Person', name: 'Ada Lovelace' })
    const lost = lossesOf(out)
    expect(lost['who last changed an annotation, when not its creator (the W3C model has only creator)']).toBe(1)
    expect(lost['who made and last changed entities and citations (bodies carry no creator)']).toBe(2)
  })

  it('TEI: @resp points at a respStmt naming the creator with the ORCID as @ref; valid against tei_all', () => {
    const out = exportTei(input(p))
    const xml = out.files[0].content as string
    const stmt = /<respStmt xml:id="([^"]+)"><resp>annotation<\/resp><name ref="https:\/\/orcid.org\/0000-0002-1825-0097">Ada Lovelace<\/name><\/respStmt>/.exec(xml)
    expect(stmt).not.toBeNull()
    expect(xml.match(new RegExp(`resp="#${stmt![1]}"`, 'g'))!.length).toBeGreaterThanOrEqual(annotations)
    expect(xml).toContain('"createdBy":{"name":"Ben Jonson"}') // an entity's whole record is kept in its note
    const lost = lossesOf(out)
    expect(lost['who last changed an annotation, when not its creator (@resp names the creator)']).toBe(1)
    expect(lost['who made and last changed bibliography items and relations']).toBe(1)
    const r = jingValidate(out.files)
    expect(r.output).toBe('')
    expect(r.status).toBe(0)
  })
})

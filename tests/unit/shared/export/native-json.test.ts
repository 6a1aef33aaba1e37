import { beforeEach, describe, expect, it } from 'vitest'
import { canonicalise, exportNativeJson } from '../../../../src/shared/export/native-json'
import type { ExportInput } from '../../../../src/shared/export/types'
import { assertEmptyProject, nativeSchemaValidator, parseNativeJson } from '../../../../src/shared/import/native-json'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

const at = '2026-11-26T12:00:00.000Z'
const input = (data: ProjectData, texts: Record<string, string>, documentId?: string): ExportInput => ({
  data, texts, scope: documentId ? { documentId } : {}, options: {}, exportedAt: at
})

/** Builds a project the way the import service does: the plan's records put into empty collections. */
function projectFrom(json: string, name: string): { data: ProjectData; texts: Record<string, string> } {
  const plan = parseNativeJson('x.json', json)
  const map = <T extends { id: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.id, x]))
  return {
    data: {
      schemaVersion: 1, project: { id: 'other', name, created: at },
      documents: map(plan.documents), annotations: map(plan.annotations), entities: map(plan.entities),
      citations: map(plan.citations), relations: map(plan.relations), predicates: map(plan.predicates),
      tags: map(plan.tags), rejectedSuggestions: map(plan.rejectedSuggestions)
    },
    texts: plan.texts
  }
}

describe('native JSON export', () => {
  // Exported before each test, not once for the file: mutation testing then knows which test runs which line.
  let data: ProjectData, texts: Record<string, string>, out: ReturnType<typeof exportNativeJson>, json: string
  beforeEach(() => {
    ({ data, texts } = fixtureProject())
    out = exportNativeJson(input(data, texts))
    json = out.files[0].content as string
  })

  it('validates against the shipped JSON Schema and carries every collection', () => {
    const parsed = JSON.parse(json)
    const validate = nativeSchemaValidator()
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true)
    expect(parsed.format).toBe('marginalia')
    expect(parsed.version).toBe(1)
    expect(parsed.documents[0].text).toBe(texts.doc_1)
    expect(parsed.annotations).toHaveLength(Object.keys(data.annotations).length)
    expect(parsed.entities).toHaveLength(11)
    expect(parsed.citations).toHaveLength(2)
    expect(parsed.relations).toHaveLength(2)
    expect(parsed.predicates).toHaveLength(2)
    expect(parsed.tags).toHaveLength(2)
    expect(parsed.rejectedSuggestions).toHaveLength(1)
    const brief = parsed.annotations.find((a: { id: string }) => a.id === 'ann_brief')
    expect(brief.citations[0].verification.status).toBe('supported')
    expect(Object.keys(brief)[0]).toBe('id')
  })

  it('round trips byte for byte through import into an empty project', () => {
    const again = projectFrom(json, 'another name')
    const out2 = exportNativeJson(input(again.data, again.texts))
    expect(out2.files[0].content).toBe(json)
  })

  it('equals JSON.stringify of the canonicalised records (id first, then code-unit key order)', () => {
    const parsed = JSON.parse(json)
    const reference = JSON.stringify(Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, canonicalise(v)])), null, 2) + '\n'
    expect(json).toBe(reference)
    expect(json.startsWith('{\n  "format": "marginalia",\n  "version": 1,')).toBe(true)
  })

  it('is independent of the order records were inserted in', () => {
    const shuffled = { ...data, annotations: Object.fromEntries(Object.entries(data.annotations).reverse()) }
    expect(exportNativeJson(input(shuffled, texts)).files[0].content).toBe(json)
  })

  it('reports that original source bytes are not carried', () => {
    expect(out.losses).toEqual([expect.objectContaining({ count: 1 })])
  })

  it('exports one document with what its annotations reach', () => {
    const extra = structuredClone(data)
    extra.documents.doc_2 = { ...extra.documents.doc_1, id: 'doc_2', created: '2026-11-26T11:00:00.000Z' }
    extra.entities.ent_unused = { ...extra.entities.ent_venice, id: 'ent_unused' }
    const one = JSON.parse(exportNativeJson(input(extra, { ...texts, doc_2: texts.doc_1 }, 'doc_1')).files[0].content as string)
    expect(one.documents.map((d: { id: string }) => d.id)).toEqual(['doc_1'])
    expect(one.entities.map((e: { id: string }) => e.id)).not.toContain('ent_unused')
    expect(one.entities.map((e: { id: string }) => e.id)).toContain('ent_andr')
  })
})

describe('native JSON import', () => {
  const { data, texts } = fixtureProject()
  let json: string
  beforeEach(() => { json = exportNativeJson(input(data, texts)).files[0].content as string })
  const mutate = (fn: (o: any) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const o = JSON.parse(json)
    fn(o)
    return JSON.stringify(o)
  }

  it('rejects a file that is not JSON or not ours, naming the file', () => {
    expect(() => parseNativeJson('bad.json', '{oops')).toThrow(/bad\.json: not JSON/)
    expect(() => parseNativeJson('w3c.json', '{"type":"AnnotationCollection"}')).toThrow(/not a Marginalia export/)
  })

  it('names the JSON path of a schema violation', () => {
    expect(() => parseNativeJson('f.json', mutate((o) => { o.annotations[2].target.start = -1 }))).toThrow(/f\.json: \/annotations\/2\/target\/start/)
    expect(() => parseNativeJson('f.json', mutate((o) => { o.entities[0].type = 'dragon' }))).toThrow(/\/entities\/0\/type/)
  })

  it('rejects offsets that do not reproduce the quote, and wrong text lengths', () => {
    expect(() => parseNativeJson('f.json', mutate((o) => { o.annotations[1].target.start += 1 }))).toThrow(/target\/exact: does not match/)
    expect(() => parseNativeJson('f.json', mutate((o) => { o.documents[0].length += 1 }))).toThrow(/documents\/0\/length/)
    expect(() => parseNativeJson('f.json', mutate((o) => { o.documents[0].text += '\r\n' }))).toThrow(/not normalised/)
    expect(() => parseNativeJson('f.json', mutate((o) => { o.annotations[3].id = o.annotations[2].id }))).toThrow(/duplicate id/)
  })

  it('keeps dangling references and reports them as warnings', () => {
    const plan = parseNativeJson('f.json', mutate((o) => { o.annotations[0].entityIds.push('ent_gone') }))
    expect(plan.warnings.join('\n')).toMatch(/ent_gone/)
    expect(plan.annotations[0].entityIds).toContain('ent_gone')
  })

  it('refuses a project that is not empty', () => {
    expect(() => assertEmptyProject(data)).toThrow(/empty project; this one already has 1 documents, 17 annotations/)
    const empty = { ...data, documents: {}, annotations: {}, entities: {}, citations: {}, relations: {}, rejectedSuggestions: {} }
    expect(() => assertEmptyProject(empty)).not.toThrow()
  })
})

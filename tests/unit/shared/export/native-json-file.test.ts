/**
 * The native JSON file as a historian and their tools see it: keys in one canonical order at every
 * depth (so two exports of the same project diff cleanly, whatever order the records were edited
 * in), a file name taken from the project or document title, and a clear error instead of a file
 * without its text.
 */
import { describe, expect, it } from 'vitest'
import { exportNativeJson, nativeFileName, slug } from '../../../../src/shared/export/native-json'
import type { ExportInput } from '../../../../src/shared/export/types'
import type { ProjectData } from '../../../../src/shared/model'
import { fixtureProject } from '../../../helpers/export-fixture'

const AT = '2026-11-26T12:00:00.000Z'
const input = (data: ProjectData, texts: Record<string, string>, documentId?: string): ExportInput =>
  ({ data, texts, scope: documentId ? { documentId } : {}, options: {}, exportedAt: AT })
const json = (data: ProjectData, texts: Record<string, string>) => exportNativeJson(input(data, texts)).files[0].content as string

/** Every object's keys in `value`, at every depth, with the path to it. */
function keyLists(value: unknown, path = '$', out: [string, string[]][] = []): [string, string[]][] {
  if (Array.isArray(value)) value.forEach((v, i) => keyLists(v, `${path}[${i}]`, out))
  else if (value && typeof value === 'object') {
    out.push([path, Object.keys(value)])
    for (const [k, v] of Object.entries(value)) keyLists(v, `${path}.${k}`, out)
  }
  return out
}

/** The same object with its keys (at every depth) inserted in reverse order. */
function reversedKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reversedKeys) as T
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)])) as T
}

describe('native JSON file', () => {
  it('writes every record\'s keys id first, then in code-unit order, at every depth', () => {
    const { data, texts } = fixtureProject()
    const parsed = JSON.parse(json(data, texts)) as Record<string, unknown>
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'schemaVersion', 'documents', 'annotations', 'entities', 'citations', 'relations', 'predicates', 'tags', 'rejectedSuggestions'])
    const records = keyLists(Object.fromEntries(Object.entries(parsed).filter(([k]) => !['format', 'version', 'schemaVersion'].includes(k))))
    expect(records.length).toBeGreaterThan(80)
    for (const [path, keys] of records.slice(1)) {
      const rest = keys.filter((k) => k !== 'id')
      expect(keys, path).toEqual([...(keys.includes('id') ? ['id'] : []), ...[...rest].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))])
    }
    // Code-unit order, not locale order: "Z" before "a", "container-title" before "page".
    const zach = (parsed.citations as { item: Record<string, unknown> }[]).find((c) => (c.item.id as string) === 'zachariadou1977')!
    expect(Object.keys(zach.item)).toEqual(['id', 'DOI', 'author', 'container-title', 'issued', 'note', 'page', 'title', 'type', 'volume'])
  })

  it('gives the same bytes whatever order the keys of the records were written in', () => {
    const { data, texts } = fixtureProject()
    expect(json(reversedKeys(data), texts)).toBe(json(data, texts))
  })

  it('keeps lists of plain values as they are, in their order', () => {
    const { data, texts } = fixtureProject()
    data.annotations.ann_greek.tags = ['zeta', 'alpha', 'greek']
    const parsed = JSON.parse(json(data, texts))
    expect(parsed.annotations.find((a: { id: string }) => a.id === 'ann_greek').tags).toEqual(['zeta', 'alpha', 'greek'])
    expect(parsed.documents[0].metadata.categories).toEqual(['Byzantine emperors', '1408 deaths'])
  })

  it('names the file after the project, or after the document when one is exported', () => {
    const { data, texts } = fixtureProject()
    expect(exportNativeJson(input(data, texts)).files[0].name).toBe('Byzantine-test.marginalia.json')
    data.documents.doc_1.title = 'Ἰωάννης Ζ΄ — Letters: vol. 2 (1399)'
    expect(exportNativeJson(input(data, texts, 'doc_1')).files[0].name).toBe('Ἰωάννης-Ζ-Letters-vol-2-1399.marginalia.json')
    data.project.name = '***'
    expect(nativeFileName(input(data, texts))).toBe('project.marginalia.json')
  })

  it('makes file-name-safe titles: composed accents, no leading or trailing dashes, at most 80 characters', () => {
    expect(slug('Cafe\u0301 de Flore')).toBe('Café-de-Flore')
    expect(slug('Cafe\u0301')).toHaveLength(4)
    expect(slug('  --«Chronicle»--  ')).toBe('Chronicle')
    expect(slug('a'.repeat(100))).toBe('a'.repeat(80))
    expect(slug('١٢٣ 漢字')).toBe('١٢٣-漢字')
  })

  it('refuses to export a document whose text it was not given, naming the document', () => {
    const { data } = fixtureProject()
    expect(() => exportNativeJson(input(data, {}))).toThrow('text of document doc_1 was not provided to the exporter')
  })

  it('reports the original files as lost only when there are documents', () => {
    const { data, texts } = fixtureProject()
    const out = exportNativeJson(input(data, texts))
    expect(out.losses).toEqual([{ what: 'original source files (only the normalised text, sha256 and file name are exported)', count: 1 }])
    const empty: ProjectData = { ...data, documents: {}, annotations: {}, relations: {}, rejectedSuggestions: {} }
    const none = exportNativeJson(input(empty, {}))
    expect(none.losses).toEqual([])
    expect(JSON.parse(none.files[0].content as string).documents).toEqual([])
    expect((none.files[0].content as string).endsWith('}\n')).toBe(true)
  })
})

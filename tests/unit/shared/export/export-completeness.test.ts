/**
 * Every export carries every field of the native model, or says it does not (issue 13 item 5).
 * The fields are not a hand-kept list: they are walked from the published JSON Schema of the native
 * model (schemas/marginalia-export.schema.json; a CSL item's own fields from the fixture's item).
 * On a project where each field is set to a value found nowhere else (./completeness-fixture.ts),
 * each format must, for each field, either carry it — a string value appears in the output (or, when
 * the format writes it in its own form, like BibTeX's `@article` for `article-journal`, changing it
 * changes the output); a number, boolean or enum value, changed in one record, changes the output —
 * or name the field in its loss report (LossItem.fields).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { exportBibtex } from '../../../../src/shared/export/bibtex'
import { exportCsl } from '../../../../src/shared/export/csl'
import { exportCsv } from '../../../../src/shared/export/csv'
import { exportNativeJson } from '../../../../src/shared/export/native-json'
import { exportTei } from '../../../../src/shared/export/tei'
import type { Exporter, ExportInput, ExportOutput } from '../../../../src/shared/export/types'
import { exportW3c } from '../../../../src/shared/export/w3c'
import { nativeSchemaValidator } from '../../../../src/shared/import/native-json'
import type { ProjectData } from '../../../../src/shared/model'
import { ROOT } from '../../../helpers/temp-dir'
import { completeProject } from './completeness-fixture'

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[]; enum?: unknown[]; const?: unknown }
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'marginalia-export.schema.json'), 'utf8')) as Schema & { definitions: Record<string, Schema> }

function deref(s: Schema): Schema {
  if (s.$ref) return deref(schema.definitions[s.$ref.replace('#/definitions/', '')])
  if (s.allOf) {
    const parts = s.allOf.map(deref)
    return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) }
  }
  return s
}

/** A field of the model: its path (no indices) and its schema, when the schema describes it. */
interface Field { path: string[]; schema?: Schema }

/** Leaf fields under `s`, from the schema, plus (for objects the schema leaves open, like a CSL item) the fixture's own keys. */
function leaves(s: Schema | undefined, path: string[], sample: unknown): Field[] {
  const node = s && deref(s)
  if (Array.isArray(sample) || node?.type === 'array') {
    const elements = Array.isArray(sample) ? sample : []
    const items = node?.items && deref(node.items)
    if (elements.length === 0) return items?.properties ? leaves(items, path, undefined) : [{ path, schema: node }]
    const out = new Map<string, Field>()
    for (const e of elements) for (const f of leaves(node?.items, path, e)) out.set(f.path.join('.'), f)
    return [...out.values()]
  }
  if ((node?.type === 'object' || node?.properties) || (sample && typeof sample === 'object')) {
    const keys = new Set([...Object.keys(node?.properties ?? {}), ...Object.keys((sample as object) ?? {})])
    return [...keys].flatMap((k) => leaves(node?.properties?.[k], [...path, k], (sample as Record<string, unknown> | undefined)?.[k]))
  }
  return [{ path, schema: node }]
}

const COLLECTIONS = ['documents', 'annotations', 'entities', 'citations', 'relations', 'predicates', 'tags', 'rejectedSuggestions'] as const

/** Records of a collection as the native export lists them (documents with their text). */
function records(data: ProjectData, texts: Record<string, string>, c: (typeof COLLECTIONS)[number]): Record<string, unknown>[] {
  const list = Object.values(data[c]) as Record<string, unknown>[]
  return c === 'documents' ? list.map((d) => ({ ...d, text: texts[d.id as string] })) : list
}

/** Every value at `path` in `value` (arrays flattened at every level), with a setter for each. */
function at(value: unknown, path: string[]): { get: unknown; set: (v: unknown) => void }[] {
  if (Array.isArray(value)) return value.flatMap((v) => at(v, path))
  if (path.length === 0 || !value || typeof value !== 'object') return []
  const [head, ...rest] = path
  const o = value as Record<string, unknown>
  if (!(head in o)) return []
  if (rest.length) return at(o[head], rest)
  return elements(o, head)
}

/** The value in `holder[key]`, or every element of it when it is an array (of arrays, …), each with a setter. */
function elements(holder: Record<string | number, unknown>, key: string | number): { get: unknown; set: (v: unknown) => void }[] {
  const v = holder[key]
  if (Array.isArray(v)) return v.flatMap((_, i) => elements(v as unknown as Record<number, unknown>, i))
  return [{ get: v, set: (x: unknown) => (holder[key] = x) }]
}

/** White space collapsed: texts are laid out differently by each format. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * True when `value` is in `output` as written, JSON-escaped, or as the text of XML markup (tags
 * removed, entities resolved, white space collapsed: TEI interleaves a document's text with elements).
 */
function contains(output: { raw: string; plain: string }, value: string): boolean {
  return output.raw.includes(value) || output.raw.includes(JSON.stringify(value).slice(1, -1)) || output.plain.includes(squash(value))
}

function views(raw: string): { raw: string; plain: string } {
  const plain = raw.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
  return { raw, plain: squash(plain) }
}

const FORMATS: [string, Exporter][] = [
  ['json', exportNativeJson], ['csv', exportCsv], ['w3c', exportW3c], ['tei', exportTei], ['csl', exportCsl], ['bibtex', exportBibtex]
]

/** All output files as one string (zips unpacked). */
function text(out: ExportOutput): string {
  return out.files.map((f) => typeof f.content === 'string' ? f.content : Object.values(unzipSync(f.content)).map((b) => strFromU8(b)).join('\n')).join('\n')
}

function run(exporter: Exporter, data: ProjectData, texts: Record<string, string>): ExportOutput {
  const input: ExportInput = { data, texts, scope: {}, options: {}, exportedAt: '2040-01-01T00:00:00.000Z' }
  return exporter(input)
}

/**
 * Another value of the same kind: the next enum value, an integer - 1 (+ 1 for 0), a fraction + 0.5, a
 * flipped boolean, a string with a suffix (which keeps it in the same place among sorted values).
 */
function changed(v: unknown, s: Schema | undefined): unknown {
  if (s?.enum) return s.enum[(s.enum.indexOf(v) + 1) % s.enum.length]
  if (typeof v === 'string') return `${v}zqx`
  // Offsets move towards the text, so the changed record still lies within it.
  if (typeof v === 'number') return Number.isInteger(v) ? (v > 0 ? v - 1 : v + 1) : v + 0.5
  if (typeof v === 'boolean') return !v
  return undefined
}

const { data, texts } = completeProject()
const fields = COLLECTIONS.flatMap((c) => leaves(schema.properties![c], [c], records(data, texts, c)))

describe('export completeness, field by field of the native model', () => {
  it('the fixture sets every field the schema describes', () => {
    const unset = fields.filter((f) => COLLECTIONS.every((c) => f.path[0] !== c || at(records(data, texts, c), f.path.slice(1)).length === 0))
    expect(unset.map((f) => f.path.join('.'))).toEqual([])
    expect(fields.length).toBeGreaterThan(80)
    // …and the schema accepts it: the model and the published schema agree (page and line spans, labels).
    const validate = nativeSchemaValidator()
    expect(validate(JSON.parse(text(run(exportNativeJson, data, texts)))), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
  })

  for (const [format, exporter] of FORMATS) {
    it(`${format}: every field is in the output or named in the loss report`, () => {
      const base = run(exporter, data, texts)
      const output = text(base)
      const shown = views(output)
      const named = (path: string) => base.losses.some((l) => l.fields?.some((f) => path === f || path.startsWith(f + '.')))
      const missing: string[] = []
      for (const field of fields) {
        const path = field.path.join('.')
        if (named(path)) continue
        const collection = field.path[0] as (typeof COLLECTIONS)[number]
        const values = at(records(data, texts, collection), field.path.slice(1))
        const isText = typeof values[0]?.get === 'string' && !field.schema?.enum
        // A string found as it is needs nothing more; anything else, changed in one record at a time, must change the output.
        for (let i = 0; i < values.length; i++) {
          if (isText && contains(shown, String(values[i].get))) continue
          const copy = structuredClone(data)
          const copyTexts = { ...texts }
          const target = at(collection === 'documents' ? Object.values(copy.documents) : Object.values(copy[collection]), field.path.slice(1))[i]
          const next = changed(target.get, field.schema)
          if (next === undefined) {
            missing.push(`${path}: no way to vary ${JSON.stringify(target.get)}`)
            continue
          }
          target.set(next)
          if (text(run(exporter, copy, copyTexts)) === output) missing.push(`${path} (record ${i + 1}: ${JSON.stringify(target.get)} → ${JSON.stringify(next)} changes nothing)`)
        }
      }
      expect(missing, `${format} neither carries nor reports these fields`).toEqual([])
    })
  }
})

/**
 * Marginalia's native export: the whole project (or one document and what it reaches) as one
 * versioned JSON file, described by `schemas/marginalia-export.schema.json`.
 *
 * The output is canonical so that export → import into an empty project → export gives the same
 * bytes: records are listed in a stable order (see ./reach.ts) and every object's keys are written
 * `id` first, then in code-unit order; two-space indentation, LF line ends, final newline.
 * Offsets inside (annotation targets, blocks, source passages) are code points of the normalised text.
 */
import type { DocumentRecord } from '../model'
import { selectForExport } from './reach'
import { BATCH, runSteps, type ExportSteps } from './steps'
import type { ExportInput, ExportOutput, ExportProgress, LossItem } from './types'

/** Value of the `format` field of every native export. */
export const NATIVE_FORMAT = 'marginalia'
/** Version of the native export format; bump it (and the schema) when the file's shape changes. */
export const NATIVE_VERSION = 1

/** A document as the native file carries it: its record plus its normalised text. */
export type NativeDocument = DocumentRecord & { text: string }

/** The top level of a native export file. */
export interface NativeExport {
  format: typeof NATIVE_FORMAT
  version: number
  /** The store schema version of the project that was exported. */
  schemaVersion: number
  documents: NativeDocument[]
  annotations: unknown[]
  entities: unknown[]
  citations: unknown[]
  relations: unknown[]
  predicates: unknown[]
  tags: unknown[]
  rejectedSuggestions: unknown[]
}

/** Order of the top-level keys, as written. */
const TOP_KEYS = ['format', 'version', 'schemaVersion', 'documents', 'annotations', 'entities', 'citations',
  'relations', 'predicates', 'tags', 'rejectedSuggestions'] as const

/** Keys written `id` first, then in code-unit order (locale-independent, hence stable everywhere). */
function orderedKeys(obj: object): string[] {
  const keys = Object.keys(obj).sort()
  const i = keys.indexOf('id')
  if (i > 0) {
    keys.splice(i, 1)
    keys.unshift('id')
  }
  return keys
}

/**
 * A deep copy of `value` whose objects have canonically ordered keys (undefined members dropped by JSON).
 * Arrays without objects (tags, entity ids) are shared, not copied. (A JSON.stringify replacer list
 * would give the same order without copies, but it takes V8 off its fast path: measured 2× slower.)
 */
export function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) {
    let plain = true
    for (const v of value) if (v !== null && typeof v === 'object') plain = false
    return plain ? value : value.map(canonicalise)
  }
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const k of orderedKeys(value)) out[k] = canonicalise((value as Record<string, unknown>)[k])
  return out
}

/** Builds the native export object (not yet serialised), yielding progress per batch of annotations. */
export function* nativeExportSteps(input: ExportInput): Generator<[number, number], NativeExport, void> {
  const sel = selectForExport(input.data, input.scope)
  const documents = sel.documents.map((d) => {
    const text = input.texts[d.id]
    if (text === undefined) throw new Error(`text of document ${d.id} was not provided to the exporter`)
    return { ...d, text }
  })
  const total = sel.annotations.length
  const annotations: unknown[] = []
  for (let i = 0; i < total; i += BATCH) {
    for (const a of sel.annotations.slice(i, i + BATCH)) annotations.push(canonicalise(a))
    yield [Math.min(i + BATCH, total), total]
  }
  const out: NativeExport = {
    format: NATIVE_FORMAT,
    version: NATIVE_VERSION,
    schemaVersion: input.data.schemaVersion,
    documents: documents.map((d) => canonicalise(d) as NativeDocument),
    annotations,
    entities: sel.entities.map(canonicalise),
    citations: sel.citations.map(canonicalise),
    relations: sel.relations.map(canonicalise),
    predicates: sel.predicates.map(canonicalise),
    tags: sel.tags.map(canonicalise),
    rejectedSuggestions: sel.rejectedSuggestions.map(canonicalise)
  }
  return Object.fromEntries(TOP_KEYS.map((k) => [k, out[k]])) as unknown as NativeExport
}

/** Serialises a native export object canonically (two-space indent, final LF). */
export function serialiseNativeExport(obj: NativeExport): string {
  return JSON.stringify(obj, null, 2) + '\n'
}

/** File name of a native export: `<slug>.marginalia.json`. */
export function nativeFileName(input: ExportInput): string {
  const doc = input.scope.documentId ? input.data.documents[input.scope.documentId] : undefined
  const base = doc ? doc.title : input.data.project.name
  return `${slug(base) || 'project'}.marginalia.json`
}

/** A file-name-safe form of a title: letters and digits of any script, others turned into `-`. */
export function slug(title: string): string {
  return title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80)
}

/**
 * Native JSON export as resumable steps. The only thing it cannot carry is the original bytes of
 * imported files (PDF, DOCX, HTML…): their normalised text, sha256 and file name are kept, and the
 * loss is reported.
 */
export function* nativeJsonSteps(input: ExportInput): ExportSteps {
  const obj = yield* nativeExportSteps(input)
  const losses: LossItem[] = []
  if (obj.documents.length > 0)
    losses.push({
      what: 'original source files (only the normalised text, sha256 and file name are exported)',
      count: obj.documents.length
    })
  return {
    files: [{ name: nativeFileName(input), mediaType: 'application/json', content: serialiseNativeExport(obj) }],
    losses
  }
}

/** Native JSON exporter (the pure `Exporter` contract). */
export function exportNativeJson(input: ExportInput, progress?: ExportProgress, signal?: AbortSignal): ExportOutput {
  return runSteps(nativeJsonSteps(input), progress, signal)
}

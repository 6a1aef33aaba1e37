/**
 * Reads a native export (see src/shared/export/native-json.ts) back into records for an EMPTY
 * project. Validation is two-layered: the shipped JSON Schema (`schemas/marginalia-export.schema.json`)
 * checks shape and types, then the checks below verify what a schema cannot: ids unique per
 * collection, texts normalised and as long as recorded, annotation offsets (code points) inside their
 * document and reproducing their quote. Any failure throws `invalid-file` naming the file and the
 * JSON path; nothing is written by this module, so a bad file changes nothing.
 * References that point nowhere (an entity id no record has) are kept and reported as warnings:
 * the live project the file came from may hold them too, and dropping them would lose data.
 */
import Ajv from 'ajv'
import type { ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import schema from '../../../schemas/marginalia-export.schema.json'
import type { Annotation, Citation, Collections, DocumentRecord, Entity, Predicate, ProjectData, RejectedSuggestion, Relation, Tag } from '../model'
import { MarginaliaError } from '../result'
import { ID_PATTERN } from '../api/schemas'
import { CodePointIndex } from '../text/code-points'
import { normaliseText } from '../text/normalise'

/** What a valid native file holds, ready to be put into a project's collections. */
export interface NativeImportPlan {
  documents: DocumentRecord[]
  /** Normalised text of each document, by document id (a null-prototype map: any id is a plain key). */
  texts: Record<string, string>
  annotations: Annotation[]
  entities: Entity[]
  citations: Citation[]
  relations: Relation[]
  predicates: Predicate[]
  tags: Tag[]
  rejectedSuggestions: RejectedSuggestion[]
  /** Dangling references found (kept as they are), one sentence each. */
  warnings: string[]
}

let validator: ValidateFunction | undefined

/** The compiled schema validator (compiled once, on first use). */
export function nativeSchemaValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: false, strict: false })
    addFormats(ajv)
    validator = ajv.compile(schema)
  }
  return validator
}

/** Collections that must be empty before a native file may be imported. */
const MUST_BE_EMPTY: (keyof Collections)[] = ['documents', 'annotations', 'entities', 'citations', 'relations', 'rejectedSuggestions']

/**
 * Throws `conflict` unless the project has no documents, annotations, entities, citations, relations or
 * rejected suggestions. Tags and predicates may exist (built-in predicates are seeded in every project);
 * the file's own replace records of the same id.
 */
export function assertEmptyProject(data: Readonly<ProjectData>): void {
  const full = MUST_BE_EMPTY.filter((c) => Object.keys(data[c]).length > 0)
  if (full.length > 0)
    throw new MarginaliaError(
      'conflict',
      `a native JSON file can only be imported into an empty project; this one already has ${full
        .map((c) => `${Object.keys(data[c]).length} ${c}`)
        .join(', ')}`
    )
}

/** Parses and validates a native export file's text. Throws MarginaliaError('invalid-file', '<fileName>: …'). */
export function parseNativeJson(fileName: string, content: string): NativeImportPlan {
  const fail = (msg: string): never => {
    throw new MarginaliaError('invalid-file', `${fileName}: ${msg}`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content)
  } catch (err) {
    return fail(`not JSON (${(err as Error).message})`)
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'marginalia')
    return fail('not a Marginalia export (the "format" member must be "marginalia")')
  const validate = nativeSchemaValidator()
  if (!validate(raw)) {
    const e = validate.errors?.[0]
    return fail(`${e?.instancePath || '/'} ${e?.message ?? 'does not match the export schema'}`)
  }
  const file = raw as {
    documents: (DocumentRecord & { text: string })[]
    annotations: Annotation[]; entities: Entity[]; citations: Citation[]; relations: Relation[]
    predicates: Predicate[]; tags: Tag[]; rejectedSuggestions: RejectedSuggestion[]
  }
  for (const c of ['documents', 'annotations', 'entities', 'citations', 'relations', 'predicates', 'tags', 'rejectedSuggestions'] as const) {
    const seen = new Set<string>()
    file[c].forEach((r, i) => {
      if (seen.has(r.id)) fail(`/${c}/${i}/id: duplicate id ${JSON.stringify(r.id)}`)
      // Tags and predicates are named by their label; every other record needs an id the API can address.
      if (c !== 'tags' && c !== 'predicates' && !ID_PATTERN.test(r.id))
        fail(`/${c}/${i}/id: ${JSON.stringify(r.id)} is not a valid id (letters, digits and _ . : ~ @ + = -)`)
      if (c === 'documents' && !/^[\w-][\w.-]*$/.test(r.id)) fail(`/documents/${i}/id: ${JSON.stringify(r.id)} cannot name a text file (letters, digits, _ . -)`)
      seen.add(r.id)
    })
  }
  const texts = Object.create(null) as Record<string, string>
  const indexes = new Map<string, CodePointIndex>()
  const documents = file.documents.map((d, i) => {
    const { text, ...record } = d
    if (normaliseText(text) !== text) fail(`/documents/${i}/text: not normalised (NFC, LF line ends, no BOM)`)
    const index = new CodePointIndex(text)
    if (index.length !== d.length) fail(`/documents/${i}/length: ${d.length}, but the text has ${index.length} code points`)
    d.structure.forEach((b, j) => {
      if (b.start > b.end || b.end > d.length) fail(`/documents/${i}/structure/${j}: span ${b.start}–${b.end} outside the text (${d.length} code points)`)
    })
    texts[d.id] = text
    indexes.set(d.id, index)
    return record as DocumentRecord
  })
  file.annotations.forEach((a, i) => {
    const index = indexes.get(a.documentId)
    if (!index) return fail(`/annotations/${i}/documentId: no document ${JSON.stringify(a.documentId)} in the file`)
    const { start, end, exact } = a.target
    if (start > end || end > index.length) fail(`/annotations/${i}/target: ${start}–${end} outside the document (${index.length} code points)`)
    // An orphaned annotation keeps the quote it had before the text changed, so only anchored ones must match.
    if (a.status !== 'orphaned' && index.slice(start, end) !== exact)
      fail(`/annotations/${i}/target/exact: does not match code points ${start}–${end} of document ${a.documentId}`)
  })
  return {
    documents, texts,
    annotations: file.annotations, entities: file.entities, citations: file.citations, relations: file.relations,
    predicates: file.predicates, tags: file.tags, rejectedSuggestions: file.rejectedSuggestions,
    warnings: danglingReferences(file)
  }
}

/** Sentences naming every reference that points at no record of the file (at most 20, then a count). */
function danglingReferences(file: {
  documents: DocumentRecord[]; annotations: Annotation[]; entities: Entity[]; citations: Citation[]
  relations: Relation[]; predicates: Predicate[]
}): string[] {
  const docs = new Set(file.documents.map((d) => d.id))
  const ents = new Set(file.entities.map((e) => e.id))
  const cits = new Set(file.citations.map((c) => c.id))
  const anns = new Set(file.annotations.map((a) => a.id))
  const preds = new Set(file.predicates.map((p) => p.id))
  const out: string[] = []
  for (const a of file.annotations) {
    for (const e of a.entityIds) if (!ents.has(e)) out.push(`annotation ${a.id} links entity ${e}, which the file does not contain`)
    for (const l of a.citations) {
      if (!cits.has(l.citationId)) out.push(`annotation ${a.id} cites ${l.citationId}, which the file does not contain`)
      const src = l.verification?.source?.documentId
      if (src && !docs.has(src)) out.push(`annotation ${a.id}: the verdict's source document ${src} is not in the file`)
    }
  }
  for (const c of file.citations)
    if (c.sourceDocumentId && !docs.has(c.sourceDocumentId)) out.push(`citation ${c.id}: source document ${c.sourceDocumentId} is not in the file`)
  for (const r of file.relations) {
    for (const end of [r.subject, r.object])
      if (!ents.has(end) && !anns.has(end)) out.push(`relation ${r.id}: ${end} is neither an entity nor an annotation of the file`)
    if (!preds.has(r.predicate)) out.push(`relation ${r.id}: predicate "${r.predicate}" is not in the file's vocabulary`)
  }
  return out.length > 20 ? [...out.slice(0, 20), `… and ${out.length - 20} more`] : out
}

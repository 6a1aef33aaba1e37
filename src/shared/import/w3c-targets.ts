/**
 * Which document each imported W3C annotation belongs to. A target's `source` IRI names its
 * document: one of the project (by the IRI Marginalia's W3C export gives it, or the document's
 * own URL), one the caller maps to a project document, or one the project does not have. A target
 * without a source belongs to the document the import was started on. Annotations of a source the
 * project does not have go to that document only if they anchor there (the file was made on a copy
 * of its text); otherwise they are not imported, and the report says their target is not in the
 * project and suggests the document their quotes are found in, if any. Pure.
 */
import { recordIri } from '../export/w3c-ids'
import type { ProjectData } from '../model'
import type { ParsedW3cAnnotation } from './w3c-annotations'

/** Where a group of annotations goes, and why. */
export interface W3cRoute {
  documentId: string
  /** `mapped`: the caller chose it; `project`: the source is this project document; `unknown`: the source is not in the project (kept only if it anchors). */
  kind: 'mapped' | 'project' | 'unknown'
  sourceIri?: string
  annotations: ParsedW3cAnnotation[]
}

/** A source the project does not have, whose annotations were not imported. */
export interface W3cUnmatchedSource {
  sourceIri: string
  /** The source's title in the file, when given. */
  title?: string
  /** Annotations of that source in the file. */
  annotations: number
  /** A project document holding most of their quotes, to map them to (`sourceMap`); absent when none does. */
  suggestedDocumentId?: string
  suggestedTitle?: string
}

/**
 * Groups annotations by the document they go to. `sourceMap` maps source IRIs to project
 * documents (the caller's choice wins). Unknown sources are routed to `documentId`, kind `unknown`.
 */
export function routeW3cAnnotations(data: ProjectData, documentId: string, parsed: ParsedW3cAnnotation[], sourceMap: Record<string, string> = {}): W3cRoute[] {
  const known = new Map<string, string>()
  for (const d of Object.values(data.documents)) {
    known.set(recordIri(data.project.id, 'documents', d.id), d.id)
    if (d.metadata.url && (!known.has(d.metadata.url) || d.id === documentId)) known.set(d.metadata.url, d.id)
  }
  const routes = new Map<string, W3cRoute>()
  for (const p of parsed) {
    const iri = p.sourceIri
    const mapped = iri !== undefined ? sourceMap[iri] : undefined
    const route: Omit<W3cRoute, 'annotations'> = iri === undefined
      ? { documentId, kind: 'project' }
      : mapped ? { documentId: mapped, kind: 'mapped', sourceIri: iri }
      : known.has(iri) ? { documentId: known.get(iri)!, kind: 'project', sourceIri: iri }
      : { documentId, kind: 'unknown', sourceIri: iri }
    const key = `${route.kind}\u0000${route.documentId}\u0000${route.kind === 'unknown' ? iri : ''}`
    const r = routes.get(key) ?? { ...route, annotations: [] }
    r.annotations.push(p)
    routes.set(key, r)
  }
  return [...routes.values()]
}

/**
 * The document most of `quotes` occur in (exactly), among `texts` (document id → text), with how
 * many; undefined when none holds any. Looks at the first 50 quotes.
 */
export function documentWithQuotes(quotes: readonly string[], texts: ReadonlyMap<string, string>): string | undefined {
  const sample = quotes.filter((q) => q.trim().length >= 3).slice(0, 50)
  let best: { id: string; hits: number } | undefined
  for (const [id, text] of texts) {
    const hits = sample.filter((q) => text.includes(q)).length
    if (hits > 0 && (!best || hits > best.hits)) best = { id, hits }
  }
  return best?.id
}

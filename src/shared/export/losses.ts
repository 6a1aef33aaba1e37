/**
 * Loss items several exporters share: whole collections a format does not carry as records, and
 * the record times. Each names the model fields it covers (LossItem.fields), so the
 * export-completeness test can check that every field is carried or reported.
 */
import type { ExportSelection } from './reach'
import type { LossItem } from './types'

type CollectionOf = Exclude<keyof ExportSelection, never>

/** One loss per named collection that has records in the selection: `what` is `<collection> (<why>)`. */
export function collectionsNotCarried(sel: ExportSelection, names: readonly CollectionOf[], why: string): LossItem[] {
  const labels: Record<CollectionOf, string> = {
    documents: 'documents', annotations: 'annotations', entities: 'entities', citations: 'bibliography items', relations: 'relations',
    predicates: 'the predicate vocabulary', tags: 'tags and their colours', rejectedSuggestions: 'rejected suggestions'
  }
  return names.filter((n) => sel[n].length > 0).map((n) => ({ what: `${labels[n]} (${why})`, count: sel[n].length, fields: [n] }))
}

/** The loss of rejected suggestions, when the selection has any. */
export function rejectedSuggestionsLoss(sel: ExportSelection): LossItem[] {
  return collectionsNotCarried(sel, ['rejectedSuggestions'], 'kept so that they are not proposed again; export JSON to keep them')
}

/**
 * What a bibliography format (CSL-JSON, BibTeX) leaves out: every collection but the items, the
 * items' record times and attached sources.
 */
export function bibliographyOnlyLosses(sel: ExportSelection, format: string): LossItem[] {
  const out = collectionsNotCarried(sel, ['documents', 'annotations', 'entities', 'relations', 'predicates', 'tags', 'rejectedSuggestions'],
    `${format} holds bibliographic items only; use the JSON or W3C export for the passages citing them`)
  if (sel.citations.length) out.push({ what: 'times the bibliography items were added and edited', count: sel.citations.length, fields: ['citations.created', 'citations.modified'] })
  const authored = sel.citations.filter((c) => c.createdBy || c.modifiedBy).length // team2: authorship
  if (authored) out.push({ what: 'who added and last edited the bibliography items', count: authored, fields: ['citations.createdBy.name', 'citations.createdBy.orcid', 'citations.modifiedBy.name', 'citations.modifiedBy.orcid'] })
  const attached = sel.citations.filter((c) => c.sourceDocumentId).length
  if (attached) out.push({ what: 'attached source documents', count: attached, fields: ['citations.sourceDocumentId'] })
  return out
}

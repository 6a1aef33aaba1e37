/**
 * "Go to cited page": where a citation's locator (`p. 39`, `pp. 339–42`, `fol. 12r`, `ch. LXIV`,
 * `l. 5`) falls in a source document, through the shared locator resolution
 * (src/shared/structure/resolve-locator.ts) over the document's own structure: its page blocks
 * with their printed labels, line blocks, and headings. Offsets are code points of the text.
 */
import type { DocumentRecord, DocumentWithText } from '../../shared/model'
import { resolveLocator, type HeadingInfo, type ResolvedLocator } from '../../shared/structure/resolve-locator'
import type { CodePointIndex } from '../../shared/text/code-points'

/** First characters of a heading read for a number printed in it ("Chapter LXIV: …"). */
const HEADING_CHARS = 200

/** The document's headings with the start of their text. */
export function headingsOfDocument(doc: DocumentWithText, index: CodePointIndex): HeadingInfo[] {
  return doc.structure
    .filter((b) => b.kind === 'heading' || b.kind === 'title')
    .map((b) => ({ start: b.start, end: b.end, level: b.level ?? 1, label: b.label, text: index.slice(b.start, Math.min(b.end, b.start + HEADING_CHARS)) }))
}

/** Resolves `locator` in `doc`; `index` is the CodePointIndex of its text. */
export function locateInDocument(doc: DocumentWithText, index: CodePointIndex, locator: string): ResolvedLocator {
  return resolveLocator(locator, doc.structure, headingsOfDocument(doc, index), index.length)
}

/** Why a locator found nothing, in words: what the document's pages are labelled, if it has any. */
export function unresolvedMessage(doc: DocumentRecord, locator: string): string {
  const pages = doc.structure.filter((b) => b.kind === 'page' && b.label)
  if (!pages.length) return `“${doc.title}” has no numbered pages or divisions, so “${locator}” cannot be found in it.`
  const first = pages[0].label
  const last = pages[pages.length - 1].label
  return `“${locator}” is not in “${doc.title}”: its pages are labelled ${first}${pages.length > 1 ? ` to ${last}` : ''}.`
}

/**
 * The document that is the source of bibliography item `citationId`: the item's attached source,
 * else a document whose record says it is that item.
 */
export function sourceDocumentOf(citationId: string, sourceDocumentId: string | undefined, documents: Iterable<DocumentRecord>): DocumentRecord | undefined {
  const list = [...documents]
  return (sourceDocumentId ? list.find((d) => d.id === sourceDocumentId) : undefined) ?? list.find((d) => d.metadata.citationId === citationId)
}

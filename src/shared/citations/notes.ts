/**
 * Notes for a document: one note per citation link of its annotations, in document order
 * (annotation start, then end; links in the order the annotation lists them), formatted as a
 * sequence so a notes style shortens a work cited again ("Zachariadou, “John VII,” 340.").
 * Used by the service (shown in the app, formatted in the CSL worker) and by the bibliography
 * exporter (notes files, src/shared/export/bibliography.ts). Nothing here loads citation-js.
 */
import type { CiteRequest } from '../bib/citation-js'
import type { Collections, CslItem } from '../model'
import { cleanItem } from './csl-item'
import { cslCite } from './locator'

/** One citation link of an annotation; `quote` is the annotation's passage. */
export interface NoteLink {
  annotationId: string
  citationId: string
  locator?: string
  quote: string
}

/** A formatted note. `number` is 1-based, in document order. */
export interface DocumentNote extends NoteLink {
  number: number
  html: string
  text: string
}

/** Citation links of the document's annotations, in document order (links to deleted items skipped). */
export function noteLinks(data: Pick<Collections, 'annotations' | 'citations'>, documentId: string): NoteLink[] {
  return Object.values(data.annotations)
    .filter((a) => a.documentId === documentId && a.citations.length > 0)
    .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : 1))
    .flatMap((a) =>
      a.citations
        .filter((c) => data.citations[c.citationId])
        .map((c) => ({ annotationId: a.id, citationId: c.citationId, ...(c.locator ? { locator: c.locator } : {}), quote: a.target.exact }))
    )
}

/** What citeproc needs for a document's notes: the links in order, the items they cite, one cite per link. */
export function noteRequest(data: Pick<Collections, 'annotations' | 'citations'>, documentId: string): { links: NoteLink[]; items: CslItem[]; cites: CiteRequest[] } {
  const links = noteLinks(data, documentId)
  const items = [...new Set(links.map((l) => l.citationId))].map((id) => cleanItem({ ...data.citations[id].item, id }))
  const cites = links.map((l) => cslCite(l.citationId, l.locator))
  return { links, items, cites }
}

/** Notes from the formatted cites (one HTML and one text string per link, in order). */
export function notesOf(links: NoteLink[], html: string[], text: string[]): DocumentNote[] {
  return links.map((l, i) => ({ ...l, number: i + 1, html: html[i], text: text[i] }))
}

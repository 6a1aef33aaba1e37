/**
 * Concordance (keyword in context): each occurrence of a word, phrase or entity on one line, the
 * keyword in a column between its left and right context, sortable by the words to its left
 * (nearest first) or to its right, as CATMA and AntConc sort them. Offsets are code points of the
 * document's normalised text; contexts are `width` code points with line breaks shown as spaces.
 */
import { csvRecords } from '../export/csv-write'
import { collator } from './annotation-rows'
import { inContext } from '../search/context'
import { foldedWords } from '../search/word-table'
import type { CodePointIndex } from '../text/code-points'

export interface KwicLine {
  documentId: string
  documentTitle: string
  /** Code point offsets of the keyword in the document's normalised text. */
  start: number
  end: number
  /** The keyword as written. */
  keyword: string
  /** Up to `width` code points before the keyword (line breaks as spaces). */
  left: string
  /** Up to `width` code points after it. */
  right: string
  /** The annotation this line shows, when it is one of an entity's annotated mentions. */
  annotationId?: string
  /** The entity the keyword names, when known. */
  entityId?: string
}

export type KwicSort = 'position' | 'left' | 'right'
export const KWIC_SORTS: readonly KwicSort[] = ['position', 'left', 'right']

/** Default context on each side, in code points. */
export const DEFAULT_KWIC_WIDTH = 50

/** One line for the passage [start, end) (code points) of a document. */
export function kwicLine(
  doc: { id: string; title: string }, text: CodePointIndex, start: number, end: number, width = DEFAULT_KWIC_WIDTH,
  links: { annotationId?: string; entityId?: string } = {}
): KwicLine {
  const { exact, left, right } = inContext(text, start, end, width)
  const line: KwicLine = { documentId: doc.id, documentTitle: doc.title, start, end, keyword: exact.replace(/[\n\r\t]/g, ' '), left, right }
  if (links.annotationId) line.annotationId = links.annotationId
  if (links.entityId) line.entityId = links.entityId
  return line
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Sorts lines in place: `left` by the first word to the left, then the second…; `right` by the
 * words after the keyword; `position` by document (as the table orders them) then offset. Words compare folded (case and
 * diacritics ignored); ties keep reading order.
 */
export function sortKwic(lines: KwicLine[], by: KwicSort = 'position'): KwicLine[] {
  const position = (a: KwicLine, b: KwicLine): number => collator.compare(a.documentTitle, b.documentTitle) || compareText(a.documentId, b.documentId) || a.start - b.start
  if (by === 'position') return lines.sort(position)
  const keys = new Map(lines.map((l) => {
    const words = by === 'left' ? foldedWords(l.left).reverse() : foldedWords(l.right)
    return [l, words.join('\u0001') + '\u0002' + foldedWords(l.keyword).join('\u0001')]
  }))
  return lines.sort((a, b) => compareText(keys.get(a)!, keys.get(b)!) || position(a, b))
}

export const KWIC_COLUMNS = ['document', 'document_title', 'start', 'end', 'left', 'keyword', 'right', 'annotation_id', 'entity_id'] as const

/** The concordance as CSV (RFC 4180, header row, CRLF records); offsets are code points. */
export function kwicCsv(lines: readonly KwicLine[]): string {
  return csvRecords([
    [...KWIC_COLUMNS],
    ...lines.map((l) => [l.documentId, l.documentTitle, String(l.start), String(l.end), l.left, l.keyword, l.right, l.annotationId ?? '', l.entityId ?? ''])
  ])
}

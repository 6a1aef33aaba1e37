/**
 * Project Gutenberg's header (title page data and terms, up to `*** START OF THE/THIS PROJECT
 * GUTENBERG EBOOK … ***`) and licence (from `End of the Project Gutenberg EBook…` or `*** END OF
 * … ***` to the end). Recognised in normalised text; the import keeps them in metadata and cuts
 * them from the text only when asked.
 */
import type { GutenbergParts } from '../model'

const START = /^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$/im
const END = /^\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK[^\n]*$/im
const END_LINE = /^End of (?:the )?Project Gutenberg'?s?(?: E-?Book)?[^\n]*$/gim
/** How far before the `*** END` line an `End of the Project Gutenberg…` line may stand, in characters. */
const END_LINE_REACH = 2000

export interface GutenbergSplit {
  parts: Omit<GutenbergParts, 'trimmed'>
  /** The text between header and licence, blank lines at both ends removed. */
  body: string
}

/** Splits a Project Gutenberg text into header, body and licence, or undefined when it is not one. */
export function splitGutenberg(text: string): GutenbergSplit | undefined {
  const start = START.exec(text)
  const end = END.exec(text)
  if (!start || !end || end.index < start.index) return undefined
  let licenceAt = end.index
  for (const m of text.slice(Math.max(start.index, end.index - END_LINE_REACH), end.index).matchAll(END_LINE)) {
    licenceAt = Math.max(start.index, end.index - END_LINE_REACH) + m.index
    break
  }
  const headerEnd = start.index + start[0].length
  const header = text.slice(0, headerEnd)
  const ebook = /\[E-?Book #(\d+)\]/i.exec(header)?.[1]
  const parts: GutenbergSplit['parts'] = { header, licence: text.slice(licenceAt) }
  if (ebook) parts.ebook = ebook
  return { parts, body: text.slice(headerEnd, licenceAt).replace(/^\s*\n/, '').replace(/\s+$/, '') }
}

/** Title and author from a Gutenberg header's `Title:` and `Author:` lines. */
export function gutenbergTitle(header: string): { title?: string; author?: string } {
  const title = /^Title:\s*(.+(?:\n[ \t]+\S.*)*)/m.exec(header)?.[1].replace(/\s+/g, ' ').trim()
  const author = /^Author:\s*(.+)$/m.exec(header)?.[1].trim()
  return { title, author }
}

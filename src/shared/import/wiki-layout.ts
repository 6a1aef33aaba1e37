/**
 * The plain-text Wikipedia dump layout of the seed article (wp2txt style):
 *   [[Title]]  /  CATEGORIES: a, b, c  /  body lines (one paragraph each)  /  ==Section== ===Sub===
 * Markup is removed from the text (titles and headings keep their words as their own lines);
 * categories become metadata. References glued after sentences are kept in the text verbatim.
 * A file holding several articles keeps every later `[[Title]]` as a level-1 heading.
 */
import type { ParsedDocument } from './parsed-document'
import { TextBuilder } from './line-blocks'

const TITLE = /^\[\[([^\]|]+)\]\]\s*$/
const NOT_A_TITLE = /^\[\[(File|Image|Category):/i
const HEADING = /^(={2,6})\s*(.*?)\s*\1\s*$/
const CATEGORIES = /^CATEGORIES:\s*(.*)$/

/** True when the text opens (after blank lines) with a `[[Title]]` line. */
export function looksLikeWikiLayout(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() !== '') ?? ''
  return TITLE.test(first.trim()) && !NOT_A_TITLE.test(first.trim())
}

/** Parses normalised text in the wiki dump layout. */
export function parseWikiLayout(text: string, fallbackTitle: string): ParsedDocument {
  const builder = new TextBuilder()
  const categories: string[] = []
  let title: string | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd()
    const t = TITLE.exec(line.trim())
    if (t && !NOT_A_TITLE.test(line.trim())) {
      title ??= t[1].trim()
      builder.line(t[1].trim(), builder.blocks.length === 0 ? 'title' : 'heading', 1)
      continue
    }
    const c = CATEGORIES.exec(line)
    if (c) {
      for (const cat of c[1].split(',')) if (cat.trim() && !categories.includes(cat.trim())) categories.push(cat.trim())
      continue
    }
    const h = HEADING.exec(line)
    if (h) {
      builder.line(h[2], 'heading', h[1].length)
      continue
    }
    // Removed markup (e.g. the CATEGORIES line) must not leave runs of blank lines behind.
    if (line.trim() === '' && builder.endsWithBlankLine()) continue
    builder.line(raw, 'paragraph')
  }
  return {
    title: title ?? fallbackTitle,
    format: 'wiki',
    text: builder.text,
    structure: builder.blocks,
    metadata: { categories }
  }
}

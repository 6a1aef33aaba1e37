/**
 * Plain text: the text is kept exactly (after normalisation); paragraphs are runs of lines
 * separated by blank lines, so hard-wrapped prose (e.g. Project Gutenberg) reads as paragraphs.
 * Markdown files get ATX headings (`# Title`) recognised as headings, the rest as plain text.
 */
import type { Block } from '../model'
import type { ParsedDocument } from './parsed-document'

export function parsePlainText(text: string, title: string, markdown = false): ParsedDocument {
  const structure: Block[] = []
  let cp = 0
  let para: { start: number; end: number } | undefined
  const close = () => {
    if (para) structure.push({ kind: 'paragraph', start: para.start, end: para.end })
    para = undefined
  }
  for (const line of text.split('\n')) {
    const length = [...line].length
    const trimmedEnd = cp + [...line.replace(/\s+$/u, '')].length
    const heading = markdown ? /^(#{1,6})\s+\S/.exec(line) : null
    if (line.trim() === '') close()
    else if (heading) {
      close()
      structure.push({ kind: 'heading', start: cp, end: trimmedEnd, level: heading[1].length })
    } else if (para) para.end = trimmedEnd
    else para = { start: cp, end: trimmedEnd }
    cp += length + 1
  }
  close()
  return { title, format: markdown ? 'markdown' : 'text', text, structure, metadata: { categories: [] } }
}

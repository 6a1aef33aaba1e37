/**
 * Plain text: the text is kept exactly (after normalisation); paragraphs are runs of lines
 * separated by blank lines, so hard-wrapped prose (e.g. Project Gutenberg) reads as paragraphs.
 */
import type { Block } from '../model'
import type { ParsedDocument } from './parsed-document'

export function parsePlainText(text: string, title: string): ParsedDocument {
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
    if (line.trim() === '') close()
    else if (para) para.end = trimmedEnd
    else para = { start: cp, end: trimmedEnd }
    cp += length + 1
  }
  close()
  return { title, format: 'text', text, structure, metadata: { categories: [] } }
}

/**
 * Splits BibTeX/BibLaTeX text into its entries, with the line each starts on and its key, so a
 * malformed entry can be reported and skipped while the rest imports. citation-js's parser
 * stops at the first syntax error of a file; this splitter is what lets us go on past it.
 */

/** One `@type{…}` block of a BibTeX file. Offsets are UTF-16 indices into the file's text. */
export interface BibtexChunk {
  /** Entry type, lower-cased: `article`, `book`, `string`, `preamble`, `comment`… */
  type: string
  /** The citation key ('' for @string/@preamble/@comment or when missing). */
  key: string
  /** 1-based line where the entry starts. */
  line: number
  /** The entry's text, `@` to the closing delimiter (or to the next entry when unclosed). */
  text: string
  /** False when the closing brace was never found before the next entry or the end. */
  closed: boolean
}

/** Entry types that are not bibliography items. */
export const NON_ITEM_TYPES = new Set(['string', 'preamble', 'comment'])

const ENTRY_START = /@\s*([A-Za-z][\w-]*)\s*([{(])/y

/** Splits `text` into entries; anything between entries (BibTeX comments) is ignored. */
export function splitBibtex(text: string): BibtexChunk[] {
  const chunks: BibtexChunk[] = []
  let line = 1
  let i = 0
  let atLineStart = true
  while (i < text.length) {
    const ch = text.charCodeAt(i)
    if (ch === 10) {
      line++
      atLineStart = true
      i++
      continue
    }
    if (ch === 64 /* @ */ && atLineStart) {
      ENTRY_START.lastIndex = i
      const m = ENTRY_START.exec(text)
      if (m) {
        const chunk = readEntry(text, i, m, line)
        chunks.push(chunk)
        line += countNewlines(chunk.text)
        i += chunk.text.length
        // An unclosed entry stops right before the `@` of the next one, at the start of a line.
        atLineStart = !chunk.closed
        continue
      }
    }
    if (ch !== 32 && ch !== 9 && ch !== 13) atLineStart = false
    i++
  }
  return chunks
}

function readEntry(text: string, start: number, m: RegExpExecArray, line: number): BibtexChunk {
  const type = m[1].toLowerCase()
  const open = m[2]
  // Brace depth inside the entry's body; the entry closes at its delimiter at depth 0.
  let depth = 0
  let lineStart = false
  for (let i = start + m[0].length; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') {
      lineStart = true
      continue
    }
    // A new entry at the start of a line while this one is still open: this one is unclosed.
    if (lineStart && c === '@') {
      ENTRY_START.lastIndex = i
      if (ENTRY_START.test(text)) return chunkOf(text, start, i, type, line, false)
    }
    if (c !== ' ' && c !== '\t' && c !== '\r') lineStart = false
    if (c === '{') depth++
    else if (c === '}') {
      if (depth === 0 && open === '{') return chunkOf(text, start, i + 1, type, line, true)
      depth--
    } else if (c === ')' && open === '(' && depth === 0) return chunkOf(text, start, i + 1, type, line, true)
  }
  return chunkOf(text, start, text.length, type, line, false)
}

function chunkOf(text: string, start: number, end: number, type: string, line: number, closed: boolean): BibtexChunk {
  const body = text.slice(start, end)
  const key = NON_ITEM_TYPES.has(type) ? '' : (/^@\s*[\w-]+\s*[{(]\s*([^,\s}]*)/.exec(body)?.[1] ?? '')
  return { type, key, line, text: body, closed }
}

function countNewlines(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++
  return n
}

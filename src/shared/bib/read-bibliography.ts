/**
 * Reads a bibliography file (BibTeX/BibLaTeX, RIS or CSL-JSON) into CSL-JSON items, each with the
 * line and key it came from. A malformed entry is reported with its line, key and reason and
 * skipped; the rest is read. Pure: bytes in, items and problems out.
 */
import type { BibliographyFormat, CslItem } from '../model'
import { decodeUtf8Strict, normaliseText } from '../text/normalise'
import type { IncomingItem } from '../citations/dedupe'
import { cleanItem } from '../citations/csl-item'
import { NON_ITEM_TYPES, splitBibtex, type BibtexChunk } from './bibtex-entries'
import { parseBibtexText, parseRisText } from './citation-js'
import { readCslJson } from './csl-json'
import { splitRis } from './ris-records'

/** The one list of bibliography formats is src/shared/model/bibliography-formats.ts. */
export type BibFormat = BibliographyFormat

/** An entry that was not imported, and why. */
export interface SkippedEntry {
  /** 1-based line in the file (line ends normalised to LF first). */
  line: number
  key: string
  reason: string
}

export interface ReadBibliography {
  format: BibFormat
  items: IncomingItem[]
  skipped: SkippedEntry[]
}

/** Detects the format from the file name, then from the content. */
export function detectBibFormat(fileName: string, text: string): BibFormat {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  if (ext === 'bib' || ext === 'bibtex' || ext === 'biblatex') return 'bibtex'
  if (ext === 'ris') return 'ris'
  if (ext === 'json') return 'csl-json'
  const head = text.trimStart()
  if (head.startsWith('[') || head.startsWith('{')) return 'csl-json'
  if (/^TY  - /m.test(head)) return 'ris'
  if (/^@\s*\w+\s*[{(]/m.test(head)) return 'bibtex'
  throw new Error(`${fileName}: not a BibTeX, RIS or CSL-JSON file (format not recognised)`)
}

/**
 * Reads `bytes` (UTF-8) as a bibliography. Throws only when the file as a whole is unusable
 * (not UTF-8, unknown format, not JSON); a bad entry is skipped and listed instead.
 */
export function readBibliography(fileName: string, bytes: Uint8Array, format?: BibFormat): ReadBibliography {
  // Normalising CR/CRLF to LF is what makes the bare-CR RIS export parse at all.
  const text = normaliseText(decodeUtf8Strict(bytes))
  const fmt = format ?? detectBibFormat(fileName, text)
  if (fmt === 'csl-json') return { format: fmt, ...readCslJson(fileName, text) }
  if (fmt === 'ris') return { format: fmt, ...readRis(text) }
  return { format: fmt, ...readBibtex(text) }
}

/** First line of a parser's message (citation-js appends a multi-line excerpt of the input). */
function reasonOf(err: unknown): string {
  return String(err instanceof Error ? err.message : err).split('\n')[0].trim()
}

function readBibtex(text: string): Omit<ReadBibliography, 'format'> {
  const chunks = splitBibtex(text)
  const itemChunks = chunks.filter((c) => !NON_ITEM_TYPES.has(c.type))
  const skipped: SkippedEntry[] = []
  // Fast path: the whole file parses in one call (one pass of citation-js's grammar).
  if (itemChunks.every((c) => c.closed)) {
    try {
      const items = parseBibtexText(text)
      if (items.length === itemChunks.length) {
        return { items: items.map((item, i) => incoming(item, itemChunks[i])), skipped }
      }
    } catch {
      // Fall through: find the bad entries one by one.
    }
  }
  // Slow path: each entry on its own, with the file's @string macros in front of it.
  const macros = chunks.filter((c) => c.type === 'string').map((c) => c.text).join('\n')
  const items: IncomingItem[] = []
  for (const chunk of itemChunks) {
    if (!chunk.closed) {
      skipped.push({ line: chunk.line, key: chunk.key, reason: 'entry is not closed (unbalanced braces)' })
      continue
    }
    if (!chunk.key) {
      skipped.push({ line: chunk.line, key: '', reason: 'entry has no citation key' })
      continue
    }
    try {
      const parsed = parseBibtexText(macros ? `${macros}\n${chunk.text}` : chunk.text)
      if (parsed.length !== 1) throw new Error(`expected one entry, read ${parsed.length}`)
      items.push(incoming(parsed[0], chunk))
    } catch (err) {
      skipped.push({ line: chunk.line, key: chunk.key, reason: reasonOf(err) })
    }
  }
  return { items, skipped }
}

function incoming(item: CslItem, chunk: BibtexChunk): IncomingItem {
  return { item: cleanItem(item), line: chunk.line, key: chunk.key }
}

function readRis(text: string): Omit<ReadBibliography, 'format'> {
  const records = splitRis(text)
  const items: IncomingItem[] = []
  const skipped: SkippedEntry[] = []
  for (const r of records) {
    if (r.problem) {
      skipped.push({ line: r.line, key: r.key, reason: r.problem })
      continue
    }
    try {
      const parsed = parseRisText(r.text)
      if (parsed.length !== 1) throw new Error(`expected one record, read ${parsed.length}`)
      items.push({ item: cleanItem(parsed[0]), line: r.line, key: r.key })
    } catch (err) {
      skipped.push({ line: r.line, key: r.key, reason: reasonOf(err) })
    }
  }
  return { items, skipped }
}

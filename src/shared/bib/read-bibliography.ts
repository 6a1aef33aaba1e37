/**
 * Reads a bibliography file (BibTeX/BibLaTeX, RIS or CSL-JSON) into CSL-JSON items, each with the
 * line and key it came from. A malformed entry is reported with its line, key and reason and
 * skipped; the rest is read. Pure: bytes in, items and problems out.
 */
import type { BibliographyFormat, CslItem } from '../model'
import { decodeUtf8Strict, normaliseText } from '../text/normalise'
import type { IncomingItem } from '../citations/dedupe'
import { cleanItem } from '../citations/csl-item'
import { normaliseLanguage } from '../citations/language'
import { LIMITS, assertWithinLimit } from '../limits'
import { MAX_FIELD_CHARS } from './bib-limits'
import { NON_ITEM_TYPES, splitBibtex, type BibtexChunk } from './bibtex-entries'
import { checkMacros } from './bibtex-macros'
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

/** Progress in entries read, and a way to stop between batches. */
export interface ReadOptions {
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/**
 * Reads `bytes` (UTF-8) as a bibliography. Throws only when the file as a whole is unusable
 * (too large or too many entries — MarginaliaError 'invalid-file' —, not UTF-8, unknown format,
 * not JSON); a bad entry is skipped and listed instead,
 * as is an entry with a field longer than MAX_FIELD_CHARS (after `@string` expansion).
 */
export function readBibliography(fileName: string, bytes: Uint8Array, format?: BibFormat, options: ReadOptions = {}): ReadBibliography {
  assertWithinLimit(fileName, bytes.length, LIMITS.bibliographyFile)
  // Normalising CR/CRLF to LF is what makes the bare-CR RIS export parse at all.
  const text = normaliseText(decodeUtf8Strict(bytes))
  const fmt = format ?? detectBibFormat(fileName, text)
  const read = fmt === 'csl-json' ? readCslJson(fileName, text) : fmt === 'ris' ? readRis(fileName, text, options) : readBibtex(fileName, text, options)
  return { format: fmt, ...withinLimits(read) }
}

/** First line of a parser's message (citation-js appends a multi-line excerpt of the input). */
function reasonOf(err: unknown): string {
  return String(err instanceof Error ? err.message : err).split('\n')[0].trim()
}

/** Entries given to citation-js at once: large enough to be fast, small enough for progress and cancel. */
const BATCH = 200

function readBibtex(fileName: string, text: string, { onProgress, signal }: ReadOptions): Omit<ReadBibliography, 'format'> {
  const chunks = splitBibtex(text)
  assertWithinLimit(fileName, chunks.filter((c) => !NON_ITEM_TYPES.has(c.type)).length, LIMITS.bibliographyEntries)
  const macros = checkMacros(chunks)
  const prelude = macros.safe.map((c) => c.text).join('\n')
  const withMacros = (body: string) => (prelude ? `${prelude}\n${body}` : body)
  const items: IncomingItem[] = []
  const skipped: SkippedEntry[] = []
  const readable: BibtexChunk[] = []
  for (const chunk of chunks) {
    if (NON_ITEM_TYPES.has(chunk.type)) continue
    const problem = !chunk.closed ? 'entry is not closed (unbalanced braces)' : !chunk.key ? 'entry has no citation key' : macros.problem(chunk)
    if (problem) skipped.push({ line: chunk.line, key: chunk.key, reason: problem })
    else readable.push(chunk)
  }
  const total = readable.length
  for (let i = 0; i < total; i += BATCH) {
    signal?.throwIfAborted()
    onProgress?.(i, total)
    const batch = readable.slice(i, i + BATCH)
    // Fast path: the batch parses in one call. Otherwise each entry on its own, to find the bad ones.
    let parsed: CslItem[] | undefined
    try {
      parsed = parseBibtexText(withMacros(batch.map((c) => c.text).join('\n')))
    } catch {
      parsed = undefined
    }
    if (parsed && parsed.length === batch.length) {
      parsed.forEach((item, k) => items.push(incoming(item, batch[k])))
      continue
    }
    for (const chunk of batch) {
      try {
        const one = parseBibtexText(withMacros(chunk.text))
        if (one.length !== 1) throw new Error(`expected one entry, read ${one.length}`)
        items.push(incoming(one[0], chunk))
      } catch (err) {
        skipped.push({ line: chunk.line, key: chunk.key, reason: reasonOf(err) })
      }
    }
  }
  onProgress?.(total, total)
  skipped.sort((a, b) => a.line - b.line)
  return { items, skipped }
}

function incoming(item: CslItem, chunk: BibtexChunk): IncomingItem {
  return { item: cleanItem(item), line: chunk.line, key: chunk.key }
}

function readRis(fileName: string, text: string, { onProgress, signal }: ReadOptions): Omit<ReadBibliography, 'format'> {
  const records = splitRis(text)
  assertWithinLimit(fileName, records.length, LIMITS.bibliographyEntries)
  const items: IncomingItem[] = []
  const skipped: SkippedEntry[] = []
  records.forEach((r, i) => {
    if (i % BATCH === 0) {
      signal?.throwIfAborted()
      onProgress?.(i, records.length)
    }
    if (r.problem) {
      skipped.push({ line: r.line, key: r.key, reason: r.problem })
      return
    }
    try {
      const parsed = parseRisText(r.text)
      if (parsed.length !== 1) throw new Error(`expected one record, read ${parsed.length}`)
      items.push({ item: cleanItem(parsed[0]), line: r.line, key: r.key })
    } catch (err) {
      skipped.push({ line: r.line, key: r.key, reason: reasonOf(err) })
    }
  })
  onProgress?.(records.length, records.length)
  return { items, skipped }
}

/** The longest string anywhere in `value` (fields, names, date parts), in code points, with its field. */
function longestString(value: unknown, field = ''): { field: string; length: number } {
  // A string's code points are at most its UTF-16 length: count them only where it could matter.
  if (typeof value === 'string') return { field, length: value.length > MAX_FIELD_CHARS ? [...value].length : value.length }
  let best = { field, length: 0 }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const l = longestString(v, Array.isArray(value) ? field : k)
      if (l.length > best.length) best = l
    }
  }
  return best
}

/**
 * Moves items with a field over MAX_FIELD_CHARS to the skipped list (whatever the format), and
 * writes each item's language as a BCP 47 tag where it names one (`ngerman` → `de`).
 */
function withinLimits(read: Omit<ReadBibliography, 'format'>): Omit<ReadBibliography, 'format'> {
  const items: IncomingItem[] = []
  const skipped = [...read.skipped]
  for (const x of read.items) {
    const language = normaliseLanguage(x.item.language)
    if (language) x.item.language = language
    const longest = longestString(x.item)
    if (longest.length > MAX_FIELD_CHARS) {
      skipped.push({ line: x.line, key: x.key, reason: `field "${longest.field}" is ${longest.length.toLocaleString('en')} characters long; the limit is ${MAX_FIELD_CHARS.toLocaleString('en')}` })
    } else items.push(x)
  }
  return { items, skipped: skipped.sort((a, b) => a.line - b.line) }
}

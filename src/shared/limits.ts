/**
 * Every limit Marginalia puts on what comes from outside — files, HTTP requests, fields, records —
 * in one table, each with its unit and the reason for its value (docs/limits.md is the prose
 * version). Limits are checked *before* the work they guard: a file's size before it is read
 * (src/main/read-within-limit.ts), a request body while it streams in, a count before records
 * are stored. A breach is a MarginaliaError('invalid-file', '<file>: <problem>') that names the
 * file, the amount and the limit, and nothing is changed.
 *
 * Pure: imports nothing from node:*, electron or the DOM.
 */
import { MarginaliaError } from './result'

export type LimitUnit =
  | 'bytes' | 'code points' | 'records' | 'entries' | 'pages' | 'levels' | 'expansions' | 'connections' | 'milliseconds'
  | 'elements' | 'pixels' | 'times' | 'MiB of heap'

export interface Limit {
  /** The largest amount accepted (inclusive), in `unit`. */
  readonly max: number
  readonly unit: LimitUnit
  /** What is limited, as a historian would read it in an error message ("a bibliography file"). */
  readonly what: string
  /** Why this value: the real data it was sized against, and what a larger one would cost. */
  readonly why: string
}

const KiB = 1024
const MiB = 1024 * KiB

/** Length of the base64 text of `bytes` bytes (4 characters per 3 bytes, padded). */
export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3)
}

const documentFile: Limit = {
  max: 64 * MiB, unit: 'bytes', what: 'a document file to import',
  why: 'Gibbon vol. 2, the largest real text we hold, is 2.0 MB; a long PDF or DOCX with its images stays under 64 MiB. Import parses in memory, so a larger file would cost gigabytes.'
}
const bibliographyFile: Limit = {
  max: 32 * MiB, unit: 'bytes', what: 'a bibliography file (BibTeX, RIS, CSL-JSON)',
  why: 'The Miletus group library (1,394 entries) is 0.8 MB, so 32 MiB holds ~55,000 entries, more than large Zotero libraries; citation-js parses the whole file in memory.'
}
const nativeJsonFile: Limit = {
  max: 128 * MiB, unit: 'bytes', what: 'a Marginalia JSON file to import',
  why: 'A project of 100,000 annotations with entities, citations and notes exports to 60 MB (synthetic project over Gibbon ch. 64-65), so 128 MiB is twice the largest project the design targets; the file is parsed whole.'
}
const w3cFile: Limit = {
  max: 64 * MiB, unit: 'bytes', what: 'a W3C Web Annotation file to import',
  why: 'About 100,000 annotations with quote, prefix and suffix take under 64 MiB; the file is parsed whole.'
}

/**
 * Every limit, by name. Sizes of whole files are `bytes` on disk; text lengths are code points of
 * the decoded text; times are milliseconds.
 */
export const LIMITS = {
  documentFile,
  bibliographyFile,
  nativeJsonFile,
  w3cFile,
  /** Annotations, entities, citations, relations, … of one native JSON import, all collections together. */
  nativeJsonRecords: {
    max: 1_000_000, unit: 'records', what: 'records in one Marginalia JSON file',
    why: 'Ten times the 100,000-annotation project the design targets; each record is validated and stored in one transaction.'
  },
  bibliographyEntries: {
    max: 100_000, unit: 'entries', what: 'entries in one bibliography file',
    why: 'Nearly twice the entries that fit in a 32 MiB file of Miletus-sized entries; each entry becomes a record.'
  },
  w3cAnnotations: {
    max: 200_000, unit: 'records', what: 'annotations in one W3C file',
    why: 'Twice the 100,000 annotations the design targets; each is anchored in the document.'
  },
  /** After @string / macro expansion: the 514-byte BibTeX that expanded to a 120 MB title is refused. */
  bibliographyField: {
    max: 100_000, unit: 'code points', what: 'one bibliography field after @string expansion',
    why: 'As long as an annotation note; a real abstract is a few thousand characters. Expansion past it is a bomb, not a title.'
  },
  /** XML (TEI, HTML-as-XML, DOCX parts): no DTD-declared entity is expanded, ever. */
  xmlEntityExpansions: {
    max: 0, unit: 'expansions', what: 'XML entity expansions declared in a DTD',
    why: 'Billion-laughs and external-entity attacks need expansion; TEI named entities are mapped from a known table instead.'
  },
  xmlDepth: {
    max: 1_000, unit: 'levels', what: 'nesting depth of an XML or HTML document',
    why: 'The real TEI editions we hold (Froissart x2, Beverley) nest 12-14 levels deep; recursive walkers would overflow the stack at a few thousand.'
  },
  zipEntries: {
    max: 10_000, unit: 'entries', what: 'files inside a DOCX or EPUB (zip) archive',
    why: 'A DOCX holds a dozen fixed parts plus one per image or embedded object; 10,000 is a book of ~10,000 images, and beyond it a zip bomb, not a document.'
  },
  zipUncompressedBytes: {
    max: 256 * MiB, unit: 'bytes', what: 'the uncompressed contents of a DOCX or EPUB (zip) archive',
    why: 'Four times the 64 MiB document limit, for images; checked from the zip directory before anything is inflated.'
  },
  pdfPages: {
    max: 5_000, unit: 'pages', what: 'pages of a PDF',
    why: 'More pages than any single printed volume; text extraction runs page by page, so the cost grows with pages.'
  },
  xmlElements: {
    max: 2_000_000, unit: 'elements', what: 'elements of one XML document',
    why: "Beverley's TEI edition (871 KB) has about 7,000; two million is a 64 MiB file of nothing but empty elements."
  },
  /** Inflated ÷ compressed size of one zip entry over 1 MiB, checked while inflating (a zip may lie). */
  zipRatio: {
    max: 200, unit: 'times', what: 'the compression ratio of one entry of a DOCX or EPUB (zip) archive',
    why: 'Real XML compresses 5-20 times; a zip bomb 1,000 times and more.'
  },
  /** Width × height of one image given to OCR, checked from its header before decoding. */
  imagePixels: {
    max: 80_000_000, unit: 'pixels', what: 'pixels of one image to recognise',
    why: 'An A4 page scanned at 600 dpi is 35 million pixels; decoding takes 4 bytes per pixel, so 80 million is 320 MB.'
  },
  /** An import is stopped when it reports no progress for this long (importers report every page or chapter). */
  importStall: {
    max: 300_000, unit: 'milliseconds', what: 'time an import may run without progress',
    why: 'The slowest step, OCR of one dense 600 dpi page, takes well under a minute here; only a parser stuck on one input stalls for five.'
  },
  /** Heap of the import worker thread: a bomb that gets past the checks dies there, not the app. */
  importWorkerHeap: {
    max: 3_072, unit: 'MiB of heap', what: 'memory of the import worker',
    why: 'Parsing a 64 MiB PDF or DOCX in memory peaks near 1 GiB; three leave room without letting one import take the machine.'
  },
  /** Everything a client sends in one HTTP request to `serve`; checked as the body streams in. */
  httpBody: {
    max: Math.max(base64Length(documentFile.max), base64Length(w3cFile.max), base64Length(bibliographyFile.max), Math.ceil(nativeJsonFile.max * 1.25)) + MiB,
    unit: 'bytes', what: 'an HTTP request body',
    why: 'The largest import in the form it crosses HTTP: a 64 MiB file as base64, or a 128 MiB JSON file as an escaped JSON string (x1.25), plus 1 MiB for the rest of the call.'
  },
  /** A file name as given to an import (the name only is stored). */
  fileName: {
    max: 500, unit: 'code points', what: 'a file name',
    why: 'File systems allow 255 bytes per name; 500 leaves room for a relative path.'
  },
  /** A folder given to writeExport or a project path. */
  path: {
    max: 4_000, unit: 'code points', what: 'a folder path',
    why: 'PATH_MAX is 4,096 bytes on Linux.'
  },
  /** Simultaneous connections to `serve`; beyond it the longest-idle connection is closed. */
  httpConnections: {
    max: 64, unit: 'connections', what: 'simultaneous connections to the served app',
    why: 'A browser opens at most 6 per host per tab plus one event stream; 64 serves ten tabs. Idle sockets are evicted, so a flood of idle connections cannot lock out a real call.'
  },
  httpHeadersTimeout: {
    max: 10_000, unit: 'milliseconds', what: 'time to send the request headers',
    why: 'On loopback headers arrive in under a millisecond; a connection that sends nothing is closed after 10 s.'
  },
  httpRequestTimeout: {
    max: 120_000, unit: 'milliseconds', what: 'time to send a whole request',
    why: 'The largest body (~161 MiB) crosses loopback in a few seconds; two minutes leaves room for a loaded machine.'
  },
  httpKeepAliveTimeout: {
    max: 5_000, unit: 'milliseconds', what: 'time an idle kept-alive connection stays open',
    why: 'Browsers reuse a connection within a second or two; idle ones are closed to free the connection slots.'
  }
} as const satisfies Record<string, Limit>

export type LimitName = keyof typeof LIMITS

/** `n` in the unit a reader expects: 64 MiB, 1.5 MiB, 612 bytes, 100,000 records. */
export function formatAmount(n: number, unit: LimitUnit): string {
  if (unit === 'bytes') {
    if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`
    if (n >= KiB) return `${+(n / KiB).toFixed(1)} KiB`
    return `${n} bytes`
  }
  if (unit === 'milliseconds') return `${n / 1000} s`
  return `${n.toLocaleString('en-GB')} ${unit}`
}

/**
 * Throws MarginaliaError('invalid-file', '<file>: <amount> is more than the <limit> limit for <what>')
 * when `amount` (in `limit.unit`) exceeds `limit.max`. `file` is the name shown to the user.
 * Call it before the work the limit guards (for a file's size: before reading it).
 */
export function assertWithinLimit(file: string, amount: number, limit: Limit): void {
  if (amount <= limit.max) return
  let shown = formatAmount(amount, limit.unit)
  let max = formatAmount(limit.max, limit.unit)
  // Rounded, 64.0 MiB + 1 byte reads like the limit itself: then say both exactly.
  if (shown === max) [shown, max] = [`${amount.toLocaleString('en-GB')} ${limit.unit}`, `${limit.max.toLocaleString('en-GB')} ${limit.unit}`]
  throw new MarginaliaError('invalid-file', `${file}: ${shown} is more than the ${max} limit for ${limit.what} (see docs/limits.md)`)
}

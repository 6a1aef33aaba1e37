/**
 * The pure import door: bytes of a text format → ParsedDocument. It decodes (strict UTF-8, or the
 * encoding the historian chose), normalises (NFC, LF, no BOM), detects the format by content then
 * name, and runs the format's parser (wiki layout, plain text with Project Gutenberg recognition,
 * Markdown, TEI). The desktop importer (src/main/import/import-file.ts) adds the formats that need
 * Node (PDF, DOCX, EPUB, images, HTML through a DOM) and runs it all off the main thread.
 */
import type { DocumentFormat } from '../model'
import { MarginaliaError } from '../result'
import { InvalidUtf8Error, normaliseText } from '../text/normalise'
import { detectTextFormat } from './detect-format'
import { decodeText, encodingCandidates, TEXT_ENCODINGS, type TextEncoding } from './encodings'
import { gutenbergTitle, splitGutenberg } from './gutenberg'
import { formatBytes, IMPORT_LIMITS } from './import-limits'
import { parseMarkdown } from './markdown'
import type { ParsedDocument } from './parsed-document'
import { parsePlainText } from './plain-text'
import { parseTei } from './tei/parse-tei'
import { looksLikeWikiLayout, parseWikiLayout } from './wiki-layout'

/** Largest file accepted for import, in bytes (checked before reading where possible). */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.documentFile

/** What the historian chose for an import. */
export interface ParseOptions {
  format?: DocumentFormat
  /** The encoding to decode a text file with; UTF-8 (strict) when absent. */
  encoding?: TextEncoding
  /** Cut a recognised Project Gutenberg header and licence from the text (they stay in metadata). */
  trimGutenberg?: boolean
}

/** The file name without folders. */
export function baseFileName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName
}

/** A title made from a file name: no extension, underscores as spaces. */
export function titleFromFileName(fileName: string): string {
  const name = baseFileName(fileName)
  return name.replace(/\.[^.]+$/, '').replace(/_/g, ' ') || name
}

/**
 * Decodes and normalises a text file.
 * @throws MarginaliaError('invalid-file') naming the file: not UTF-8 (with the likely encoding to
 *   choose), NUL bytes, or empty.
 */
export function decodeTextFile(fileName: string, bytes: Uint8Array, encoding?: TextEncoding): string {
  const name = baseFileName(fileName)
  let raw: string
  try {
    raw = encoding ? decodeText(name, bytes, encoding) : decodeText(name, bytes, 'utf-8')
  } catch (err) {
    if (!encoding && err instanceof MarginaliaError) {
      const { proposed } = encodingCandidates(bytes)
      const hint = proposed ? `; it reads cleanly as ${TEXT_ENCODINGS[proposed]}` : ''
      const where = /\(([^)]*)\)/.exec(err.message)?.[1]
      throw new MarginaliaError('invalid-file', `${name}: not valid UTF-8${where ? ` (${where})` : ''}${hint}. Choose its encoding (Windows-1252, ISO-8859-1, ISO-8859-7, UTF-16) and import it again`)
    }
    if (err instanceof InvalidUtf8Error) throw new MarginaliaError('invalid-file', `${name}: ${err.message}`)
    throw err
  }
  if (raw.includes('\u0000')) throw new MarginaliaError('invalid-file', `${name}: contains NUL bytes; it is not a text file (or choose UTF-16 if it is one)`)
  const text = normaliseText(raw)
  if (text.trim() === '') throw new MarginaliaError('invalid-file', `${name}: the file is empty`)
  return text
}

/** Parses plain text, recognising a Project Gutenberg header and licence (cut only when asked). */
function parseText(text: string, title: string, trim: boolean): ParsedDocument {
  const gutenberg = splitGutenberg(text)
  if (!gutenberg) return parsePlainText(text, title)
  const parsed = parsePlainText(trim ? gutenberg.body : text, title)
  const facts = gutenbergTitle(gutenberg.parts.header)
  if (facts.title) parsed.title = facts.title
  if (facts.author) parsed.metadata.author = facts.author
  parsed.metadata.source = `Project Gutenberg${gutenberg.parts.ebook ? ` eBook #${gutenberg.parts.ebook}` : ''}`
  parsed.metadata.gutenberg = { ...gutenberg.parts, trimmed: trim }
  return parsed
}

/**
 * Parses the decoded, normalised `text` of `fileName` as `format` (a pure format).
 * @throws MarginaliaError('invalid-file', '<file>: <problem>') for content the format cannot read.
 */
export function parseTextAs(fileName: string, text: string, format: DocumentFormat, options: ParseOptions = {}): ParsedDocument {
  const name = baseFileName(fileName)
  const title = titleFromFileName(name)
  switch (format) {
    case 'wiki':
      if (!looksLikeWikiLayout(text)) throw new MarginaliaError('invalid-file', `${name}: does not start with a [[Title]] line, so it is not in the wiki layout`)
      return parseWikiLayout(text, title)
    case 'markdown':
      return parseMarkdown(text, title)
    case 'tei':
      return parseTei(name, text, title)
    case 'text':
      return parseText(text, title, options.trimGutenberg === true)
    default:
      throw new MarginaliaError('invalid-argument', `${name}: ${format} is imported by the desktop importer, not here`)
  }
}

/** Formats parsed here, without Node. */
const PURE_FORMATS: DocumentFormat[] = ['wiki', 'text', 'markdown', 'tei']

/**
 * Parses `bytes` named `fileName` when it is a text format this module reads (wiki, text, Markdown,
 * TEI). `options` may be just the format (as older callers pass it).
 * Every failure is a MarginaliaError whose message starts with the file name and says what is wrong.
 */
export function parseDocument(fileName: string, bytes: Uint8Array, options: ParseOptions | DocumentFormat = {}): ParsedDocument {
  const opts: ParseOptions = typeof options === 'string' ? { format: options } : options
  const name = baseFileName(fileName)
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new MarginaliaError('too-large', `${name}: ${formatBytes(bytes.length)} is more than the ${formatBytes(MAX_IMPORT_BYTES)} Marginalia imports`)
  }
  const text = decodeTextFile(name, bytes, opts.encoding)
  const format = opts.format ?? detectTextFormat(name, text)
  if (!PURE_FORMATS.includes(format)) {
    throw new MarginaliaError('invalid-argument', `${name}: ${format} is imported by the desktop importer (src/main/import), not by this pure parser`)
  }
  const parsed = parseTextAs(name, text, format, opts)
  if (opts.encoding && opts.encoding !== 'utf-8') parsed.metadata.encoding = opts.encoding
  return parsed
}

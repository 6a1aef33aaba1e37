/**
 * Turns a file's bytes into a ParsedDocument: strict UTF-8 decoding, normalisation, format
 * detection (by content first, then by extension) and the format's parser.
 */
import type { DocumentFormat } from '../model'
import { MarginaliaError } from '../result'
import { decodeUtf8Strict, InvalidUtf8Error, normaliseText } from '../text/normalise'
import type { ParsedDocument } from './parsed-document'
import { parsePlainText } from './plain-text'
import { looksLikeWikiLayout, parseWikiLayout } from './wiki-layout'

/** Largest file accepted for import, in bytes (checked before reading where possible). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

/** Formats this version can import. */
export const IMPORTABLE_FORMATS: DocumentFormat[] = ['wiki', 'text', 'markdown']

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName
  return name.replace(/\.[^.]+$/, '').replace(/_/g, ' ') || name
}

/** Detects the format of an already decoded, normalised text. */
export function detectFormat(fileName: string, text: string): DocumentFormat {
  if (looksLikeWikiLayout(text)) return 'wiki'
  if (/\.(md|markdown)$/i.test(fileName)) return 'markdown'
  return 'text'
}

/**
 * Parses `bytes` named `fileName`. Every failure is a MarginaliaError('invalid-file') whose
 * message starts with the file name and says what is wrong.
 */
export function parseDocument(fileName: string, bytes: Uint8Array, format?: DocumentFormat): ParsedDocument {
  const name = fileName.split(/[\\/]/).pop() ?? fileName
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new MarginaliaError('too-large', `${name}: ${bytes.length} bytes is more than the ${MAX_IMPORT_BYTES} bytes Marginalia imports`)
  }
  if (format && !IMPORTABLE_FORMATS.includes(format)) {
    throw new MarginaliaError('invalid-argument', `${name}: importing ${format} is not supported yet (supported: ${IMPORTABLE_FORMATS.join(', ')})`)
  }
  let raw: string
  try {
    raw = decodeUtf8Strict(bytes)
  } catch (err) {
    if (err instanceof InvalidUtf8Error) {
      throw new MarginaliaError('invalid-file', `${name}: ${err.message}; save it as UTF-8 and import it again`)
    }
    throw err
  }
  if (raw.includes('\u0000')) throw new MarginaliaError('invalid-file', `${name}: contains NUL bytes; it is not a text file`)
  const text = normaliseText(raw)
  if (text.trim() === '') throw new MarginaliaError('invalid-file', `${name}: the file is empty`)
  const detected = format ?? detectFormat(name, text)
  if (detected === 'wiki') {
    if (!looksLikeWikiLayout(text)) throw new MarginaliaError('invalid-file', `${name}: does not start with a [[Title]] line, so it is not in the wiki layout`)
    return parseWikiLayout(text, baseName(name))
  }
  return parsePlainText(text, baseName(name), detected === 'markdown')
}

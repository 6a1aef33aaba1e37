/**
 * The import door for every format: a file's bytes → ParsedDocument (normalised text, structure
 * and metadata, offsets in code points). The format is found by content first (magic bytes,
 * markup), then by name; a name that promises a format the content is not is refused. Binary
 * formats go to their Node parsers (PDF, DOCX, EPUB, images), HTML to the DOM-based reader, the
 * rest to the pure door's parsers (src/shared/import/parse-document.ts). Runs inside the import
 * worker (import-worker.ts), off the main thread; every failure names the file and the problem.
 */
import { checkExtension, detectTextFormat, sniffBinary, zipFormat } from '../../shared/import/detect-format'
import { formatBytes, IMPORT_LIMITS } from '../../shared/import/import-limits'
import type { ParsedDocument } from '../../shared/import/parsed-document'
import { baseFileName, decodeTextFile, parseTextAs, titleFromFileName, type ParseOptions } from '../../shared/import/parse-document'
import type { DocumentFormat } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { parseDocx } from './docx/parse-docx'
import { parseEpub } from './epub/parse-epub'
import { parseHtml } from './html/parse-html'
import type { ImportReporter, OcrOptions } from './import-progress'
import { parseImage } from './ocr/parse-image'
import { parsePdf } from './pdf/parse-pdf'
import { listZip } from './zip-guard'

export type ImportFileOptions = ParseOptions & OcrOptions

const BINARY_FORMATS: DocumentFormat[] = ['pdf', 'docx', 'epub', 'image']

function mismatch(name: string, chosen: DocumentFormat, found: string): MarginaliaError {
  return new MarginaliaError('invalid-file', `${name}: was to be imported as ${chosen} but its content is ${found}`)
}

/** The format `bytes` will be imported as (before any parsing), and the decoded text for text formats. */
function resolveFormat(fileName: string, bytes: Uint8Array, options: ImportFileOptions): { format: DocumentFormat; text?: string; binary?: ReturnType<typeof sniffBinary> } {
  const name = baseFileName(fileName)
  const binary = sniffBinary(bytes)
  if (binary) {
    if (['gif', 'bmp', 'webp'].includes(binary)) {
      throw new MarginaliaError('invalid-file', `${name}: ${binary.toUpperCase()} images are not read by OCR here; save the page as PNG, JPEG or TIFF`)
    }
    const format: DocumentFormat = binary === 'pdf' ? 'pdf' : binary === 'zip' ? zipFormat(name, listZip(name, bytes).map((e) => e.name)) : 'image'
    if (options.format && options.format !== format) throw mismatch(name, options.format, `a ${format === 'image' ? `${binary.toUpperCase()} image` : format.toUpperCase()} file`)
    checkExtension(name, binary)
    return { format, binary }
  }
  checkExtension(name, undefined)
  if (options.format && BINARY_FORMATS.includes(options.format)) throw mismatch(name, options.format, 'text, not a binary file of that kind')
  const text = decodeTextFile(name, bytes, options.encoding)
  return { format: options.format ?? detectTextFormat(name, text), text }
}

/**
 * Parses any importable file.
 * @throws MarginaliaError('invalid-file' | 'too-large' | 'invalid-argument' | 'cancelled') naming the file.
 */
export async function importFile(fileName: string, bytes: Uint8Array, options: ImportFileOptions, report: ImportReporter): Promise<ParsedDocument> {
  const name = baseFileName(fileName)
  if (bytes.length > IMPORT_LIMITS.documentFile) {
    throw new MarginaliaError('too-large', `${name}: ${formatBytes(bytes.length)} is more than the ${formatBytes(IMPORT_LIMITS.documentFile)} Marginalia imports`)
  }
  if (bytes.length === 0) throw new MarginaliaError('invalid-file', `${name}: the file is empty`)
  const { format, text, binary } = resolveFormat(name, bytes, options)
  const title = titleFromFileName(name)
  let parsed: ParsedDocument
  switch (format) {
    case 'pdf':
      parsed = await parsePdf(name, bytes, options, report)
      break
    case 'docx':
      parsed = await parseDocx(name, bytes, title)
      break
    case 'epub':
      parsed = await parseEpub(name, bytes, title, report)
      break
    case 'image':
      parsed = await parseImage(name, bytes, binary as 'png' | 'jpeg' | 'tiff', options, report)
      break
    case 'html':
      parsed = await parseHtml(name, text!, title)
      break
    default:
      parsed = parseTextAs(name, text!, format, options)
  }
  if (!parsed.title.trim()) parsed.title = title
  if (options.encoding && options.encoding !== 'utf-8' && text !== undefined) parsed.metadata.encoding = options.encoding
  if (parsed.text.trim() === '') throw new MarginaliaError('invalid-file', `${name}: no text was found in it`)
  return parsed
}

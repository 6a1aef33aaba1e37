/**
 * A look at a file before it is imported: its format, whether it is UTF-8 (and if not, the
 * candidate decodings with previews and the one proposed), and a Project Gutenberg header. Reads
 * only the head (1 MiB) and tail (64 KiB) of a text, so it answers at once even for a large file.
 */
import type { ImportPreview } from '../../shared/api/documents'
import { checkExtension, detectTextFormat, sniffBinary, zipFormat } from '../../shared/import/detect-format'
import { decodeText, encodingCandidates } from '../../shared/import/encodings'
import { gutenbergTitle, splitGutenberg } from '../../shared/import/gutenberg'
import { baseFileName } from '../../shared/import/parse-document'
import { MarginaliaError } from '../../shared/result'
import { normaliseText } from '../../shared/text/normalise'
import { listZip } from './zip-guard'

const HEAD = 1024 * 1024
const TAIL = 64 * 1024

function sample(bytes: Uint8Array): string {
  const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(b)
  if (bytes.length <= HEAD + TAIL) return decode(bytes)
  return `${decode(bytes.subarray(0, HEAD))}\n${decode(bytes.subarray(bytes.length - TAIL))}`
}

export function inspectImport(fileName: string, bytes: Uint8Array): ImportPreview {
  const name = baseFileName(fileName)
  const preview: ImportPreview = { fileName: name, size: bytes.length }
  try {
    const binary = sniffBinary(bytes)
    if (binary) {
      checkExtension(name, binary)
      preview.format = binary === 'pdf' ? 'pdf' : binary === 'zip' ? zipFormat(name, listZip(name, bytes).map((e) => e.name)) : 'image'
      return preview
    }
    checkExtension(name, undefined)
    let utf8 = true
    try {
      decodeText(name, bytes, 'utf-8')
    } catch {
      utf8 = false
    }
    if (!utf8) {
      const { candidates, proposed } = encodingCandidates(bytes)
      preview.encoding = { utf8, candidates, proposed }
      preview.problem = `${name}: is not valid UTF-8; choose its encoding`
    } else preview.encoding = { utf8, candidates: [] }
    const text = normaliseText(utf8 ? sample(bytes) : decodeText(name, bytes.subarray(0, HEAD), preview.encoding.proposed ?? 'windows-1252'))
    preview.format = detectTextFormat(name, text)
    const gutenberg = preview.format === 'text' ? splitGutenberg(text) : undefined
    if (gutenberg) {
      preview.gutenberg = { headerChars: [...gutenberg.parts.header].length, licenceChars: [...gutenberg.parts.licence].length }
      if (gutenberg.parts.ebook) preview.gutenberg.ebook = gutenberg.parts.ebook
      const title = gutenbergTitle(gutenberg.parts.header).title
      if (title) preview.gutenberg.title = title
    }
  } catch (err) {
    if (!(err instanceof MarginaliaError)) throw err
    preview.problem = err.message
  }
  return preview
}

/**
 * Which format a file is, by its content first and its name second: binary formats by their magic
 * bytes (PDF, zip containers, images), text formats by their markup (TEI, HTML, the wiki layout),
 * then by extension (Markdown). A name that promises a binary format the content does not have is
 * an error, not a guess.
 */
import type { DocumentFormat } from '../model'
import { MarginaliaError } from '../result'
import { looksLikeTei } from './tei/parse-tei'
import { looksLikeWikiLayout } from './wiki-layout'

export type BinaryKind = 'pdf' | 'zip' | 'png' | 'jpeg' | 'tiff' | 'gif' | 'bmp' | 'webp'

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b)

/** The binary kind of `bytes` from its magic numbers, or undefined for text. */
export function sniffBinary(bytes: Uint8Array): BinaryKind | undefined {
  // %PDF- may follow a little junk (some generators prepend a BOM or whitespace).
  const head = String.fromCharCode(...bytes.subarray(0, 1024))
  if (head.includes('%PDF-')) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif'
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26 && bytes[14] >= 12 && bytes[15] === 0) return 'bmp'
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  return undefined
}

/** What each binary-format extension promises. */
const EXTENSION_KIND: Record<string, { kinds: BinaryKind[]; name: string }> = {
  pdf: { kinds: ['pdf'], name: 'a PDF (it does not start with %PDF-)' },
  docx: { kinds: ['zip'], name: 'a Word DOCX file (it is not a zip archive)' },
  epub: { kinds: ['zip'], name: 'an EPUB (it is not a zip archive)' },
  png: { kinds: ['png'], name: 'a PNG image' },
  jpg: { kinds: ['jpeg'], name: 'a JPEG image' },
  jpeg: { kinds: ['jpeg'], name: 'a JPEG image' },
  tif: { kinds: ['tiff'], name: 'a TIFF image' },
  tiff: { kinds: ['tiff'], name: 'a TIFF image' }
}

/** The lower-case extension of a file name, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName)
  return m ? m[1].toLowerCase() : ''
}

/**
 * Checks that a file's content is what its extension promises.
 * @throws MarginaliaError('invalid-file') when a .pdf/.docx/.epub/image name holds something else.
 */
export function checkExtension(fileName: string, kind: BinaryKind | undefined): void {
  const promise = EXTENSION_KIND[extensionOf(fileName)]
  if (promise && !(kind && promise.kinds.includes(kind))) {
    throw new MarginaliaError('invalid-file', `${fileName}: is named .${extensionOf(fileName)} but its content is not ${promise.name}`)
  }
}

/** The format a zip container holds, from its entry names. */
export function zipFormat(fileName: string, names: string[]): 'docx' | 'epub' {
  if (names.includes('word/document.xml')) return 'docx'
  if (names.includes('META-INF/container.xml') || names.includes('mimetype')) return 'epub'
  throw new MarginaliaError('invalid-file', `${fileName}: is a zip archive but neither a Word DOCX (no word/document.xml) nor an EPUB (no META-INF/container.xml)`)
}

/** The format of a decoded, normalised text: TEI, HTML, the wiki layout, Markdown (by name) or plain text. */
export function detectTextFormat(fileName: string, text: string): DocumentFormat {
  const head = text.slice(0, 4000).replace(/^\s+/, '')
  if (/^<\?xml|^<!DOCTYPE TEI|^<(TEI|teiCorpus)[\s>]/i.test(head) && looksLikeTei(text)) return 'tei'
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!DOCTYPE html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(head)) return 'html'
  if (/^<\?xml/.test(head) && /<html[\s>]/i.test(head)) return 'html'
  const ext = extensionOf(fileName)
  if (/^(html?|xhtml)$/.test(ext) && /<[a-z!]/i.test(head)) return 'html'
  if (/^(xml|tei)$/.test(ext) && /^</.test(head)) return looksLikeTei(text) ? 'tei' : xmlNotTei(fileName, head)
  if (looksLikeWikiLayout(text)) return 'wiki'
  if (/^(md|markdown|mdown|mkd)$/.test(ext)) return 'markdown'
  return 'text'
}

function xmlNotTei(fileName: string, head: string): never {
  const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1] ?? '?'
  throw new MarginaliaError('invalid-file', `${fileName}: is XML with root element <${root}>, not a TEI document; Marginalia imports TEI P5 XML (or choose --format text to import the markup as text)`)
}

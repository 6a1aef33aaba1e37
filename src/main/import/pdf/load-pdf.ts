/**
 * Opens a PDF with pdfjs-dist 5.6.205 (legacy build, for Node) safely: no `eval` of font programs
 * (`isEvalSupported: false`), no font faces or system fonts, no XFA, nothing fetched but the
 * package's own standard fonts, CMaps and image decoders from node_modules. pdfjs's failures
 * become messages a historian can act on.
 */
import { dirname, join } from 'node:path'
import { MarginaliaError } from '../../../shared/result'
import { IMPORT_LIMITS } from '../../../shared/import/import-limits'

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
export type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

let pdfjs: Promise<PdfJs> | undefined

/** pdfjs, loaded on first use (an ES module; the CommonJS main imports it dynamically). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs
}

function resourceDir(name: string): string {
  return join(dirname(require.resolve('pdfjs-dist/package.json')), name) + '/'
}

/**
 * Opens `bytes` as a PDF.
 * @throws MarginaliaError('invalid-file') for a password-protected, damaged or over-long PDF.
 */
export async function openPdf(fileName: string, bytes: Uint8Array): Promise<PdfDocument> {
  const { getDocument } = await loadPdfJs()
  let doc: PdfDocument
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes), // pdfjs takes ownership of the buffer it is given
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      standardFontDataUrl: resourceDir('standard_fonts'),
      cMapUrl: resourceDir('cmaps'),
      cMapPacked: true,
      wasmUrl: resourceDir('wasm'),
      iccUrl: resourceDir('iccs'),
      verbosity: 0
    }).promise
  } catch (err) {
    const name = (err as Error)?.name
    const detail = (err as Error)?.message ?? String(err)
    if (name === 'PasswordException') {
      throw new MarginaliaError('invalid-file', `${fileName}: the PDF is encrypted with a password; Marginalia cannot read it (remove the password, e.g. by printing it to a new PDF, and import that)`)
    }
    if (name === 'InvalidPDFException') throw new MarginaliaError('invalid-file', `${fileName}: is not a readable PDF (${detail}); the file may be damaged or truncated`)
    throw new MarginaliaError('invalid-file', `${fileName}: the PDF cannot be read (${detail}); the file may be damaged or truncated`)
  }
  if (doc.numPages > IMPORT_LIMITS.pdfPages) {
    await doc.destroy()
    throw new MarginaliaError('invalid-file', `${fileName}: has ${doc.numPages} pages, more than the ${IMPORT_LIMITS.pdfPages} Marginalia imports`)
  }
  if (doc.numPages === 0) {
    await doc.destroy()
    throw new MarginaliaError('invalid-file', `${fileName}: the PDF has no pages; the file may be damaged or truncated`)
  }
  return doc
}

/** A PDF date (`D:20260401092429-00'00'`) as an ISO date (`2026-04-01`), or undefined. */
export function pdfDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value) : null
  if (!m) return undefined
  return [m[1], m[2], m[3]].filter(Boolean).join('-')
}

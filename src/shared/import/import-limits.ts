/**
 * The importers' limits as plain numbers, read from the one table in src/shared/limits.ts (units and
 * reasons are there; docs/limits.md is the prose). Limits are checked before the work they guard: a
 * file's size before it is read, a zip's declared sizes before anything is inflated (and again while
 * inflating, since a zip may lie).
 */
import { formatAmount, LIMITS } from '../limits'

export const IMPORT_LIMITS = {
  /** Bytes of one file to import. */
  documentFile: LIMITS.documentFile.max,
  /** Nesting depth of an XML or HTML document (levels). */
  xmlDepth: LIMITS.xmlDepth.max,
  /** Elements of one XML document. */
  xmlElements: LIMITS.xmlElements.max,
  /** Files inside a DOCX or EPUB (zip) archive. */
  zipEntries: LIMITS.zipEntries.max,
  /** Bytes of a zip's contents once inflated, all entries together. */
  zipUncompressedBytes: LIMITS.zipUncompressedBytes.max,
  /** Inflated ÷ compressed size of one entry over 1 MiB. */
  zipRatio: LIMITS.zipRatio.max,
  /** Pages of a PDF. */
  pdfPages: LIMITS.pdfPages.max,
  /** Pixels of one image given to OCR (width × height). */
  imagePixels: LIMITS.imagePixels.max,
  /** Milliseconds an import may go without reporting progress before it is stopped. */
  importStall: LIMITS.importStall.max,
  /** Megabytes of heap the import worker may use. */
  workerHeapMb: LIMITS.importWorkerHeap.max
} as const

/** `n` bytes as a reader expects them: `64 MiB`, `1.5 MiB`, `612 bytes`. */
export function formatBytes(n: number): string {
  return formatAmount(n, 'bytes')
}

/**
 * Every limit the importers put on a file, in one place, each with its unit. The names follow the
 * project-wide table the harden work adds (src/shared/limits.ts: documentFile, xmlDepth, zipEntries,
 * zipUncompressedBytes, pdfPages); when that lands in main these values move there.
 * Limits are checked before the work they guard: a file's size before it is read, a zip's declared
 * sizes before anything is inflated (and again while inflating, since a zip may lie).
 */
const MiB = 1024 * 1024

export const IMPORT_LIMITS = {
  /** Bytes of one file to import. Gibbon vol. 2 is 2.0 MB; a long PDF with images stays under it. */
  documentFile: 64 * MiB,
  /** Nesting depth of an XML or HTML document (levels); real TEI editions nest 12–14 deep. */
  xmlDepth: 1_000,
  /** Elements of one XML document; Beverley's edition (871 KB) has about 7,000. */
  xmlElements: 2_000_000,
  /** Files inside a DOCX or EPUB (zip) archive. */
  zipEntries: 10_000,
  /** Bytes of a zip's contents once inflated, all entries together. */
  zipUncompressedBytes: 256 * MiB,
  /** Inflated ÷ compressed size of one entry over 1 MiB: real XML is 5–20, a zip bomb 1,000 and more. */
  zipRatio: 200,
  /** Pages of a PDF. */
  pdfPages: 5_000,
  /** Pixels of one image given to OCR (width × height); an A4 page at 600 dpi is 35 million. */
  imagePixels: 80_000_000,
  /**
   * Milliseconds an import may go without reporting progress before it is stopped. Importers
   * report every page (PDF, OCR) or chapter (EPUB), so only a parser stuck on one input stalls.
   */
  importStall: 300_000,
  /** Megabytes of heap the import worker may use; a bomb that gets past the checks dies there, not the app. */
  workerHeapMb: 3_072
} as const

/** `n` bytes as a reader expects them: `64 MiB`, `1.5 MiB`, `612 bytes`. */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${+(n / MiB).toFixed(1)} MiB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`
  return `${n} bytes`
}

/** How an importer reports progress and learns it was cancelled. */
export interface ImportReporter {
  /** `done` of `total` units (pages for PDF and OCR, steps otherwise), with what is being done. */
  progress(done: number, total: number, label: string): void
  /** True once the caller cancelled; importers check it between pages. */
  cancelled(): boolean
}

/** A reporter that reports nowhere and is never cancelled. */
export const SILENT: ImportReporter = { progress: () => undefined, cancelled: () => false }

/** What the historian chose for a Node-side import (added to the pure ParseOptions). */
export interface OcrOptions {
  /** Read pages without a text layer (and images) by OCR; true when absent. */
  ocr?: boolean
  /** Tesseract language codes (`eng`, `lat`, `ell`, `fra`, `deu`); `eng` when absent. */
  ocrLanguages?: string[]
}

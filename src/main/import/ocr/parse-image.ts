/**
 * A scanned page (PNG, JPEG, or TIFF with one or more pages) read by OCR into a document: one
 * `page` block per image, paragraphs rebuilt from the recognised lines as for a PDF, words below
 * the confidence threshold kept as low-confidence spans, and each page's image kept to show beside
 * its text. Progress and cancellation are per page.
 */
import { FlowBuilder } from '../../../shared/import/flow-builder'
import type { ParsedDocument, ParsedPageImage } from '../../../shared/import/parsed-document'
import { MarginaliaError } from '../../../shared/result'
import type { ImportReporter, OcrOptions } from '../import-progress'
import { flowPages, type FlowPage } from '../pdf/pdf-flow'
import { LOW_CONFIDENCE, OCR_ENGINE, OcrEngine } from './ocr-engine'
import { ocrPage } from './ocr-page'
import { imagePages } from './page-images'

export async function parseImage(fileName: string, bytes: Uint8Array, kind: 'png' | 'jpeg' | 'tiff', opts: OcrOptions, report: ImportReporter): Promise<ParsedDocument> {
  if (opts.ocr === false) throw new MarginaliaError('invalid-argument', `${fileName}: an image has no text without OCR; import it with OCR on`)
  const rasters = await imagePages(fileName, bytes, kind)
  const engine = await OcrEngine.start(fileName, opts.ocrLanguages ?? ['eng'])
  try {
    const pages: FlowPage[] = []
    const images: ParsedPageImage[] = []
    const confidences: number[] = []
    for (const [i, raster] of rasters.entries()) {
      if (report.cancelled()) throw new MarginaliaError('cancelled', `import of ${fileName} cancelled; nothing was changed`)
      report.progress(i, rasters.length, `reading page ${i + 1} of ${rasters.length} by OCR`)
      const read = await ocrPage(engine, raster)
      pages.push({ ...read.page, label: String(i + 1), width: (raster.width * 72) / raster.dpi })
      images.push({ ...read.image, page: i })
      confidences.push(read.confidence)
    }
    report.progress(rasters.length, rasters.length, 'rebuilding paragraphs')
    const out = new FlowBuilder()
    const flow = flowPages(pages, out)
    const { text, structure } = out.finish()
    if (text.trim() === '') throw new MarginaliaError('invalid-file', `${fileName}: OCR found no text in the image`)
    return {
      title: '',
      format: 'image',
      text,
      structure,
      metadata: {
        categories: [],
        ocr: {
          engine: OCR_ENGINE,
          languages: engine.languages,
          meanConfidence: Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length),
          threshold: LOW_CONFIDENCE,
          lowConfidence: flow.lowConfidence
        }
      },
      pageImages: images
    }
  } finally {
    await engine.stop()
  }
}

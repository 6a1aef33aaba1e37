/**
 * One scanned page through OCR: its lines as a FlowPage (so paragraphs, hyphenation and running
 * heads are rebuilt as for a PDF text layer), its low-confidence words, and its display image.
 */
import type { ParsedPageImage } from '../../../shared/import/parsed-document'
import type { FlowPage } from '../pdf/pdf-flow'
import { LOW_CONFIDENCE, type OcrEngine } from './ocr-engine'
import { displayCopy, type PageRaster } from './page-images'

export interface OcrPageResult {
  page: FlowPage
  confidence: number
  image: Omit<ParsedPageImage, 'page'>
  words: number
}

export async function ocrPage(engine: OcrEngine, raster: PageRaster): Promise<OcrPageResult> {
  const result = await engine.recognise(raster.bytes, raster.dpi)
  const lowConfidence: NonNullable<FlowPage['lowConfidence']> = []
  result.lines.forEach((line, i) => {
    for (const w of line.words) if (w.confidence < LOW_CONFIDENCE) lowConfidence.push({ line: i, word: w.text, confidence: w.confidence })
  })
  const shown = await displayCopy(raster)
  return {
    page: { lines: result.lines, lowConfidence, ocr: true },
    confidence: result.confidence,
    image: { bytes: shown.bytes, ext: '.jpg', width: shown.width, height: shown.height },
    words: result.lines.reduce((n, l) => n + l.words.length, 0)
  }
}

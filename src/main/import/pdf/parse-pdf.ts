/**
 * PDF import: each page's text layer (pdfjs) is read into lines in reading order, running heads,
 * feet and page numbers are found across pages and kept out of the text, and the text is rebuilt
 * into paragraphs (pdf-flow.ts). Each page becomes a `page` block labelled with the PDF's own page
 * label when it has them, else the number printed in its head or foot, else its position.
 * A page with no text layer is rendered (300 dpi) and read by OCR when OCR is on.
 */
import { FlowBuilder } from '../../../shared/import/flow-builder'
import type { ParsedDocument, ParsedPageImage } from '../../../shared/import/parsed-document'
import { MarginaliaError } from '../../../shared/result'
import type { ImportReporter, OcrOptions } from '../import-progress'
import { OCR_ENGINE, OcrEngine, LOW_CONFIDENCE } from '../ocr/ocr-engine'
import { ocrPage } from '../ocr/ocr-page'
import { flowPages, type FlowPage } from './pdf-flow'
import { type PdfTextItem, pageLines } from './pdf-lines'
import { findRunningLines } from './pdf-running'
import { openPdf, pdfDate, type PdfDocument } from './load-pdf'

/** Resolution scanned pages are rendered at for OCR. */
const OCR_DPI = 300

async function renderPage(doc: PdfDocument, n: number): Promise<{ bytes: Buffer; width: number; height: number; dpi: number }> {
  const page = await doc.getPage(n)
  const viewport = page.getViewport({ scale: OCR_DPI / 72 })
  const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown; context: unknown } }
  const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height)) as {
    canvas: { toBuffer(mime: 'image/png'): Buffer; width: number; height: number }
    context: unknown
  }
  await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise
  page.cleanup()
  return { bytes: canvas.toBuffer('image/png'), width: canvas.width, height: canvas.height, dpi: OCR_DPI }
}

/** A usable title from the PDF's info dictionary (not a generator's placeholder). */
function infoTitle(value: unknown): string | undefined {
  const t = typeof value === 'string' ? value.trim() : ''
  return t && !/^(untitled|microsoft word - |document\d*$)/i.test(t) ? t : undefined
}

export async function parsePdf(fileName: string, bytes: Uint8Array, opts: OcrOptions, report: ImportReporter): Promise<ParsedDocument> {
  const doc = await openPdf(fileName, bytes)
  let engine: OcrEngine | undefined
  try {
    const n = doc.numPages
    const labels = await doc.getPageLabels().catch(() => null)
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>
    const pages: FlowPage[] = []
    const heights: number[] = []
    const images: ParsedPageImage[] = []
    const confidences: number[] = []
    for (let i = 1; i <= n; i++) {
      if (report.cancelled()) throw new MarginaliaError('cancelled', `import of ${fileName} cancelled; nothing was changed`)
      report.progress(i - 1, n, `reading page ${i} of ${n}`)
      const page = await doc.getPage(i)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      const lines = pageLines(content.items.filter((it): it is PdfTextItem & typeof it => 'str' in it), viewport.width, viewport.height)
      page.cleanup()
      heights.push(viewport.height)
      if (lines.length === 0 && opts.ocr !== false) {
        report.progress(i - 1, n, `reading page ${i} of ${n} by OCR`)
        engine ??= await OcrEngine.start(fileName, opts.ocrLanguages ?? ['eng'])
        const read = await ocrPage(engine, await renderPage(doc, i))
        pages.push({ ...read.page, width: viewport.width })
        confidences.push(read.confidence)
        images.push({ ...read.image, page: i - 1 })
      } else pages.push({ lines, width: viewport.width })
    }
    report.progress(n, n, 'rebuilding paragraphs')
    const { running, printed } = findRunningLines(pages.map((p, i) => ({ lines: p.lines, height: heights[i] })))
    pages.forEach((p, i) => {
      const keep = p.lines.map((_, k) => !running[i].has(k))
      const index = new Map<number, number>()
      let next = 0
      keep.forEach((kept, k) => kept && index.set(k, next++))
      p.lines = p.lines.filter((_, k) => keep[k])
      p.lowConfidence = p.lowConfidence?.filter((w) => index.has(w.line)).map((w) => ({ ...w, line: index.get(w.line)! }))
      p.label = labels?.[i]?.trim() || printed[i] || String(i + 1)
    })
    const out = new FlowBuilder()
    const flow = flowPages(pages, out)
    const { text, structure } = out.finish()
    const headings = structure.filter((b) => b.kind === 'heading')
    const firstHeading = headings[0] && [...text].slice(headings[0].start, headings[0].end).join('')
    const parsed: ParsedDocument = {
      title: infoTitle(info.Title) ?? firstHeading ?? '',
      format: 'pdf',
      text,
      structure,
      metadata: { categories: [] }
    }
    const author = typeof info.Author === 'string' && info.Author.trim()
    if (author) parsed.metadata.author = author
    const date = pdfDate(info.CreationDate)
    if (date) parsed.metadata.date = date
    if (typeof info.Language === 'string' && info.Language) parsed.metadata.language = info.Language
    if (images.length) {
      parsed.pageImages = images
      parsed.metadata.ocr = {
        engine: OCR_ENGINE,
        languages: engine?.languages ?? [],
        meanConfidence: Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length),
        threshold: LOW_CONFIDENCE,
        lowConfidence: flow.lowConfidence
      }
    }
    return parsed
  } finally {
    await engine?.stop()
    await doc.destroy()
  }
}

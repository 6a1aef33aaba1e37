/**
 * Words OCR was unsure of (`metadata.ocr.lowConfidence`: code point spans of the text with
 * tesseract's confidence), marked in the document view with a wavy underline so the historian
 * checks them against the page image. Drawn with the CSS Custom Highlight API as one highlight
 * (`ocr-unsure`) registered once per document: it never changes afterwards, so the whole-document
 * restyle a change of a registered highlight costs in Chromium (the reason annotations are painted
 * as boxes) is paid once, when the document opens. Without the API (old engines) nothing is marked.
 */
import type { DocumentWithText } from '../../shared/model'
import type { TextMap } from './text-map'

/** Name of the highlight, styled by the document view (`::highlight(ocr-unsure)`). */
export const OCR_UNSURE = 'ocr-unsure'

interface HighlightRegistryLike {
  set(name: string, value: unknown): void
  delete(name: string): void
}

/** The page's highlight registry, when the engine has one. */
function registry(): HighlightRegistryLike | undefined {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistryLike } }).CSS
  return css?.highlights && typeof (globalThis as { Highlight?: unknown }).Highlight === 'function' ? css.highlights : undefined
}

/**
 * Marks `doc`'s low-confidence OCR words over the text laid out in `map`.
 * @returns a function removing the marks (call it when the text goes), and how many words were marked
 */
export function markLowConfidence(doc: DocumentWithText, map: TextMap): { count: number; dispose: () => void } {
  const spans = doc.metadata.ocr?.lowConfidence ?? []
  const reg = registry()
  if (!spans.length || !reg) return { count: 0, dispose: () => undefined }
  const ranges = spans.map((s) => map.toStaticRange(s.start, s.end)).filter((r): r is StaticRange => !!r)
  const HighlightCtor = (globalThis as unknown as { Highlight: new (...r: AbstractRange[]) => unknown }).Highlight
  reg.set(OCR_UNSURE, new HighlightCtor(...ranges))
  return { count: ranges.length, dispose: () => reg.delete(OCR_UNSURE) }
}

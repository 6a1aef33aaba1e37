/**
 * Rebuilds a PDF's text from its lines (running heads and feet already removed), page by page,
 * into a FlowBuilder:
 * - a paragraph ends at a wider vertical gap than the usual line spacing, after a short line (one
 *   the next line's first word would have fitted on: this works for ragged-right text too), or
 *   before a line whose left edge differs from
 *   the body's (a first-line indent, or a hanging indent's first line); otherwise a paragraph
 *   runs on across a page break (the page milestone then starts inside it);
 * - a line ending in a hyphen after a letter, followed by a line starting with a lower-case
 *   letter, is joined without the hyphen ("his-⏎tory" → "history"); before an upper-case letter
 *   or a digit the hyphen is kept and the words are joined ("Anglo-⏎Saxon"). The cost: a real
 *   compound broken at its hyphen before a lower-case word ("well-⏎known") loses the hyphen;
 * - lines clearly larger than the body text are headings; lines smaller than the body text at
 *   the foot of a page are notes, a new note starting at a line that opens with a number or mark;
 *   notes follow the paragraph they interrupt, so a paragraph running over a page break stays whole.
 */
import type { FlowBuilder } from '../../../shared/import/flow-builder'
import type { PdfLine } from './pdf-lines'

export interface FlowPage {
  lines: PdfLine[]
  /** The page's label (printed or from the PDF), or undefined. */
  label?: string
  /** Page width, in the lines' units (points); lets a page of few lines guess its right margin. */
  width?: number
  /** Spans of OCR words below the confidence threshold, by line index and word text. */
  lowConfidence?: { line: number; word: string; confidence: number }[]
  /**
   * True for a page read by OCR: its line heights are noisy (a smudge makes a line taller), so
   * foot-of-page notes are not told apart by size and headings need a larger step.
   */
  ocr?: boolean
}

const median = (xs: number[]) => {
  if (!xs.length) return 0
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** The most common value after rounding to `step`, weighted. */
function mode(values: { v: number; w: number }[], step: number): number {
  const counts = new Map<number, number>()
  for (const { v, w } of values) counts.set(Math.round(v / step) * step, (counts.get(Math.round(v / step) * step) ?? 0) + w)
  let best = 0
  let bestCount = -1
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c]
  return best
}

/**
 * A line ending in a hyphen after a letter or digit. U+2011 counts: some TeX-made PDFs (xdvipdfmx)
 * map every hyphen, line-break ones included, to it.
 */
const HYPHEN_END = /[\p{L}\p{N}][-\u2010\u2011\u00ad]$/u
const NOTE_START = /^(\d{1,3}|[*†‡§])[\s.)]/u

type Kind = 'paragraph' | 'heading' | 'note'

export interface FlowStats {
  /** Low-confidence OCR words found, with their code-point spans. */
  lowConfidence: { start: number; end: number; confidence: number }[]
}

/** Writes `pages` into `out`; returns where low-confidence OCR words landed. */
export function flowPages(pages: FlowPage[], out: FlowBuilder): FlowStats {
  const all = pages.flatMap((p) => p.lines)
  const bodySize = mode(all.map((l) => ({ v: l.size, w: l.text.length })), 0.5) || 10
  const spacing = median(
    pages.flatMap((p) => p.lines.slice(1).map((l, i) => l.y - p.lines[i].y).filter((d, i) => d > 0 && Math.abs(p.lines[i + 1].size - bodySize) < 0.6 && d < bodySize * 3))
  ) || bodySize * 1.2
  const headingSizes = [...new Set(all.filter((l) => l.size > bodySize * 1.15).map((l) => Math.round(l.size)))].sort((a, b) => b - a)
  const stats: FlowStats = { lowConfidence: [] }
  let current: Kind | undefined
  let prev: PdfLine | undefined
  let glue = false
  /** Foot-of-page notes waiting for the paragraph they interrupt to end (so it is not cut in two). */
  let pendingNotes: { page: FlowPage; from: number }[] = []

  const flushNotes = () => {
    for (const { page, from } of pendingNotes) {
      page.lines.slice(from).forEach((line, k) => {
        if (current !== 'note' || NOTE_START.test(line.text)) open('note')
        else out.space()
        emitLine(out, line.text, page.lowConfidence?.filter((w) => w.line === from + k), stats)
      })
    }
    pendingNotes = []
  }
  function open(kind: Kind, level?: number): void {
    if (current) out.endBlock()
    current = undefined
    // Notes held back until this paragraph ended go out first (each opens its own note block).
    if (kind !== 'note' && pendingNotes.length) flushNotes()
    if (current) out.endBlock()
    out.startBlock(kind, level ? { level } : {})
    current = kind
    glue = false
  }

  const contexts = pages.map((page) => {
    // Each line's column: the body lines of the same column (all of them on a one-column page).
    const body = page.lines.filter((l) => Math.abs(l.size - bodySize) < 0.6)
    const column = (line: PdfLine) => {
      const same = body.filter((l) => l.column === line.column)
      const left = mode(same.map((l) => ({ v: l.x, w: 1 })), 2)
      // Too few lines to show the measure: take the right margin to mirror the left one.
      const mirrored = line.column === undefined && same.length < 5 && page.width ? page.width - left : 0
      return { left, right: Math.max(line.right, mirrored, ...same.map((l) => l.right)) }
    }
    // Notes: the run of small lines at the foot of the page.
    let noteFrom = page.lines.length
    while (!page.ocr && noteFrom > 0 && page.lines[noteFrom - 1].size < bodySize * 0.9) noteFrom--
    if (noteFrom === 0) noteFrom = page.lines.length
    return { column, noteFrom }
  })

  /** Whether body `line` (index `i` on its page) starts a new block after `prev`. */
  const isHeading = (line: PdfLine, page: FlowPage) => line.size > bodySize * (page.ocr ? 1.4 : 1.15)
  const startsBlock = (line: PdfLine, i: number, page: FlowPage, ctx: (typeof contexts)[number]): boolean => {
    const kind: Kind = isHeading(line, page) ? 'heading' : 'paragraph'
    if (current !== kind || !prev) return true
    if (kind === 'heading') return Math.abs(prev.size - line.size) > 0.5 || line.y - prev.y > spacing * 2
    const samePage = i > 0
    // The line above ended early if this line's first word would have fitted on it.
    const perChar = (prev.right - prev.x) / Math.max(1, [...prev.text].length)
    const firstWord = [...(line.text.split(' ')[0] ?? '')].length
    const short = prev.right + (firstWord + 1) * perChar < ctx.column(prev).right - 0.5 * bodySize && !HYPHEN_END.test(prev.text)
    const left = ctx.column(line).left
    const indented = Math.abs(line.x - left) > 0.8 * bodySize && left > 0
    // After a column change (line above and to the right) the gap says nothing; a sentence
    // ending at the foot of a column ends its paragraph there.
    if (samePage && line.y < prev.y) return short || indented || /[.!?:]["”’)]?$/.test(prev.text)
    return (samePage ? line.y - prev.y > spacing * 1.45 : false) || short || indented
  }

  pages.forEach((page, p) => {
    out.milestone('page', page.label)
    const ctx = contexts[p]
    const body = page.lines.slice(0, ctx.noteFrom)
    body.forEach((line, i) => {
      const heading = isHeading(line, page)
      if (startsBlock(line, i, page, ctx)) open(heading ? 'heading' : 'paragraph', heading ? Math.min(6, 2 + Math.max(0, headingSizes.indexOf(Math.round(line.size)))) : undefined)
      else if (!glue) out.space()
      const next = body[i + 1] ?? pages[p + 1]?.lines[0]
      let text = line.text
      glue = false
      if (HYPHEN_END.test(text) && next && !heading) {
        if (/\p{L}.$/u.test(text) && /^\p{Ll}/u.test(next.text)) text = text.slice(0, -1)
        glue = /^[\p{L}\p{N}]/u.test(next.text)
      }
      emitLine(out, text, page.lowConfidence?.filter((w) => w.line === i), stats)
      prev = line
    })
    if (ctx.noteFrom < page.lines.length) pendingNotes.push({ page, from: ctx.noteFrom })
    // Notes go out now unless the paragraph runs on to the next page (then after it ends).
    const nextFirst = pages[p + 1]?.lines[0]
    if (pendingNotes.length && !(nextFirst && contexts[p + 1].noteFrom > 0 && !startsBlock(nextFirst, 0, pages[p + 1], contexts[p + 1]))) {
      if (current) out.endBlock()
      current = undefined
      flushNotes()
    }
  })
  if (current) out.endBlock()
  current = undefined
  flushNotes()
  if (current) out.endBlock()
  return stats
}

/** Adds a line's text, opening spans over its low-confidence words. */
function emitLine(out: FlowBuilder, text: string, low: FlowPage['lowConfidence'], stats: FlowStats): void {
  if (!low?.length) return out.inline(text)
  let rest = text
  for (const w of low) {
    const at = rest.indexOf(w.word)
    if (at < 0) continue
    if (at > 0) out.inline(rest.slice(0, at))
    const span = out.open(w.confidence)
    out.inline(w.word)
    const done = out.close(span)
    if (done) stats.lowConfidence.push({ start: done.start, end: done.end, confidence: w.confidence })
    rest = rest.slice(at + w.word.length)
  }
  if (rest) out.inline(rest)
}

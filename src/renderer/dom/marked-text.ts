/**
 * Renders a stretch of text as spans, each holding one text node and its code point offset
 * (`data-start`), with some spans marked (claim, candidate passage, matched terms). Selections
 * inside it map back to code point offsets of the whole document with `selectionOffsets`.
 */
import { html, type TemplateResult } from 'lit'
import { codePointLength, type CodePointIndex } from '../../shared/text/code-points'

/** A span to mark; offsets in code points of the document. */
export interface Mark {
  start: number
  end: number
  cls: string
}

/** Text [from, to) cut at every mark boundary; each piece carries the classes of the marks covering it. */
export function markedText(text: CodePointIndex, from: number, to: number, marks: Mark[]): TemplateResult {
  const cuts = new Set<number>([from, to])
  for (const m of marks) {
    if (m.end <= from || m.start >= to) continue
    cuts.add(Math.max(from, m.start))
    cuts.add(Math.min(to, m.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const pieces: TemplateResult[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]
    const b = points[i + 1]
    const cls = marks.filter((m) => m.start <= a && m.end >= b).map((m) => m.cls).join(' ')
    pieces.push(html`<span class=${cls} data-start=${a}>${text.slice(a, b)}</span>`)
  }
  return html`${pieces}`
}

/** Code point offset of a DOM position inside a markedText rendering, or undefined. */
function offsetOf(node: Node, offset: number): number | undefined {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element)
  const span = el?.closest<HTMLElement>('[data-start]')
  if (!span) return undefined
  const start = Number(span.dataset.start)
  if (node.nodeType !== Node.TEXT_NODE) return start
  return start + codePointLength((node.textContent ?? '').slice(0, offset))
}

/** The current selection inside `root` as code points [start, end), or undefined. */
export function selectionOffsets(root: ShadowRoot | Document, container: HTMLElement): { start: number; end: number } | undefined {
  const sel = (root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.() ?? document.getSelection()
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined
  const range = sel.getRangeAt(0)
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return undefined
  const a = offsetOf(range.startContainer, range.startOffset)
  const b = offsetOf(range.endContainer, range.endOffset)
  if (a === undefined || b === undefined || a === b) return undefined
  return { start: Math.min(a, b), end: Math.max(a, b) }
}

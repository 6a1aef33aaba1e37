/**
 * An HTML (or XHTML) tree, already parsed into plain data (markup-tree.ts) by a DOM that runs
 * nothing, into a FlowBuilder: headings, paragraphs, list items, block quotes, table rows and
 * preformatted text become blocks; emphasis, strong, code, links (http, https, mailto only) and
 * footnote references become marks; footnotes and endnotes (Wikipedia's reference list, Word's
 * footnotes and endnotes through mammoth, EPUB `epub:type="footnote"`, `role="doc-footnote"`)
 * become note blocks. Scripts, styles, forms, embedded objects, SVG and MathML are not text and
 * are dropped with their content; attributes other than `href` are never read.
 */
import type { BlockKind } from '../model'
import type { FlowBuilder } from './flow-builder'
import type { MarkupElement, MarkupNode } from './markup-tree'

const DROPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg',
  'math', 'canvas', 'head', 'title', 'meta', 'link', 'base', 'button', 'input', 'select', 'textarea', 'option',
  'audio', 'video', 'source', 'track', 'map', 'area', 'dialog', 'nav', 'form'
])
const PARAGRAPH = new Set(['p', 'dt', 'dd', 'figcaption', 'caption', 'address', 'summary', 'tr'])
const HEADING = /^h([1-6])$/
const SAFE_LINK = /^(https?:|mailto:)/i
/** Ids of footnote bodies: Wikipedia `cite_note-…`, mammoth `footnote-1` / `endnote-1`, Pandoc `fn1`. */
const NOTE_ID = /^(cite_note|footnote|endnote|fn)([-_:]\S*|\d+)$/i
/** Links to a footnote body (the reference in the text) and back from it (to skip). */
const NOTE_REF = /^#(cite_note|footnote|endnote|fn)[-_]?/i
const BACK_REF = /^#(cite_ref|footnote-ref|endnote-ref|fnref)/i

function isNote(el: MarkupElement): boolean {
  const type = `${el.attrs['epub:type'] ?? ''} ${el.attrs.role ?? ''}`
  return /(^|\s)(doc-)?(foot|end|rear)note(\s|$)/i.test(type) || (el.name === 'li' && NOTE_ID.test(el.attrs.id ?? ''))
}

export class HtmlWalker {
  /** Text of the first `h1`, when it opened the document. */
  title: string | undefined
  private first = true
  private noteCount = 0
  /** Depth of note bodies being walked. */
  private inNote = 0
  /** True once the current note has a paragraph of its own (the next one starts on a new line). */
  private noteHasText = false
  /** Cells met so far in the current table row. */
  private cells = 0

  constructor(private readonly out: FlowBuilder) {}

  walk(node: MarkupNode): void {
    if (node.type === 'text') return this.out.inline(node.value)
    const el = node
    if (DROPPED.has(el.name) || el.attrs.hidden !== undefined || el.attrs['aria-hidden'] === 'true') return
    if (isNote(el)) return this.note(el)
    const h = HEADING.exec(el.name)
    // Inside a note, paragraphs and items are lines of the one note block.
    if (this.inNote && (h || PARAGRAPH.has(el.name) || el.name === 'li')) {
      if (this.noteHasText) this.out.lineBreak()
      this.children(el)
      this.noteHasText = true
      return
    }
    if (h) return this.block(el, this.first && h[1] === '1' ? 'title' : 'heading', +h[1])
    if (PARAGRAPH.has(el.name)) return this.block(el, 'paragraph')
    switch (el.name) {
      case 'li':
        return this.block(el, 'list-item')
      case 'pre': {
        this.out.startBlock('paragraph')
        const span = this.out.openMark({ kind: 'code' })
        this.out.verbatim(textContent(el).replace(/\n$/, ''))
        this.out.closeMark(span)
        this.out.endBlock()
        this.first = false
        return
      }
      case 'br':
        return this.out.lineBreak()
      case 'td':
      case 'th':
        if (this.cells++ > 0) this.out.inline(' | ')
        return this.children(el)
      case 'img':
        if (el.attrs.alt?.trim()) this.out.inline(` ${el.attrs.alt.trim()} `)
        return
      case 'em':
      case 'i':
      case 'cite':
      case 'dfn':
        return this.mark(el, { kind: 'emphasis' })
      case 'strong':
      case 'b':
        return this.mark(el, { kind: 'strong' })
      case 'code':
      case 'kbd':
      case 'samp':
        return this.mark(el, { kind: 'code' })
      case 'a':
        return this.link(el)
    }
    this.children(el)
  }

  private children(el: MarkupElement): void {
    for (const c of el.children) this.walk(c)
  }

  private block(el: MarkupElement, kind: BlockKind, level?: number): void {
    const start = this.out.position
    if (el.name === 'tr') this.cells = 0
    this.out.startBlock(kind, level ? { level } : {})
    this.children(el)
    this.out.endBlock()
    if (kind === 'title' && this.title === undefined) this.title = textContent(el).replace(/\s+/g, ' ').trim()
    if (this.out.position > start) this.first = false
  }

  private mark(el: MarkupElement, mark: Parameters<FlowBuilder['openMark']>[0]): void {
    const span = this.out.openMark(mark)
    this.children(el)
    this.out.closeMark(span)
  }

  private link(el: MarkupElement): void {
    const href = (el.attrs.href ?? '').trim()
    if (BACK_REF.test(href)) return // the "↑" back to the text from a footnote
    if (NOTE_REF.test(href) || /(^|\s)(doc-)?noteref(\s|$)/i.test(`${el.attrs['epub:type'] ?? ''} ${el.attrs.role ?? ''}`)) {
      const label = textContent(el).replace(/[\s[\]]/g, '') || String(this.noteCount + 1)
      return this.mark(el, { kind: 'note-ref', label })
    }
    return SAFE_LINK.test(href) ? this.mark(el, { kind: 'link', href }) : this.children(el)
  }

  private note(el: MarkupElement): void {
    const label = String(++this.noteCount)
    this.out.startBlock('note', { label })
    this.out.inline(`[${label}] `)
    this.inNote++
    this.noteHasText = false
    this.children(el)
    this.inNote--
    this.out.endBlock()
  }
}

/** All text under a node, as is. */
export function textContent(node: MarkupNode): string {
  if (node.type === 'text') return node.value
  if (DROPPED.has(node.name)) return ''
  return node.children.map(textContent).join('')
}

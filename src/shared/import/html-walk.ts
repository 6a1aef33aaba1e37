/**
 * An HTML (or XHTML) tree, already parsed into plain data (markup-tree.ts) by a DOM that runs
 * nothing, into a FlowBuilder: headings, paragraphs, list items, block quotes, table rows and
 * preformatted text become blocks; emphasis, strong, code, links (http, https, mailto only) and
 * footnote references become marks; footnotes and endnotes (Wikipedia's reference list, Word's
 * footnotes and endnotes through mammoth, EPUB `epub:type="footnote"`, `role="doc-footnote"`)
 * become note blocks. Scripts, styles, forms, embedded objects, SVG and MathML are not text and
 * are dropped with their content. Attributes read: `href`, and the semantics a book's markup
 * declares (`epub:type`, `role`: notes, note references, page breaks, whose `title` / `aria-label`
 * gives the printed page number); `hidden` / `aria-hidden` content is skipped.
 * Printed page breaks (`epub:type="pagebreak"`, `role="doc-pagebreak"`) become `page` milestones.
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

/**
 * How headings become blocks: the level of an `h1`…`h6` (its rank), the label (division number as
 * printed) of a heading from its text, and whether an `h1` opening the document is its title.
 * An EPUB sets this per chapter, so chapters are divisions of one level whatever their markup.
 */
export interface HeadingPolicy {
  level(rank: number): number
  label(text: string): string | undefined
  title: boolean
}

/** HTML's own: the rank is the level, no labels, an opening `h1` is the title. */
export const PLAIN_HEADINGS: HeadingPolicy = { level: (rank) => rank, label: () => undefined, title: true }

function isPageBreak(el: MarkupElement): boolean {
  return /(^|\s)(doc-)?pagebreak(\s|$)/i.test(`${el.attrs['epub:type'] ?? ''} ${el.attrs.role ?? ''}`)
}

function isNote(el: MarkupElement): boolean {
  const type = `${el.attrs['epub:type'] ?? ''} ${el.attrs.role ?? ''}`
  return /(^|\s)(doc-)?(foot|end|rear)note(\s|$)/i.test(type) || (el.name === 'li' && NOTE_ID.test(el.attrs.id ?? ''))
}

export class HtmlWalker {
  /** Text of the first `h1`, when it opened the document. */
  title: string | undefined
  /** How headings become blocks (EPUB chapters change it per chapter). */
  headings: HeadingPolicy = PLAIN_HEADINGS
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
    if (isPageBreak(el)) return this.pageBreak(el)
    const h = HEADING.exec(el.name)
    // Inside a note, paragraphs and items are lines of the one note block.
    if (this.inNote && (h || PARAGRAPH.has(el.name) || el.name === 'li')) {
      if (this.noteHasText) this.out.lineBreak()
      this.children(el)
      this.noteHasText = true
      return
    }
    if (h) return this.heading(el, +h[1])
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

  private block(el: MarkupElement, kind: BlockKind, level?: number, label?: string): void {
    const start = this.out.position
    if (el.name === 'tr') this.cells = 0
    this.out.startBlock(kind, { ...(level ? { level } : {}), ...(label ? { label } : {}) })
    this.children(el)
    this.out.endBlock()
    if (kind === 'title' && this.title === undefined) this.title = textContent(el).replace(/\s+/g, ' ').trim()
    if (this.out.position > start) this.first = false
  }

  private heading(el: MarkupElement, rank: number): void {
    if (this.headings.title && this.first && rank === 1) return this.block(el, 'title', 1)
    const label = this.headings.label(textContent(el).replace(/\s+/g, ' ').trim())
    this.block(el, 'heading', Math.min(6, Math.max(1, this.headings.level(rank))), label)
  }

  /**
   * A printed page's start: its number from `title` or `aria-label`, else the element's text
   * (`<span epub:type="pagebreak">212</span>`, not text of the book). Other content inside it is
   * text: a self-closed `<span … />` read as HTML holds what follows it. No space is added: a page
   * may break inside a word.
   */
  private pageBreak(el: MarkupElement): void {
    const own = textContent(el).replace(/\s+/g, ' ').trim()
    const label = (el.attrs.title ?? el.attrs['aria-label'] ?? own).replace(/^\s*(page|p\.)\s*/i, '').trim()
    this.out.milestone('page', label || undefined)
    if (own && own !== label && own !== el.attrs.title?.trim() && own !== el.attrs['aria-label']?.trim()) this.children(el)
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

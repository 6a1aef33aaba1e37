/**
 * Walks a TEI `<text>` (front, body, back, group) into a FlowBuilder:
 * - `head` → heading (level from the `div` depth, label from the div's `@n`), `titlePart` → title,
 *   `p`, `ab` and their kin → paragraph, `item` → list item, table `row` → paragraph (cells
 *   separated by ` | `), `lg` → line group with each `l` a `line` milestone (label `@n`);
 * - `pb` → a `page` milestone labelled by `@n`; `lb` → a line break (a `line` milestone when it
 *   has `@n`); both separate words unless `@break="no"`; `milestone unit="p"` → a paragraph break;
 * - `note` → a note block placed after the block it is anchored in (never inline prose), with a
 *   note-reference mark at the anchor when the note has a printed `@n`;
 * - `hi` (italic, bold) → emphasis and strong marks; `ref`/`ptr` to http(s) → link marks;
 * - name and date markup → pre-annotations (MentionCollector).
 * Apparatus and choice follow tei-reading.ts; forme work, deletions and registers are not text.
 */
import type { BlockKind } from '../../model'
import type { FlowBuilder } from '../flow-builder'
import type { MarkupElement, MarkupNode } from '../markup-tree'
import { type MentionCollector, mentionType } from './tei-mentions'
import { NOT_TEXT, readableChildren } from './tei-reading'

const PARAGRAPHS = new Set([
  'p', 'ab', 'opener', 'closer', 'salute', 'signed', 'byline', 'docAuthor', 'docImprint', 'docDate', 'dateline',
  'trailer', 'speaker', 'stage', 'postscript', 'imprimatur', 'docEdition'
])
const DIVS = /^div[1-7]?$/
const LINK = /^(https?:|mailto:)/i

interface Pending {
  note: MarkupElement
  label?: string
}

export class TeiWalker {
  private depth = 1
  private notes: Pending[] = []
  private blockDepth = 0
  /** The printed number (`@n`) of the division each `head` heads. */
  private readonly headLabels = new Map<MarkupElement, string>()
  /** Cells met so far in the current table row. */
  private cellsInRow = 0

  constructor(private readonly out: FlowBuilder, private readonly mentions: MentionCollector) {}

  walk(node: MarkupNode): void {
    if (node.type === 'text') return this.out.inline(node.value)
    const el = node
    if (NOT_TEXT.has(el.name)) return
    switch (el.name) {
      case 'pb':
        if (el.attrs.break !== 'no') this.out.softBoundary()
        return this.out.milestone('page', el.attrs.n?.trim() || undefined)
      case 'lb':
        if (el.attrs.break !== 'no') this.out.lineBreak()
        if (el.attrs.n) this.out.milestone('line', el.attrs.n.trim())
        return
      case 'cb':
      case 'gap':
      case 'anchor':
        return
      case 'milestone':
        if (/(^|:)p$|paragraph/i.test(el.attrs.unit ?? '')) this.out.breakBlock()
        return
      case 'note':
        return this.note(el)
      case 'head':
        return this.block(el, 'heading', { level: Math.min(6, this.depth + 1) })
      case 'titlePart':
        return this.block(el, 'title', { level: 1 })
      case 'item':
        return this.block(el, 'list-item')
      case 'row':
        return this.block(el, 'paragraph')
      case 'cell':
        if (this.cellsInRow++ > 0) this.out.inline(' | ')
        return this.children(el)
      case 'lg':
        return this.lineGroup(el)
      case 'l':
        return this.verseLine(el)
      case 'hi':
        return this.mark(el, /bold|strong/i.test(el.attrs.rend ?? '') ? 'strong' : 'emphasis')
      case 'emph':
      case 'foreign':
      case 'title':
        return this.mark(el, 'emphasis')
      case 'ref':
      case 'ptr':
        return LINK.test(el.attrs.target ?? '') ? this.mark(el, 'link', el.attrs.target.trim()) : this.children(el)
    }
    if (DIVS.test(el.name)) {
      this.depth++
      const head = el.children.find((c): c is MarkupElement => c.type === 'element' && c.name === 'head')
      const n = el.attrs.n?.trim()
      if (head && n && n.length <= 20) this.headLabels.set(head, n)
      this.children(el)
      this.depth--
      return
    }
    if (PARAGRAPHS.has(el.name)) return this.block(el, 'paragraph')
    const type = mentionType(el)
    if (type) return this.mention(el, type)
    this.children(el)
  }

  private children(el: MarkupElement): void {
    for (const c of readableChildren(el)) this.walk(c)
  }

  private block(el: MarkupElement, kind: BlockKind, opts: { level?: number } = {}): void {
    const label = kind === 'heading' ? this.headLabels.get(el) : undefined
    this.out.startBlock(kind, { ...opts, label })
    if (el.name === 'row') this.cellsInRow = 0
    this.blockDepth++
    this.children(el)
    this.blockDepth--
    this.out.endLine()
    this.out.endBlock()
    if (this.blockDepth === 0) this.flushNotes()
  }

  private lineGroup(el: MarkupElement): void {
    this.out.startBlock('line-group')
    this.blockDepth++
    let first = true
    for (const c of readableChildren(el)) {
      if (c.type === 'element' && c.name === 'l') {
        if (!first) this.out.lineBreak()
        first = false
        this.verseLine(c)
      } else if (c.type === 'element' && c.name === 'head') {
        this.block(c, 'heading', { level: Math.min(6, this.depth + 1) })
      } else this.walk(c)
    }
    this.blockDepth--
    this.out.endBlock()
    if (this.blockDepth === 0) this.flushNotes()
  }

  private verseLine(el: MarkupElement): void {
    this.out.milestone('line', el.attrs.n?.trim() || undefined)
    this.children(el)
    this.out.endLine()
  }

  private mark(el: MarkupElement, kind: 'emphasis' | 'strong' | 'link', href?: string): void {
    const span = this.out.openMark(href ? { kind, href } : { kind })
    this.children(el)
    this.out.closeMark(span)
  }

  private mention(el: MarkupElement, type: NonNullable<ReturnType<typeof mentionType>>): void {
    // A name is a word even when the encoder glued it to the words around it (`le dit<persName>conte</persName>ne`).
    this.out.softBoundary()
    const span = this.out.open(el)
    this.children(el)
    const done = this.out.close(span)
    this.out.softBoundary()
    if (done) this.mentions.add(el, type, done.start, done.end)
  }

  private note(el: MarkupElement): void {
    const label = el.attrs.n?.trim() || undefined
    if (label) {
      const span = this.out.openMark({ kind: 'note-ref', label })
      this.out.inline(`[${label}]`)
      this.out.closeMark(span)
    }
    if (this.blockDepth === 0) {
      this.notes.push({ note: el, label })
      this.flushNotes()
    } else this.notes.push({ note: el, label })
  }

  private flushNotes(): void {
    const notes = this.notes
    this.notes = []
    for (const { note, label } of notes) {
      this.out.startBlock('note', { label })
      this.blockDepth++
      if (label) this.out.inline(`[${label}] `)
      this.children(note)
      this.blockDepth--
      this.out.endBlock()
    }
    if (this.notes.length) this.flushNotes()
  }
}

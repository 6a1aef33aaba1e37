/**
 * Builds a normalised text from marked-up content (TEI, HTML, DOCX, EPUB, Markdown) while recording
 * its structure, all in code points of the text being built:
 * - blocks tile the text in reading order (a block opened inside another closes the outer one,
 *   which resumes afterwards as a new block of the same kind), separated by a blank line
 *   (list items and verse lines by a line break);
 * - milestones (`page`, `line`) start where they are met and end where the next of their kind
 *   starts (or their container ends);
 * - marks (emphasis, links, note references, and the callers' own spans such as TEI names) cover
 *   the text added between open and close.
 * White space in inline content collapses to one space, as in HTML and TEI; leading and trailing
 * space of a block is dropped; a space before `,` `.` `)` `]` that came only from markup
 * indentation is dropped too (critical editions put punctuation in its own element).
 */
import type { Block, BlockKind, InlineMark } from '../model'

/** A span opened with `open()`; `start`/`end` in code points, unset until text arrives. */
export interface OpenSpan<T> {
  data: T
  start?: number
  end?: number
}

interface OpenBlock {
  kind: BlockKind
  level?: number
  label?: string
  start?: number
}

const TIGHT: ReadonlySet<BlockKind> = new Set(['list-item'])

export class FlowBuilder {
  private readonly parts: string[] = []
  /** Code points so far. */
  private length = 0
  private pendingSpace = false
  private softSpace = false
  private readonly stack: OpenBlock[] = []
  private lastBlockKind: BlockKind | undefined
  private readonly waiting: OpenSpan<unknown>[] = []
  readonly blocks: Block[] = []
  readonly marks: InlineMark[] = []
  private readonly milestones: { kind: 'page' | 'line'; at: number; label?: string; until?: number }[] = []

  /** The text built so far. */
  get text(): string {
    return this.parts.join('')
  }

  /** Current length in code points. */
  get position(): number {
    return this.length
  }

  /** Opens a block; an open block of text closes first and resumes after this one ends. */
  startBlock(kind: BlockKind, opts: { level?: number; label?: string } = {}): void {
    const current = this.stack.at(-1)
    if (current && current.start !== undefined) this.recordBlock(current)
    if (current) current.start = undefined
    this.stack.push({ kind, level: opts.level, label: opts.label })
    this.pendingSpace = false
  }

  /** Closes the innermost block. */
  endBlock(): void {
    const b = this.stack.pop()
    if (b && b.start !== undefined) this.recordBlock(b)
    this.pendingSpace = false
  }

  /** Ends the current block here and goes on with a new block of the same kind (TEI `milestone unit="p"`). */
  breakBlock(): void {
    const b = this.stack.at(-1)
    if (b && b.start !== undefined) {
      this.recordBlock(b)
      b.start = undefined
    }
    this.pendingSpace = false
  }

  /** True when a block is open. */
  get inBlock(): boolean {
    return this.stack.length > 0
  }

  private recordBlock(b: OpenBlock): void {
    const block: Block = { kind: b.kind, start: b.start!, end: this.length }
    if (b.level !== undefined) block.level = b.level
    if (b.label) block.label = b.label
    if (block.end > block.start) this.blocks.push(block)
    this.lastBlockKind = b.kind
  }

  /** Adds inline text; white space collapses. Text outside any block opens a paragraph. */
  inline(raw: string): void {
    const words = raw.split(/[ \t\n\r\f\v\u00a0]+/)
    const leading = words[0] === ''
    const trailing = words.length > 1 && words.at(-1) === ''
    const content = words.filter((w) => w !== '').join(' ')
    if (leading) this.pendingSpace = true
    if (content && this.softSpace && /^[\p{L}\p{N}]/u.test(content)) this.pendingSpace = true
    if (content) {
      if (this.pendingSpace && /^[,.)\]]/.test(content) && !content.startsWith('..')) this.pendingSpace = false
      this.emit(content)
    }
    if (trailing && content) this.pendingSpace = true
  }

  /** Adds text exactly as given (code, preformatted lines). */
  verbatim(text: string): void {
    this.pendingSpace = false
    this.emit(text, true)
  }

  /** A line break inside the current block (TEI `lb`, HTML `br`). */
  lineBreak(): void {
    if (this.stack.at(-1)?.start === undefined) return
    this.pendingSpace = false
    this.emit('\n', true)
  }

  /** Inserts a word boundary: the next text starts after a space unless at a block start. */
  space(): void {
    this.pendingSpace = true
  }

  /**
   * Marks a word boundary that markup implies but does not spell (a name element glued to the word
   * before or after it, a page break between words): the next text gets a space when both sides
   * of the boundary are letters or digits.
   */
  softBoundary(): void {
    const last = this.parts.at(-1)
    this.softSpace = !!last && /[\p{L}\p{N}]$/u.test(last)
  }

  private emit(content: string, raw = false): void {
    if (this.stack.length === 0) this.stack.push({ kind: 'paragraph' })
    const block = this.stack.at(-1)!
    if (block.start === undefined) {
      if (this.length > 0) {
        this.push(TIGHT.has(block.kind) && this.lastBlockKind === block.kind ? '\n' : '\n\n')
      }
      block.start = this.length
      this.pendingSpace = false
      if (!raw) content = content.replace(/^ +/, '')
    } else if (this.pendingSpace && !this.parts.at(-1)?.endsWith('\n')) {
      this.push(' ')
    }
    this.pendingSpace = false
    this.softSpace = false
    for (const span of this.waiting) span.start = this.length
    this.waiting.length = 0
    this.push(content)
  }

  private push(s: string): void {
    this.parts.push(s)
    this.length += [...s].length
  }

  /** Opens a span over the text added until `close(span)`. */
  open<T>(data: T): OpenSpan<T> {
    const span: OpenSpan<T> = { data }
    this.waiting.push(span)
    return span
  }

  /** Closes a span; returns it with `start`/`end` set, or undefined when it covered no text. */
  close<T>(span: OpenSpan<T>): (OpenSpan<T> & { start: number; end: number }) | undefined {
    const i = this.waiting.indexOf(span)
    if (i >= 0) this.waiting.splice(i, 1)
    if (span.start === undefined || this.length <= span.start) return undefined
    span.end = this.length
    return span as OpenSpan<T> & { start: number; end: number }
  }

  /** Opens an inline mark (emphasis, link, note reference); close it with `closeMark`. */
  openMark(mark: Omit<InlineMark, 'start' | 'end'>): OpenSpan<Omit<InlineMark, 'start' | 'end'>> {
    return this.open(mark)
  }

  closeMark(span: OpenSpan<Omit<InlineMark, 'start' | 'end'>>): void {
    const done = this.close(span)
    if (done) this.marks.push({ ...done.data, start: done.start, end: done.end })
  }

  /** Starts a page or line milestone at the next character added. */
  milestone(kind: 'page' | 'line', label?: string): void {
    const pending = this.milestones.filter((m) => m.kind === kind && m.until === undefined)
    for (const m of pending) m.until = this.length
    this.milestones.push({ kind, at: this.length, label })
  }

  /** Ends the open `line` milestone (at the end of its verse line or block). */
  endLine(): void {
    for (const m of this.milestones) if (m.kind === 'line' && m.until === undefined) m.until = this.length
  }

  /**
   * Closes everything and returns the text with its blocks and milestones sorted by start.
   * A milestone's span skips the white space (block separator, word space) after its start point.
   */
  finish(): { text: string; structure: Block[]; marks: InlineMark[] } {
    while (this.stack.length) this.endBlock()
    const text = this.text
    const cps = [...text]
    const milestones: Block[] = []
    for (const m of this.milestones) {
      let start = m.at
      let end = m.until ?? cps.length
      while (start < end && /\s/.test(cps[start])) start++
      while (end > start && /\s/.test(cps[end - 1])) end--
      // An empty line milestone is dropped; an empty page is kept (a blank page is still citable).
      if (end <= start && m.kind === 'line') continue
      const block: Block = { kind: m.kind, start, end: Math.max(start, end) }
      if (m.label) block.label = m.label
      milestones.push(block)
    }
    const structure = [...this.blocks, ...milestones].sort((a, b) => a.start - b.start || Number(isMs(a)) - Number(isMs(b)))
    return { text, structure, marks: this.marks.sort((a, b) => a.start - b.start) }
  }
}

function isMs(b: Block): boolean {
  return b.kind === 'page' || b.kind === 'line'
}

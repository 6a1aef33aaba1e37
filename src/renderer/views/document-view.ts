/**
 * `<document-view>`: the open document as a historian reads it (title, categories, headings,
 * paragraphs, list items, notes), with its highlights painted over the text.
 *
 * Each block element holds exactly one text node with the code points [block.start, block.end)
 * of the normalised text, so DOM positions map to stored offsets (code points) through one
 * CodePointIndex; highlights are painted by HighlightPainter without rewriting that DOM.
 * Selecting text (mouse, or Shift+arrow keys after focusing the text) opens `<selection-popover>`.
 *
 * Properties: `doc`, `annotations` (of this document, document order), `tagColours`,
 * `selectedAnnotationId`, `knownTags`.
 * Events (bubbling, composed): `annotation-select` `{ id, reveal: false }` when a highlight is
 * clicked or created; `marginalia-error` on failures; `project-changed` after a mutation.
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { guard } from 'lit/directives/guard.js'
import { call } from '../api-client'
import { type Annotation, type Block, type DocumentWithText, isMilestone } from '../../shared/model'
import { CodePointIndex } from '../../shared/text/code-points'
import { reportError } from '../lib/errors'
import { refineSelection, type CodePointSpan } from '../lib/grapheme-range'
import { HighlightPainter, type PaintItem } from '../lib/highlight-painter'
import { annotationsAt } from '../lib/hit-test'
import { overlapLayers } from '../lib/overlap-layers'
import { keepSelectionEndVisible, moveSelectionByKey, placeCaret, readSelection } from '../lib/selection-reader'
import { colourForAnnotation } from '../lib/tag-colours'
import { paintVerdictBadges } from '../lib/verdict-badges'
import { TextMap, type RenderedBlock } from '../lib/text-map'
import { documentViewStyles } from '../lib/document-view-styles'
import { renderBlocks } from '../lib/document-blocks'
import type { HighlightBody, SelectionPopover } from './selection-popover'

@customElement('document-view')
export class DocumentView extends LitElement {
  static styles = documentViewStyles

  @property({ attribute: false }) doc: DocumentWithText | undefined
  @property({ attribute: false }) annotations: Annotation[] = []
  @property({ attribute: false }) tagColours: ReadonlyMap<string, string> = new Map()
  @property({ attribute: false }) knownTags: string[] = []
  @property() selectedAnnotationId: string | undefined

  /** The passage the popover would highlight (code points), while it is open. */
  @state() private pending: CodePointSpan | undefined
  @state() private popoverAt = { x: 0, y: 0 }
  @state() private busy = false

  @query('.page') private page!: HTMLElement
  @query('.overlay') private overlay!: HTMLElement
  @query('selection-popover') private popoverEl: SelectionPopover | undefined

  private index: CodePointIndex | undefined
  private blocks: Block[] = []
  private map: TextMap | undefined
  private painter: HighlightPainter | undefined
  private ranges = new Map<string, Range>()

  /** True when painting with CSS.highlights; false when using fallback boxes. */
  get paintsNatively(): boolean {
    return this.painter?.native ?? false
  }

  /** Scrolls to an annotation's passage and flashes it. Returns false if it is not painted. */
  reveal(id: string): boolean {
    const range = this.ranges.get(id)
    if (!range || !this.painter) return false
    const el = range.startContainer.parentElement
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
    el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' })
    this.painter.flash(range)
    return true
  }

  connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('resize', this.placePopover)
  }

  disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('resize', this.placePopover)
    this.painter?.dispose()
    this.painter = undefined
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doc')) {
      const prev = changed.get('doc') as DocumentWithText | undefined
      if (!this.doc || prev?.id !== this.doc.id || prev.text !== this.doc.text) this.pending = undefined
      this.index = this.doc ? new CodePointIndex(this.doc.text) : undefined
      this.blocks = this.doc ? this.renderableBlocks(this.doc) : []
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    if (!this.painter && this.overlay) {
      this.painter = new HighlightPainter(this.shadowRoot!, this.overlay)
      this.dataset.paint = this.painter.native ? 'highlight-api' : 'boxes'
    }
    if (changed.has('doc')) this.map = this.buildMap()
    if (changed.has('doc') || changed.has('annotations') || changed.has('tagColours')) this.paintAnnotations()
    if (changed.has('doc') || changed.has('annotations') || changed.has('selectedAnnotationId')) {
      this.painter?.mark('selected', this.selectedAnnotationId ? this.ranges.get(this.selectedAnnotationId) : undefined)
    }
    if (changed.has('pending' as keyof DocumentView)) {
      this.painter?.mark('pending', this.pending ? this.map?.toRange(this.pending.start, this.pending.end) : undefined)
    }
  }

  /** The blocks to render; a document without structure is shown as one block of its whole text. */
  private renderableBlocks(doc: DocumentWithText): Block[] {
    const blocks = doc.structure.filter((b) => !isMilestone(b))
    if (blocks.length) return blocks.sort((a, b) => a.start - b.start)
    return [{ kind: 'paragraph', start: 0, end: new CodePointIndex(doc.text).length }]
  }

  private buildMap(): TextMap | undefined {
    if (!this.index) return undefined
    const rendered: RenderedBlock[] = []
    for (const el of this.shadowRoot!.querySelectorAll<HTMLElement>('[data-b]')) {
      const b = this.blocks[Number(el.dataset.b)]
      const node = [...el.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE)
      if (b && node) rendered.push({ start: b.start, end: b.end, node })
    }
    return new TextMap(this.index, rendered)
  }

  private paintAnnotations(): void {
    if (!this.painter || !this.map) return
    this.ranges.clear()
    const live = this.annotations.filter((a) => a.status !== 'orphaned' && a.target.end > a.target.start)
    const layers = overlapLayers(live.map((a) => a.target))
    const items: PaintItem[] = []
    live.forEach((a, i) => {
      const range = this.map!.toRange(a.target.start, a.target.end)
      if (!range) return
      this.ranges.set(a.id, range)
      items.push({ id: a.id, colour: colourForAnnotation(a, this.tagColours), layer: layers[i], range })
    })
    this.painter.paint(items)
    paintVerdictBadges(this.page, live, this.ranges)
  }

  render() {
    const doc = this.doc
    if (!doc || !this.index) return html`<div class="empty">Choose a document on the left, or import one.</div>`
    return html`
      <div class="scroller" @scroll=${this.placePopover}>
        <article
          class="page"
          tabindex="0"
          aria-label=${`Text of ${doc.title}. Use Shift and the arrow keys to select a passage.`}
          @mousedown=${this.onMouseDown}
          @keydown=${this.onKeyDown}
          @keyup=${this.onKeyUp}
          @focus=${this.onFocus}
          @mousemove=${this.onHover}
        >
          <div class="overlay" aria-hidden="true"></div>
          ${guard([doc], () =>
            // The text is re-rendered only when the document changes, not on every popover move.
            renderBlocks(doc, this.blocks, this.index!)
          )}
        </article>
      </div>
      ${this.pending
        ? html`<selection-popover
            .quote=${this.index.slice(this.pending.start, this.pending.end)}
            .knownTags=${this.knownTags}
            .x=${this.popoverAt.x}
            .y=${this.popoverAt.y}
            .busy=${this.busy}
            @highlight-submit=${this.createHighlight}
            @popover-close=${this.closePopover}
          ></selection-popover>`
        : nothing}
    `
  }

  private onFocus(): void {
    // Give keyboard users a caret to extend with Shift+arrows when nothing is selected here yet
    // (only for keyboard focus: a click places its own caret).
    if (!this.page.matches(':focus-visible') || this.selectionInside()) return
    const first = this.map?.blocks[0]
    if (first) placeCaret(first.node, 0)
  }

  private selectionInside(): boolean {
    const s = readSelection(this.shadowRoot!)
    return !!s && this.page.contains(s.startContainer) && this.page.contains(s.endContainer)
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.pending) {
      this.closePopover()
      return
    }
    if (e.key === 'Enter' && this.pending) {
      e.preventDefault()
      this.popoverEl?.focusForm()
      return
    }
    if (this.selectionInside() && moveSelectionByKey(e)) {
      e.preventDefault()
      const scroller = this.renderRoot.querySelector('.scroller')
      if (scroller) keepSelectionEndVisible(this.shadowRoot!, scroller)
    }
  }

  private onKeyUp(e: KeyboardEvent): void {
    if (e.shiftKey || e.key === 'Shift') this.captureSelection(false)
  }

  /** A drag may end outside the text, so the matching mouseup is awaited on the window. */
  private onMouseDown(down: MouseEvent): void {
    if (down.button !== 0) return
    window.addEventListener('mouseup', this.onMouseUp, { once: true })
  }

  private mouseUpFrame = 0
  private onMouseUp = (up: MouseEvent): void => {
    // Let the browser finish updating the selection, and act on the last mouseup of a frame only:
    // the two mouseups of a fast double click must not open the popover and then close it again.
    cancelAnimationFrame(this.mouseUpFrame)
    this.mouseUpFrame = requestAnimationFrame(() => {
      if (this.captureSelection(true)) return
      if (this.pending) this.pending = undefined
      this.selectAt(up.clientX, up.clientY)
    })
  }

  /** Turns the current selection into a pending passage; returns false when nothing is selected. */
  private captureSelection(focusForm: boolean): boolean {
    const sel = readSelection(this.shadowRoot!)
    if (!sel || sel.collapsed || !this.map || !this.doc) return false
    const start = this.map.fromBoundary(sel.startContainer, sel.startOffset, 'start')
    const end = this.map.fromBoundary(sel.endContainer, sel.endOffset, 'end')
    if (start === undefined || end === undefined || end <= start) return false
    const span = refineSelection(this.doc.text, start, end, this.index)
    if (!span) return false
    this.pending = span
    this.placePopover()
    this.updateComplete.then(() => {
      this.popoverEl?.reset()
      if (focusForm) this.popoverEl?.focusForm()
    })
    return true
  }

  /** Positions the popover under the end of the pending passage. */
  private placePopover = (): void => {
    if (!this.pending || !this.map) return
    const range = this.map.toRange(this.pending.start, this.pending.end)
    const rects = range ? [...range.getClientRects()].filter((r) => r.width > 0) : []
    const last = rects[rects.length - 1]
    if (last) this.popoverAt = { x: last.left, y: last.bottom }
  }

  private selectAt(x: number, y: number): void {
    const hits = this.hitsAt(x, y)
    if (!hits.length) return
    // Repeated clicks on overlapping highlights cycle through them, innermost first.
    const at = this.selectedAnnotationId ? hits.indexOf(this.selectedAnnotationId) : -1
    const id = hits[(at + 1) % hits.length]
    this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id, reveal: false }, bubbles: true, composed: true }))
  }

  private hitsAt(x: number, y: number): string[] {
    return this.painter && this.map ? annotationsAt(x, y, this.shadowRoot!, this.map, this.annotations, this.painter) : []
  }

  private hoverFrame = 0
  private onHover(e: MouseEvent): void {
    if (this.hoverFrame) return
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0
      const over = this.hitsAt(e.clientX, e.clientY).length > 0
      this.page?.classList.toggle('over-highlight', over)
    })
  }

  private closePopover(): void {
    this.pending = undefined
    this.page?.focus({ preventScroll: true })
  }

  private async createHighlight(e: CustomEvent<HighlightBody>): Promise<void> {
    if (!this.pending || !this.doc) return
    this.busy = true
    try {
      const created = await call('createAnnotation', { documentId: this.doc.id, ...this.pending, ...e.detail })
      this.pending = undefined
      window.getSelection()?.removeAllRanges()
      this.dispatchEvent(new CustomEvent('project-changed', { bubbles: true, composed: true }))
      this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: created.id, reveal: false }, bubbles: true, composed: true }))
    } catch (err) {
      reportError(this, 'Could not create the highlight', err)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'document-view': DocumentView
  }
}

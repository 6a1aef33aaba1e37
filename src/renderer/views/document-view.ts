/**
 * `<document-view>`: the open document as a historian reads it (title, categories, headings,
 * paragraphs, list items, notes, page and line markers), with its highlights painted over the text.
 *
 * Whole books stay instant: the text DOM is built once per document from its first screens on
 * (dom/text-layout.ts: the rest a slice per frame) in `content-visibility: auto` chunks, so layout
 * and paint follow the viewport; highlights are painted
 * for the chunks the browser renders only (dom/rendered-chunks.ts), from the annotation index's
 * interval queries, as boxes (dom/highlight-painter.ts). An edit repaints only when it touches that
 * window. Selecting text (mouse, or Shift+arrow keys after focusing the text) opens `<selection-popover>`.
 *
 * A document opens before all its text has come (`partial`: `doc.text` is its first screens' part,
 * model/project-loading.ts): the view lays out what is in, keeps the rest as pending boxes of their
 * estimated height (`aria-busy` on the text), and grows the same layout when the whole text comes
 * (a new `doc` whose text starts with the part shown: nothing rebuilt, the reader's place kept). A
 * jump past the part that is in waits for the rest; a selection can only be made in the text shown.
 *
 * Properties: `doc`, `partial`, `annotations` (the open document's AnnotationIndex) with its `version`,
 * `palette` (highlight colours), `selectedAnnotationId`, `knownTags`; `only` (the ids the corpus
 * filter keeps: other highlights are not painted), `searchHits` with `currentHit` (find in the
 * document: code point spans, sorted; drawn near the viewport, the current one marked).
 * Writes through the model from context (`createAnnotation`).
 * Events (bubbling, composed): `annotation-select` `{ id, reveal: false }` when a highlight is
 * clicked or created; `marginalia-error` on failures; `page-visible` `{ documentId, page, label }`
 * when the printed page at the reading line changes (`page`: index among the page blocks sorted by
 * start; dom/document-navigation.ts), so the page image beside the text can follow the scroll. Each repaint leaves a performance mark
 * `marginalia:painted` with `{ version, painted, documentId }` (for measurements).
 */
import { consume } from '@lit/context'
import { LitElement, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { DocumentWithText } from '../../shared/model'
import type { LocatedRange } from '../../shared/structure/resolve-locator'
import { CodePointIndex } from '../../shared/text/code-points'
import { HighlightPainter, liveRange, type PaintItem, type Special } from '../dom/highlight-painter'
import { annotationsAt } from '../dom/hit-test'
import { TextSelectionController } from '../dom/text-selection'
import { markLowConfidence } from '../dom/low-confidence-marks'
import { layoutText, type TextLayout } from '../dom/text-layout'
import { VerdictBadges } from '../dom/verdict-badges'
import { type ChunkWindow, RenderedChunks } from '../dom/rendered-chunks'
import { DocumentNavigation } from '../dom/document-navigation'
import { reportError } from '../lib/errors'
import { overlapLayers } from '../lib/overlap-layers'
import { spansWithin } from '../lib/spans-within'
import type { AnnotationIndex } from '../model/annotation-index'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import type { Palette } from '../model/selections'
import { documentViewStyles } from '../styles/document-view-styles'
import type { HighlightBody, SelectionPopover } from './selection-popover'

@customElement('document-view')
export class DocumentView extends LitElement {
  static styles = documentViewStyles

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property({ attribute: false }) doc: DocumentWithText | undefined
  /** True while `doc.text` is only the first part of the text (the rest follows as a new `doc`). */
  @property({ type: Boolean }) partial = false
  @property({ attribute: false }) annotations: AnnotationIndex | undefined
  /** The index's version when it was handed down: a new value repaints what changed near the viewport. */
  @property({ type: Number }) version = 0
  @property({ attribute: false }) palette: Palette | undefined
  @property({ attribute: false }) knownTags: string[] = []
  @property() selectedAnnotationId: string | undefined
  /** Ids of the annotations to paint (the corpus filter); all when undefined. */
  @property({ attribute: false }) only: ReadonlySet<string> | undefined
  /** Find in the document: hits as code point spans in text order. */
  @property({ attribute: false }) searchHits: readonly { start: number; end: number }[] = []
  /** Index in `searchHits` of the current hit, or -1. */
  @property({ type: Number }) currentHit = -1

  @state() private busy = false
  @query('.scroller') private scroller!: HTMLElement
  @query('.page') private page!: HTMLElement
  @query('.text') private textBox!: HTMLElement
  @query('.overlay') private overlay!: HTMLElement
  @query('selection-popover') private popoverEl: SelectionPopover | undefined

  private index: CodePointIndex | undefined
  private layout: TextLayout | undefined
  private painter: HighlightPainter | undefined
  private badges: VerdictBadges | undefined
  private visible: RenderedChunks | undefined
  private ocrMarks: { count: number; dispose: () => void } | undefined
  private window: ChunkWindow = { first: 0, last: -1 }
  private paintedVersion = -1
  /** Set in willUpdate: the new `doc` is the whole text of the one laid out from its first part. */
  private growing = false
  /** Jumps (to a span, a locator, a page), the page at the reading line, a jump waiting for the rest of the text. */
  private readonly nav = new DocumentNavigation(((view: DocumentView) => ({
    get scroller() { return view.scroller },
    get layout() { return view.layout },
    get painter() { return view.painter },
    get isConnected() { return view.isConnected },
    paintWindow: (w: ChunkWindow) => {
      view.window = w
      view.paint()
    },
    pageShown: (page: number, label: string | undefined) => {
      if (view.doc) view.dispatchEvent(new CustomEvent('page-visible', { detail: { documentId: view.doc.id, page, label }, bubbles: true, composed: true }))
    }
  }))(this))
  private readonly selection = new TextSelectionController(this, () => this.layout?.map, () => this.doc?.text, () => this.index)

  /** What is painted now: each highlight near the viewport, with its text and colour (for tests and measurements). */
  get painted(): { id: string; text: string; colour: string }[] {
    return (this.painter?.painted ?? []).map((p) => ({ id: p.id, text: liveRange(p.range).toString(), colour: p.colour }))
  }

  /** True once the whole text is laid out (a book is laid out from its first screens on: dom/text-layout.ts). */
  get laidOut(): boolean {
    return !!this.layout?.complete
  }

  /** The text of an extra layer (the selected passage, the pending one, the flashed one) while it shows. */
  markedText(kind: Special): string | undefined {
    const r = this.painter?.marked(kind)
    return r ? liveRange(r).toString() : undefined
  }

  /** How many words OCR was unsure of are marked (underlined) in the text. */
  get unsureWordsMarked(): number {
    return this.ocrMarks?.count ?? 0
  }

  /** Focuses the text with the caret at `at` (code points), or where it last was. */
  focusText(at?: number): void {
    this.selection.focusText(at)
  }

  /** Scrolls to an annotation's passage and flashes it. Returns false if it is not in this document. */
  reveal(id: string): boolean {
    const a = this.annotations?.get(id)
    return !!a && this.nav.revealSpan(a.target.start, a.target.end)
  }

  /**
   * "Go to cited page": scrolls to where `locator` (`p. 39`, `fol. 12r`, `ch. LXIV`…) falls in this
   * document's structure and flashes the start of it. Returns the region, or undefined when the
   * locator names nothing in this document.
   */
  revealLocator(locator: string): LocatedRange | undefined {
    return this.doc && this.index ? this.nav.revealLocator(this.doc, this.index, locator) : undefined
  }

  /**
   * Brings page `page` (index among the page blocks, sorted by start) to the reading line and
   * flashes its start (dom/document-navigation.ts).
   */
  revealPage(page: number): boolean {
    return this.nav.revealPage(page)
  }

  /** Scrolls code points [start, end) into view (a third down the screen) and flashes them (dom/document-navigation.ts). */
  revealSpan(start: number, end: number, exact = false): boolean {
    return this.nav.revealSpan(start, end, exact)
  }

  private onScroll = (): void => {
    this.selection.placePopover()
    this.nav.onScroll()
  }

  disconnectedCallback(): void {
    super.disconnectedCallback()
    this.teardown()
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('doc')) {
      const prev = changed.get('doc') as DocumentWithText | undefined
      this.growing = this.grows(prev)
      if (!this.growing && (!this.doc || prev?.id !== this.doc.id || prev.text !== this.doc.text)) this.selection.clear()
      if (!this.doc || prev?.text !== this.doc.text) this.index = this.doc ? new CodePointIndex(this.doc.text) : undefined
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('doc')) this.build()
    if (!this.painter || !this.layout || !this.annotations) return
    if (changed.has('doc') || changed.has('annotations') || changed.has('palette') || changed.has('only') || changed.has('searchHits')) this.paint()
    else if (changed.has('version')) this.repaintIfVisible()
    // 'annotations': a document opens with its first screens' annotations, then all of them; a
    // selected annotation further on is only known after the second step.
    if (changed.has('doc') || changed.has('annotations') || changed.has('version') || changed.has('selectedAnnotationId')) {
      const sel = this.selectedAnnotationId ? this.annotations.get(this.selectedAnnotationId) : undefined
      this.painter.mark('selected', sel ? this.layout.map.toStaticRange(sel.target.start, sel.target.end) : undefined)
    }
    if (changed.has('doc') || changed.has('searchHits') || changed.has('currentHit')) {
      const hit = this.searchHits[this.currentHit]
      this.painter.mark('hit-current', hit ? this.layout.map.toStaticRange(hit.start, hit.end) : undefined)
    }
  }

  /** True when `doc` is the whole text of `prev`, laid out from its first part (the layout grows). */
  private grows(prev: DocumentWithText | undefined): boolean {
    const layout = this.layout
    return !!layout && !!prev && !!this.doc && layout.loaded !== Infinity && prev.id === this.doc.id &&
      layout.map.index.text === prev.text && this.doc.text.length > prev.text.length && this.doc.text.startsWith(prev.text)
  }

  /** Lays the text out once per document and starts watching which blocks are near the viewport. */
  private build(): void {
    if (this.growing && this.layout && this.index) {
      // The rest of the text has come: the chunks that waited for it are built (first those asked for).
      this.growing = false
      this.layout.grow(this.index)
      // The OCR marks past the first part could not be placed before: all of them now.
      if (this.doc?.metadata.ocr?.lowConfidence.length) {
        this.ocrMarks?.dispose()
        this.ocrMarks = markLowConfidence(this.doc, this.layout.map)
      }
      this.nav.resume()
      return
    }
    const text = this.doc?.text
    if (this.layout && this.layout.map.index.text === text) {
      // Same text, new record (e.g. renamed): the DOM stays, but a title shown from the record (not from the text) follows it.
      const title = this.textBox.querySelector('h1.doc-title:not([data-b])')
      if (title && this.doc) title.textContent = this.doc.title
      return
    }
    this.teardown()
    if (!this.doc || !this.index || !this.textBox) return
    this.layout = layoutText(this.textBox, this.doc, this.index, this.partial)
    this.ocrMarks = markLowConfidence(this.doc, this.layout.map)
    this.painter = new HighlightPainter(this.overlay)
    this.badges = new VerdictBadges(this.page)
    this.scroller.scrollTop = 0
    this.visible = new RenderedChunks(this.scroller, this.layout.chunks.map((c) => c.el), (w) => {
      // Chunks built after the first screens (text-layout.ts) report their state as they are
      // built: most leave the window as it is, and repaint nothing.
      if (w.first === this.window.first && w.last === this.window.last) return
      this.window = w
      this.paint()
    })
    // The browser says which chunks it renders only after the first frame; the text starts at the
    // top, so the first two chunks (about four screens) are painted in that frame already, with
    // the text, instead of a frame later (300 ms on a loaded machine: bench/profile-render.ts open).
    this.window = { first: 0, last: Math.min(1, this.layout.chunks.length - 1) }
    this.nav.start(this.doc, this.layout)
  }

  private teardown(): void {
    this.layout?.dispose()
    this.visible?.disconnect()
    this.ocrMarks?.dispose()
    this.ocrMarks = undefined
    this.painter?.dispose()
    this.badges?.dispose()
    this.nav.stop()
    this.visible = this.painter = this.badges = this.layout = undefined
    this.window = { first: 0, last: -1 }
  }

  /** Code points of the text the browser renders now (near the viewport). */
  private windowSpan(): { start: number; end: number } | undefined {
    const { first, last } = this.window
    const chunks = this.layout?.chunks
    if (!chunks || first > last) return undefined
    return { start: chunks[first].start, end: chunks[last].end }
  }

  /** Repaints after an edit only when it touched the text near the viewport. */
  private repaintIfVisible(): void {
    const dirty = this.annotations!.dirtySince(this.paintedVersion)
    const span = this.windowSpan()
    if (dirty === 'all' || (span && dirty.some((d) => d.start <= span.end && d.end >= span.start))) this.paint()
    else this.paintedVersion = this.annotations!.version
  }

  /** Paints the highlights of the blocks near the viewport (and their verdict badges). */
  private paint(): void {
    const span = this.windowSpan()
    const index = this.annotations
    const map = this.layout?.map
    if (!this.painter || !index || !map) return
    const only = this.only
    const live = span ? index.overlapping(span.start, span.end).filter((a) => a.status !== 'orphaned' && a.target.end > a.target.start && (!only || only.has(a.id))) : []
    const layers = overlapLayers(live.map((a) => a.target))
    const items: PaintItem[] = []
    const badges: Parameters<VerdictBadges['draw']>[0] = []
    const colourOf = this.palette?.colourOf ?? (() => '#f2c14e')
    live.forEach((a, i) => {
      const range = map.toStaticRange(a.target.start, a.target.end)
      if (!range) return
      items.push({ id: a.id, colour: colourOf(a), layer: layers[i], range })
      badges.push({ annotation: a, range })
    })
    this.painter.paint(items)
    this.painter.setHits(span ? spansWithin(this.searchHits, span).flatMap((h) => map.toStaticRange(h.start, h.end) ?? []) : [])
    this.badges?.draw(badges)
    this.paintedVersion = index.version
    // For measurements (benchmarks, tests): when and what was painted.
    performance.mark('marginalia:painted', { detail: { version: index.version, painted: items.length, documentId: index.documentId } })
  }

  render() {
    const doc = this.doc
    if (!doc || !this.index) return html`<div class="empty">Choose a document on the left, or import one.</div>`
    const pending = this.selection.pending
    return html`
      <div class="scroller" @scroll=${this.onScroll}>
        <article
          class="page"
          tabindex="0"
          aria-label=${`Text of ${doc.title}. Use Shift and the arrow keys to select a passage.`}
          aria-busy=${this.partial ? 'true' : 'false'}
          @mousedown=${this.selection.onMouseDown}
          @keydown=${this.selection.onKeyDown}
          @keyup=${this.selection.onKeyUp}
          @focus=${this.selection.onFocus}
          @mousemove=${this.onHover}
          @text-click=${(e: CustomEvent<{ x: number; y: number }>) => this.selectAt(e.detail.x, e.detail.y)}
        >
          <div class="overlay" aria-hidden="true"></div>
          <div class="text"></div>
        </article>
      </div>
      ${pending
        ? html`<selection-popover
            .quote=${this.index.slice(pending.start, pending.end)}
            .knownTags=${this.knownTags}
            .x=${this.selection.popoverAt.x}
            .y=${this.selection.popoverAt.y}
            .busy=${this.busy}
            @highlight-submit=${this.createHighlight}
            @popover-close=${() => this.selection.close()}
          ></selection-popover>`
        : nothing}
    `
  }

  /** The painter's pending layer follows the passage the popover is about to highlight. */
  markPending(span: { start: number; end: number } | undefined): void {
    this.painter?.mark('pending', span ? this.layout?.map.toStaticRange(span.start, span.end) : undefined)
  }

  /** The popover element, once rendered (the selection controller focuses and resets it). */
  get selectionPopover(): SelectionPopover | undefined {
    return this.popoverEl
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
    const index = this.annotations
    if (!this.painter || !this.layout || !index) return []
    return annotationsAt(x, y, this.shadowRoot!, this.layout.map, (cp) => index.overlapping(cp, cp).map((a) => a.id), this.painter)
  }

  private hoverFrame = 0
  private onHover(e: MouseEvent): void {
    if (this.hoverFrame) return
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0
      this.page?.classList.toggle('over-highlight', this.hitsAt(e.clientX, e.clientY).length > 0)
    })
  }

  private async createHighlight(e: CustomEvent<HighlightBody>): Promise<void> {
    const pending = this.selection.pending
    if (!pending || !this.doc || !this.model) return
    this.busy = true
    try {
      const created = await this.model.mutate('createAnnotation', { documentId: this.doc.id, ...pending, ...e.detail })
      this.selection.clear()
      // Focus comes home to the text, the caret just after the new highlight (not to <body>).
      await this.updateComplete
      this.selection.focusText(pending.end)
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

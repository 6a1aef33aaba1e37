/**
 * `<page-image-pane>`: the scanned page beside its text, for OCR'd documents (the side panel's
 * "Page image" tab). Shows the image of one page at a time (`getPageImage`, a cached read of the
 * model: fetched when shown, dropped when the document changes), its printed label, OCR's mean
 * confidence and how many words it was unsure of (underlined in the text).
 * The image follows the text: it shows the page the reader has scrolled to (`page`, from the
 * document view's `page-visible`); a page without a scan of its own (a PDF page with a text layer)
 * shows the last scanned page before it, saying so. And back: Previous / Next step through the
 * scanned pages and bring the text to the page shown; "Show in text" brings it back there after
 * the reader scrolled away.
 *
 * Properties: `doc` (the open document's record), `page` (index among its page blocks, sorted by
 * start, of the page at the text's reading line). Reads through the model from context.
 * Events (bubbling, composed): `page-turn` `{ documentId, page }` (same index) to bring the text there.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { DocumentRecord } from '../../shared/model'
import { UseModel } from '../model/model-context'
import { ProjectReads } from '../model/project-reads'
import { controlStyles } from '../styles/ui-styles'

/** The pages of `doc` that have an image: index among its page blocks, and the printed label. */
export function imagedPages(doc: DocumentRecord): { page: number; label: string }[] {
  const pages = doc.structure.filter((b) => b.kind === 'page').sort((a, b) => a.start - b.start)
  return (doc.metadata.pageImages ?? [])
    .map((img) => ({ page: img.page, label: pages[img.page]?.label ?? String(img.page + 1) }))
    .sort((a, b) => a.page - b.page)
}

@customElement('page-image-pane')
export class PageImagePane extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; font-size: 0.85rem; }
      .bar { display: flex; gap: 0.3rem; align-items: center; flex-wrap: wrap; }
      .label { font-weight: 600; margin: 0 0.3rem; }
      figure { margin: 0.6rem 0 0; }
      img { width: 100%; height: auto; border: 1px solid var(--line); background: #fff; }
      .ocr { color: var(--ink-soft); margin: 0.5rem 0 0; line-height: 1.4; }
      .unsure { text-decoration: underline wavy rgba(190, 60, 40, 0.85); background: rgba(214, 96, 60, 0.14); }
    `
  ]

  @property({ attribute: false }) doc: DocumentRecord | undefined
  /** The page at the text's reading line (index among the page blocks), when known. */
  @property({ type: Number }) page: number | undefined
  /** Position in `imagedPages(doc)`. */
  @state() private at = 0
  private readonly use = new UseModel(this, ['reads'])

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('doc') && (changed.get('doc') as DocumentRecord | undefined)?.id !== this.doc?.id) this.at = 0
    if ((changed.has('page') || changed.has('doc')) && this.doc && this.page !== undefined) {
      // The scanned page the text shows, else the last scanned page before it.
      const pages = imagedPages(this.doc)
      const before = pages.filter((p) => p.page <= this.page!).length
      this.at = Math.max(0, before - 1)
    }
  }

  render() {
    const doc = this.doc
    const pages = doc ? imagedPages(doc) : []
    if (!doc || !pages.length) return html`<p class="ocr">Only scanned pages (images, or PDF pages without text) have a page image.</p>`
    const cur = pages[Math.min(this.at, pages.length - 1)]
    const img = this.use.model?.reads.pageImages.of(ProjectReads.pageImageKey(doc.id, cur.page)).get()
    const ocr = doc.metadata.ocr
    return html`
      <div class="bar">
        <button ?disabled=${this.at <= 0} @click=${() => this.turn(doc, pages, this.at - 1)} aria-label="Previous page">‹</button>
        <span class="label" aria-live="polite">p. ${cur.label}</span>
        <button ?disabled=${this.at >= pages.length - 1} @click=${() => this.turn(doc, pages, this.at + 1)} aria-label="Next page">›</button>
        <span>${this.at + 1} of ${pages.length}</span>
        <button @click=${() => this.turn(doc, pages, this.at)}>Show in text</button>
      </div>
      ${this.page !== undefined && this.page !== cur.page ? html`<p class="ocr">The text is on p. ${this.textLabel(doc)}, which has no scan (its text was in the file); this is the last scanned page before it.</p>` : nothing}
      <figure>
        ${img?.value
          ? html`<img src=${`data:${img.value.mime};base64,${img.value.contentBase64}`} width=${img.value.width} height=${img.value.height} alt=${`Scan of page ${cur.label} of ${doc.title}`} />`
          : img?.error
            ? html`<p role="alert">Could not load the image of page ${cur.label}: ${img.error}</p>`
            : html`<p class="ocr">Loading the image…</p>`}
      </figure>
      ${ocr
        ? html`<p class="ocr">Read by OCR (${ocr.languages.join(', ')}), mean confidence ${Math.round(ocr.meanConfidence)}%.
            ${ocr.lowConfidence.length
              ? html`<span class="unsure">${ocr.lowConfidence.length} word${ocr.lowConfidence.length === 1 ? '' : 's'}</span> below ${ocr.threshold}% are underlined in the text: check them against the image.`
              : 'No word fell below the confidence threshold.'}</p>`
        : nothing}
    `
  }

  /** Shows scanned page `at` (position in `pages`) and brings the text to it. */
  private turn(doc: DocumentRecord, pages: { page: number }[], at: number): void {
    const target = pages[at]
    if (!target) return
    this.at = at
    this.dispatchEvent(new CustomEvent('page-turn', { detail: { documentId: doc.id, page: target.page }, bubbles: true, composed: true }))
  }

  private textLabel(doc: DocumentRecord): string {
    const pages = doc.structure.filter((b) => b.kind === 'page').sort((a, b) => a.start - b.start)
    return pages[this.page!]?.label ?? String(this.page! + 1)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'page-image-pane': PageImagePane
  }
}

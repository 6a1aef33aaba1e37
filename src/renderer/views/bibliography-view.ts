/**
 * `<bibliography-view>`: formatted citations in a Chicago style (notes-bibliography or
 * author-date). First the notes of the open document (`documentId`): one per citing highlight,
 * in document order (click a note to go to its passage); then the works cited — the items some
 * passage cites, not the whole library (a library is a list; formatting 1,400 items is not
 * something to wait for).
 * Both are cached reads of the model: formatted once, formatted again only when a citation or a
 * citing passage changed. citeproc's HTML is turned into styled text runs (htmlToSegments):
 * nothing is inserted into the page as HTML.
 *
 * Properties: `documentId`, `citationStyle`.
 * Events (bubbling, composed): `annotation-select` `{ id, documentId }`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { CitationStyle } from '../../shared/api/citations'
import { htmlToSegments, type RichSegment } from '../../shared/citations/rich-text'
import { STYLE_LABELS } from '../lib/citation-styles'
import { UseModel } from '../model/model-context'
import { ProjectReads } from '../model/project-reads'
import { controlStyles } from '../styles/ui-styles'

/** One run of formatted text, as Lit markup (text only; formatting by element). */
export function renderSegments(segments: RichSegment[]) {
  return segments.map((s) => {
    let t = html`${s.text}`
    if (s.italic) t = html`<i>${t}</i>`
    if (s.bold) t = html`<b>${t}</b>`
    if (s.smallCaps) t = html`<span class="sc">${t}</span>`
    if (s.sup) t = html`<sup>${t}</sup>`
    if (s.sub) t = html`<sub>${t}</sub>`
    return t
  })
}

@customElement('bibliography-view')
export class BibliographyView extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; }
      .entry { margin: 0 0 0.45rem; padding-left: 1.4rem; text-indent: -1.4rem; font-family: 'Iowan Old Style', Palatino, 'Noto Serif', Georgia, serif; }
      .sc { font-variant: small-caps; }
      .empty { color: var(--ink-soft); font-style: italic; }
      /* Wraps in a narrow side panel, so "Formatting…" goes to its own line rather than out of view. */
      header { display: flex; flex-wrap: wrap; gap: 0.3rem 0.4rem; align-items: center; margin-bottom: 0.5rem; }
      header select { min-width: 0; max-width: 100%; }
      .busy { white-space: nowrap; color: var(--ink-soft); font-size: 0.85rem; }
      h4 { font-size: 0.8rem; color: var(--ink-soft); margin: 0.8rem 0 0.3rem; }
      ol.notes { padding-left: 1.6rem; margin: 0; }
      ol.notes li { cursor: pointer; margin-bottom: 0.3rem; font-family: 'Iowan Old Style', Palatino, 'Noto Serif', Georgia, serif; }
      ol.notes li:hover { background: var(--accent-soft); }
    `
  ]

  @property() citationStyle: CitationStyle = 'chicago-notes-bibliography'
  /** The open document, whose notes are listed first. */
  @property() documentId: string | undefined
  private readonly use = new UseModel(this, ['reads'])

  render() {
    const reads = this.use.model?.reads
    if (!reads) return nothing
    const notes = this.documentId ? reads.notes.of(ProjectReads.notesKey(this.documentId, this.citationStyle)).get() : undefined
    const list = reads.worksCited.of(ProjectReads.bibliographyKey(this.citationStyle)).get()
    const entries = list.value?.entries ?? []
    const loading = list.loading || !!notes?.loading
    const failed = list.error ?? notes?.error
    return html`
      <header>
        <label for="style">Style</label>
        <select id="style" aria-label="Citation style" @change=${(e: Event) => (this.citationStyle = (e.target as HTMLSelectElement).value as CitationStyle)}>
          ${Object.entries(STYLE_LABELS).map(([v, l]) => html`<option value=${v} ?selected=${v === this.citationStyle}>${l}</option>`)}
        </select>
        ${loading ? html`<span class="busy" aria-live="polite">Formatting…</span>` : ''}
      </header>
      ${failed ? html`<p class="empty" role="alert">Could not format: ${failed}</p>` : nothing}
      ${notes?.value?.length
        ? html`<h4>Notes in this document</h4>
            <ol class="notes">
              ${notes.value.map((n) => html`<li value=${n.number} data-annotation-id=${n.annotationId} title=${n.quote}
                @click=${() => this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: n.annotationId, documentId: this.documentId }, bubbles: true, composed: true }))}
              >${renderSegments(htmlToSegments(n.html))} <cited-page-button .citationId=${n.citationId} .locator=${n.locator}></cited-page-button></li>`)}
            </ol>`
        : ''}
      <h4>Works cited</h4>
      <div class="csl-bib-body" data-style=${this.citationStyle}>
        ${entries.length === 0 && !list.loading ? html`<p class="empty">No passage cites a work yet.</p>` : ''}
        ${entries.map((e) => html`<p class="entry" data-citation-id=${e.citationId}>${renderSegments(htmlToSegments(e.html))}</p>`)}
      </div>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bibliography-view': BibliographyView
  }
}

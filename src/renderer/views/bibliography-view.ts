/**
 * `<bibliography-view>`: the project bibliography formatted in a Chicago style (notes-bibliography
 * or author-date), and the notes of the open document (`documentId`): one per citing highlight,
 * in document order; click a note to go to its passage. Re-read after every change. citeproc's
 * HTML is turned into styled text runs (htmlToSegments): nothing is inserted into the page as HTML.
 *
 * Events (bubbling, composed): `annotation-select` `{ id }`, `marginalia-error`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call } from '../api-client'
import { ChangeSubscription } from '../lib/change-subscription'
import type { CitationStyle, FormattedEntry, FormattedNote } from '../../shared/api/citations'
import { htmlToSegments, type RichSegment } from '../../shared/citations/rich-text'
import { reportError } from '../lib/errors'
import { controlStyles } from '../lib/ui-styles'

export const STYLE_LABELS: Record<CitationStyle, string> = {
  'chicago-notes-bibliography': 'Chicago (notes and bibliography)',
  'chicago-author-date': 'Chicago (author-date)'
}

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
      header { display: flex; gap: 0.4rem; align-items: center; margin-bottom: 0.5rem; }
      h4 { font-size: 0.8rem; color: var(--ink-soft); margin: 0.8rem 0 0.3rem; }
      ol.notes { padding-left: 1.6rem; margin: 0; }
      ol.notes li { cursor: pointer; margin-bottom: 0.3rem; font-family: 'Iowan Old Style', Palatino, 'Noto Serif', Georgia, serif; }
      ol.notes li:hover { background: var(--accent-soft); }
    `
  ]

  @property() citationStyle: CitationStyle = 'chicago-notes-bibliography'
  /** The open document, whose notes are listed. */
  @property() documentId: string | undefined
  @state() private entries: FormattedEntry[] = []
  @state() private notes: FormattedNote[] = []
  @state() private loading = false
  private generation = 0
  /** Re-formats when citations or annotations change, and on (re)connection. */
  protected readonly changes = new ChangeSubscription(
    this,
    (e) => {
      if (e.collections.includes('citations') || e.collections.includes('annotations')) void this.load()
    },
    () => void this.load()
  )

  protected updated(changed: Map<string, unknown>): void {
    if ((changed.has('citationStyle') && changed.get('citationStyle') !== undefined) || (changed.has('documentId') && this.isConnected)) void this.load()
  }

  /** Re-reads the formatted bibliography. */
  async load(): Promise<void> {
    const mine = ++this.generation
    this.loading = true
    try {
      const out = await call('formatBibliography', { style: this.citationStyle })
      const notes = this.documentId ? await call('formatNotes', { documentId: this.documentId, style: this.citationStyle }) : []
      if (mine === this.generation) {
        this.entries = out.entries
        this.notes = notes
      }
    } catch (err) {
      reportError(this, 'Could not format the bibliography', err)
    } finally {
      if (mine === this.generation) this.loading = false
    }
  }

  render() {
    return html`
      <header>
        <label for="style">Style</label>
        <select id="style" aria-label="Citation style" @change=${(e: Event) => (this.citationStyle = (e.target as HTMLSelectElement).value as CitationStyle)}>
          ${Object.entries(STYLE_LABELS).map(([v, l]) => html`<option value=${v} ?selected=${v === this.citationStyle}>${l}</option>`)}
        </select>
        ${this.loading ? html`<span aria-live="polite">Formatting…</span>` : ''}
      </header>
      <div class="csl-bib-body" data-style=${this.citationStyle}>
        ${this.entries.length === 0 && !this.loading ? html`<p class="empty">No items yet.</p>` : ''}
        ${this.entries.map((e) => html`<p class="entry" data-citation-id=${e.citationId}>${renderSegments(htmlToSegments(e.html))}</p>`)}
      </div>
      ${this.notes.length
        ? html`<h4>Notes in this document</h4>
            <ol class="notes">
              ${this.notes.map((n) => html`<li value=${n.number} data-annotation-id=${n.annotationId} title=${n.quote}
                @click=${() => this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: n.annotationId }, bubbles: true, composed: true }))}
              >${renderSegments(htmlToSegments(n.html))}</li>`)}
            </ol>`
        : ''}
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bibliography-view': BibliographyView
  }
}

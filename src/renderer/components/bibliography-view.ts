/**
 * `<bibliography-view>`: the project bibliography formatted in a Chicago style (notes-bibliography
 * or author-date), re-read after every change. citeproc's HTML is turned into styled text runs
 * (htmlToSegments): nothing is inserted into the page as HTML.
 *
 * Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call, onChange } from '../api-client'
import type { CitationStyle, FormattedEntry } from '../../shared/api/citations'
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
    `
  ]

  @property() citationStyle: CitationStyle = 'chicago-notes-bibliography'
  @state() private entries: FormattedEntry[] = []
  @state() private loading = false
  private unsubscribe: (() => void) | undefined
  private generation = 0

  connectedCallback(): void {
    super.connectedCallback()
    this.unsubscribe = onChange((e) => {
      if (e.collections.includes('citations')) void this.load()
    })
    void this.load()
  }

  disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unsubscribe?.()
  }

  protected updated(changed: Map<string, unknown>): void {
    if (changed.has('citationStyle') && changed.get('citationStyle') !== undefined) void this.load()
  }

  /** Re-reads the formatted bibliography. */
  async load(): Promise<void> {
    const mine = ++this.generation
    this.loading = true
    try {
      const out = await call('formatBibliography', { style: this.citationStyle })
      if (mine === this.generation) this.entries = out.entries
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
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bibliography-view': BibliographyView
  }
}

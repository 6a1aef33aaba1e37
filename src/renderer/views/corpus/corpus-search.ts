/**
 * `<corpus-search>`: search across every document of the project (Ctrl+Shift+F). Hits are listed
 * per document (most hits first) with their count and context; the list is keyboard-navigable
 * (Tab, or ↑/↓ between hits), and a hit opens its passage in the document view, with that
 * document's other hits drawn in the text. Entities whose other names were searched are named.
 *
 * Events: `passage-open` (see corpus-events.ts).
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import type { DocumentHits } from '../../../shared/api/search'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { openPassage } from './corpus-events'
import { corpusStyles } from './corpus-styles'

/** Hits listed at most (every hit is counted). */
const LIMIT = 2000

@customElement('corpus-search')
export class CorpusSearch extends LitElement {
  static styles = [controlStyles, corpusStyles, css`.count { font-weight: normal; color: var(--ink-soft); }`]

  @state() private query = ''
  @query('input') private input!: HTMLInputElement
  private readonly use = new UseModel(this, ['corpus'])

  /** Puts the caret in the search box. */
  focusInput(): void {
    void this.updateComplete.then(() => {
      this.input?.focus()
      this.input?.select()
    })
  }

  render() {
    const m = this.use.model
    const q = this.query.trim()
    const r = m && q ? m.corpus.get('search', { query: q, limit: LIMIT }) : undefined
    const res = r?.value
    return html`
      <form class="bar" role="search" @submit=${this.submit}>
        <input type="search" name="q" aria-label="Search the project" placeholder='Words, "a phrase", prefix*, wild?ard, near~' .value=${this.query} />
        <button class="primary" type="submit">Search</button>
      </form>
      ${r?.error ? html`<p class="error" role="alert">${r.error}</p>` : nothing}
      ${r?.loading ? html`<p class="muted" role="status">Searching…</p>` : nothing}
      ${res
        ? html`<p class="muted summary" role="status">
              ${res.total} hit${res.total === 1 ? '' : 's'} in ${res.documents.length} of ${res.searched} documents${res.truncated ? ` (first ${LIMIT} shown)` : ''}
              ${res.variants.length ? html` · also searched: ${res.variants.map((v) => v.label).join(', ')}` : nothing}
            </p>
            <div @keydown=${this.onListKey}>${res.documents.map((d) => this.renderDocument(d))}</div>`
        : nothing}
    `
  }

  private renderDocument(d: DocumentHits) {
    const hits = [...d.hits].sort((a, b) => a.start - b.start)
    const spans = hits.map((h) => ({ start: h.start, end: h.end }))
    return html`<section class="document" data-document-id=${d.documentId}>
      <h2 class="doc-title">${d.title} <span class="count">${d.count}</span></h2>
      <ul class="plain">
        ${hits.map(
          (h) => html`<li>
            <button class="passage hit" data-start=${h.start} @click=${() => openPassage(this, { documentId: d.documentId, start: h.start, end: h.end, hits: spans })}>
              …${h.left}<mark>${h.exact}</mark>${h.right}…
            </button>
          </li>`
        )}
      </ul>
    </section>`
  }

  private submit(e: Event): void {
    e.preventDefault()
    this.query = this.input.value
  }

  /** ↑/↓ move between hits. */
  private onListKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    const all = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.hit')]
    const i = all.indexOf(e.composedPath()[0] as HTMLButtonElement)
    if (i < 0) return
    e.preventDefault()
    all[Math.max(0, Math.min(all.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))]?.focus()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-search': CorpusSearch
  }
}

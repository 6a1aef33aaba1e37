/**
 * `<search-bar>`: find in the open document (Ctrl+F). Searches through the model (`search` with
 * the document's id: words, "phrases", prefix*, wild?ards, near~ spellings; case and diacritics
 * ignored; an entity's other names found too), counts the hits, and moves between them with
 * Enter / Shift+Enter, F3 / Shift+F3 or the arrow buttons; Escape closes it.
 *
 * Properties: `documentId`. Events (bubbling, composed): `find-hits` `{ hits, current }` whenever
 * the hits or the current one change (hits are code point spans of the normalised text, in text
 * order; the shell hands them to the document view, which draws them and scrolls to the current
 * one), `find-close`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { SearchHit } from '../../shared/api/search'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

/** What the shell needs of a hit. */
export interface FindDetail {
  hits: { start: number; end: number }[]
  current: number
}

/** Hits shown in one document at most (all are counted). */
const LIMIT = 5000
/** Pause after typing before searching, in ms. */
const TYPING_MS = 180

@customElement('search-bar')
export class SearchBar extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host {
        position: fixed;
        top: 3.1rem;
        right: 24rem;
        z-index: 20;
        display: flex;
        align-items: center;
        gap: 0.35rem;
        padding: 0.35rem 0.5rem;
        background: #fffdf9;
        border: 1px solid var(--line);
        border-radius: 8px;
        box-shadow: 0 4px 14px rgba(0, 0, 0, 0.12);
      }
      input { width: 16rem; }
      .count { font-size: 0.8rem; color: var(--ink-soft); min-width: 5.5rem; text-align: center; }
      button { padding: 0.2rem 0.5rem; }
    `
  ]

  @property() documentId: string | undefined
  @state() private query = ''
  @state() private current = 0
  @query('input') private input!: HTMLInputElement

  private readonly use = new UseModel(this, ['corpus'])
  private timer: number | undefined
  private lastSent: { hits: unknown; current: number } | undefined

  /** Puts the caret in the search box (and selects what is there). */
  focusInput(): void {
    void this.updateComplete.then(() => {
      this.input?.focus()
      this.input?.select()
    })
  }

  private result() {
    const m = this.use.model
    if (!m || !this.documentId || !this.query.trim()) return undefined
    return m.corpus.get('search', { query: this.query.trim(), documentId: this.documentId, limit: LIMIT, context: 0 })
  }

  /** The document's hits in text order (memoised on the result object). */
  private hitsOf(hits: SearchHit[] | undefined): SearchHit[] {
    if (!hits) return []
    if (this.sortedFor !== hits) {
      this.sortedFor = hits
      this.sorted = [...hits].sort((a, b) => a.start - b.start)
    }
    return this.sorted
  }
  private sortedFor: SearchHit[] | undefined
  private sorted: SearchHit[] = []

  render() {
    const r = this.result()
    const doc = r?.value?.documents.find((d) => d.documentId === this.documentId)
    const hits = this.hitsOf(doc?.hits)
    const count = doc?.count ?? 0
    const status = !this.query.trim() ? '' : r?.error ? 'Error' : r?.loading && !r.value ? 'Searching…' : count === 0 ? 'No hits' : `${this.current + 1} of ${count}`
    return html`
      <input
        type="search"
        aria-label="Find in this document"
        placeholder="Find in document"
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${(e: KeyboardEvent) => this.onKey(e, hits.length)}
      />
      <span class="count" role="status" aria-live="polite" title=${r?.error ?? ''}>${status}</span>
      <button aria-label="Previous hit" ?disabled=${hits.length === 0} @click=${() => this.step(-1, hits.length)}>↑</button>
      <button aria-label="Next hit" ?disabled=${hits.length === 0} @click=${() => this.step(1, hits.length)}>↓</button>
      <button class="quiet" aria-label="Close find" @click=${this.close}>✕</button>
    `
  }

  protected updated(): void {
    const doc = this.result()?.value?.documents.find((d) => d.documentId === this.documentId)
    const hits = this.hitsOf(doc?.hits)
    const current = hits.length ? Math.min(this.current, hits.length - 1) : -1
    if (this.lastSent?.hits === hits && this.lastSent.current === current) return
    this.lastSent = { hits, current }
    this.dispatchEvent(new CustomEvent<FindDetail>('find-hits', { detail: { hits, current }, bubbles: true, composed: true }))
  }

  disconnectedCallback(): void {
    super.disconnectedCallback()
    window.clearTimeout(this.timer)
    this.dispatchEvent(new CustomEvent<FindDetail>('find-hits', { detail: { hits: [], current: -1 }, bubbles: true, composed: true }))
  }

  private onInput(e: Event): void {
    const value = (e.target as HTMLInputElement).value
    window.clearTimeout(this.timer)
    this.timer = window.setTimeout(() => {
      this.query = value
      this.current = 0
    }, TYPING_MS)
  }

  private onKey(e: KeyboardEvent, n: number): void {
    if (e.key === 'Escape') return this.close()
    if (e.key === 'Enter' || e.key === 'F3') {
      e.preventDefault()
      // Enter right after typing: search now rather than after the pause.
      const value = this.input.value
      if (value !== this.query) {
        window.clearTimeout(this.timer)
        this.query = value
        this.current = 0
        return
      }
      this.step(e.shiftKey ? -1 : 1, n)
    }
  }

  private step(by: number, n: number): void {
    if (n === 0) return
    this.current = (this.current + by + n) % n
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('find-close', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-bar': SearchBar
  }
}

/**
 * `<corpus-view>`: the whole project at once, in tabs — Search, Annotations (the table), Verification,
 * Concordance, Timeline, Map, Network, Statistics — under one corpus filter (shown above the
 * tabs that use it). Only the shown tab is in the page, so hidden pictures read nothing. Every
 * hit, row, line, bar, marker and node leads back to its passages (events the shell acts on).
 *
 * Properties: `tab`. Events: `corpus-close` (Escape or the Close button), `tab-change` `{ tab }`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { cache } from 'lit/directives/cache.js'
import { controlStyles } from '../../styles/ui-styles'
import type { CorpusSearch } from './corpus-search'
import { srOnly } from './corpus-styles'
import './corpus-filter-bar'
import './corpus-kwic'
import './corpus-map'
import './corpus-network'
import './corpus-search'
import './corpus-statistics'
import './corpus-table'
import './corpus-timeline'
import './corpus-verification'

export type CorpusTab = 'search' | 'table' | 'verification' | 'kwic' | 'timeline' | 'map' | 'network' | 'statistics'

const TABS: { id: CorpusTab; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'table', label: 'Annotations' },
  { id: 'verification', label: 'Verification' },
  { id: 'kwic', label: 'Concordance' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'map', label: 'Map' },
  { id: 'network', label: 'Network' },
  { id: 'statistics', label: 'Statistics' }
]

@customElement('corpus-view')
export class CorpusView extends LitElement {
  static styles = [controlStyles, srOnly, css`
    :host { display: grid; grid-template-rows: auto auto minmax(0, 1fr); min-height: 0; background: #fbf9f5; }
    .tabs { display: flex; gap: 0.2rem; align-items: center; padding: 0.4rem 0.8rem 0; border-bottom: 1px solid var(--line); }
    [role='tab'] { border: none; border-bottom: 2px solid transparent; border-radius: 0; background: transparent; padding: 0.35rem 0.7rem; }
    [role='tab'][aria-selected='true'] { border-bottom-color: var(--accent); color: var(--accent); font-weight: 600; }
    .tabs [role='tablist'] { display: flex; flex-wrap: wrap; gap: 0.2rem; }
    .tabs .close { margin-left: auto; }
    corpus-filter-bar { padding: 0.5rem 0.8rem 0; }
    section { overflow: auto; padding: 0.6rem 0.8rem; min-height: 0; }
  `]

  @property() tab: CorpusTab = 'search'

  /** Focuses the search box of the Search tab. */
  focusSearch(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<CorpusSearch>('corpus-search')?.focusInput())
  }

  render() {
    return html`
      <div class="tabs">
        <h1 class="sr-only">The whole project: ${TABS.find((t) => t.id === this.tab)?.label}</h1>
        <div role="tablist" aria-label="Corpus views" @keydown=${this.onTabKey}>
          ${TABS.map((t) => html`<button role="tab" id="corpus-tab-${t.id}" aria-controls="corpus-panel" aria-selected=${this.tab === t.id ? 'true' : 'false'}
            tabindex=${this.tab === t.id ? 0 : -1} @click=${() => this.select(t.id)}>${t.label}</button>`)}
        </div>
        <button class="quiet close" @click=${this.close} aria-label="Close the corpus views">✕ Back to the text</button>
      </div>
      ${this.tab === 'search' ? html`<div></div>` : html`<corpus-filter-bar></corpus-filter-bar>`}
      <section role="tabpanel" id="corpus-panel" aria-labelledby="corpus-tab-${this.tab}" @keydown=${this.onKey}>
        ${cache(this.panel())}
      </section>
    `
  }

  private panel() {
    switch (this.tab) {
      case 'search': return html`<corpus-search></corpus-search>`
      case 'table': return html`<corpus-table></corpus-table>`
      case 'verification': return html`<corpus-verification></corpus-verification>`
      case 'kwic': return html`<corpus-kwic></corpus-kwic>`
      case 'timeline': return html`<corpus-timeline></corpus-timeline>`
      case 'map': return html`<corpus-map></corpus-map>`
      case 'network': return html`<corpus-network></corpus-network>`
      case 'statistics': return html`<corpus-statistics></corpus-statistics>`
    }
  }

  private select(tab: CorpusTab): void {
    this.tab = tab
    this.dispatchEvent(new CustomEvent('tab-change', { detail: { tab } }))
  }

  private onTabKey = (e: KeyboardEvent): void => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    e.preventDefault()
    const i = TABS.findIndex((t) => t.id === this.tab)
    this.select(TABS[(i + step + TABS.length) % TABS.length].id)
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#corpus-tab-${this.tab}`)?.focus())
  }

  private onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') this.close()
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('corpus-close', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-view': CorpusView
  }
}

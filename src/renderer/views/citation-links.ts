/**
 * `<citation-links>`: the works a highlight cites, as short labels with their locators
 * (`Zachariadou 1977 · John VII …, pp. 339-342`). Labels come from one shared, change-aware
 * cache of the bibliography, so a long annotation list asks the services once.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call, onChange } from '../api-client'
import type { CitationLink } from '../../shared/model'

let labels: Promise<Map<string, string>> | undefined
onChange((e) => {
  if (e.collections.includes('citations')) labels = undefined
})
/** Labels of the project's items by id (cached until the bibliography changes). */
function citationLabels(): Promise<Map<string, string>> {
  labels ??= call('listCitations', {}).then((list) => new Map(list.map((c) => [c.id, c.label])), () => new Map())
  return labels
}

@customElement('citation-links')
export class CitationLinks extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.8rem; color: #6b6258; margin-top: 0.25rem; }
    ul { margin: 0; padding-left: 1rem; }
  `

  @property({ attribute: false }) links: CitationLink[] = []
  @state() private names = new Map<string, string>()

  protected updated(changed: Map<string, unknown>): void {
    if (changed.has('links')) void citationLabels().then((m) => (this.names = m))
  }

  render() {
    if (!this.links.length) return html``
    return html`<ul aria-label="Cites">
      ${this.links.map((l) => html`<li data-citation-id=${l.citationId}>Cites ${this.names.get(l.citationId) ?? '…'}${l.locator ? html`, <span class="locator">${l.locator}</span>` : ''}</li>`)}
    </ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citation-links': CitationLinks
  }
}

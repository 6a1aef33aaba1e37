/**
 * `<citation-links>`: the works a highlight cites, as short labels with their locators
 * (`Zachariadou 1977 · John VII …, pp. 339-342`). Labels come from the project model's
 * bibliography (no call); the element re-renders when the bibliography changes.
 *
 * When the cited item's source text is in the project (attached to the item, or a document whose
 * record says it is that item) and the link has a locator, "Go to cited page" (`<cited-page-button>`)
 * sends `cited-page-open` `{ documentId, locator }` (bubbling, composed); the shell opens it there.
 *
 * Properties: `links`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { CitationLink } from '../../shared/model'
import { UseModel } from '../model/model-context'

@customElement('citation-links')
export class CitationLinks extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.8rem; color: #6b6258; margin-top: 0.25rem; }
    ul { margin: 0; padding-left: 1rem; }
  `

  @property({ attribute: false }) links: CitationLink[] = []
  private readonly use = new UseModel(this, ['citations', 'documents'])

  render() {
    if (!this.links.length) return html``
    const items = this.use.model?.citations
    return html`<ul aria-label="Cites">
      ${this.links.map((l) => html`<li data-citation-id=${l.citationId}>Cites ${items?.get(l.citationId)?.label ?? '…'}${l.locator ? html`, <span class="locator">${l.locator}</span> <cited-page-button .citationId=${l.citationId} .locator=${l.locator}></cited-page-button>` : ''}</li>`)}
    </ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citation-links': CitationLinks
  }
}

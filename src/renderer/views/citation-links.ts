/**
 * `<citation-links>`: the works a highlight cites, as short labels with their locators
 * (`Zachariadou 1977 · John VII …, pp. 339-342`). Labels come from the project model's
 * bibliography (no call); the element re-renders when the bibliography changes.
 *
 * When the cited item's source text is in the project (attached to the item, or a document whose
 * record says it is that item) and the link has a locator, "Go to cited page" sends
 * `cited-page-open` `{ documentId, locator }` (bubbling, composed); the shell opens it there.
 *
 * Properties: `links`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { CitationLink } from '../../shared/model'
import { sourceDocumentOf } from '../lib/document-locator'
import { UseModel } from '../model/model-context'

@customElement('citation-links')
export class CitationLinks extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.8rem; color: #6b6258; margin-top: 0.25rem; }
    ul { margin: 0; padding-left: 1rem; }
    button.goto { font: inherit; font-size: 0.75rem; border: 1px solid #e3ddd3; border-radius: 5px; background: #fff; padding: 0 0.4rem; cursor: pointer; }
  `

  @property({ attribute: false }) links: CitationLink[] = []
  private readonly use = new UseModel(this, ['citations', 'documents'])

  render() {
    if (!this.links.length) return html``
    const items = this.use.model?.citations
    return html`<ul aria-label="Cites">
      ${this.links.map((l) => html`<li data-citation-id=${l.citationId}>Cites ${items?.get(l.citationId)?.label ?? '…'}${l.locator ? html`, <span class="locator">${l.locator}</span>${this.goTo(l)}` : ''}</li>`)}
    </ul>`
  }

  /** "Go to cited page" when the cited item's source text is in the project. */
  private goTo(l: CitationLink) {
    const m = this.use.model
    const source = m && l.locator ? sourceDocumentOf(l.citationId, m.citations.get(l.citationId)?.sourceDocumentId, m.documents.values()) : undefined
    if (!source || !l.locator) return nothing
    const detail = { documentId: source.id, locator: l.locator }
    return html` <button class="goto" title=${`Open “${source.title}” at ${l.locator}`} aria-label=${`Go to cited page ${l.locator} in ${source.title}`}
      @click=${(e: Event) => { e.stopPropagation(); this.dispatchEvent(new CustomEvent('cited-page-open', { detail, bubbles: true, composed: true })) }}>Go to cited page</button>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citation-links': CitationLinks
  }
}

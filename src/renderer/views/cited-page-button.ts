/**
 * `<cited-page-button>`: "Go to cited page" wherever a citation is shown (annotation cards, the
 * Verify panel, the bibliography's notes). Shown only when the link has a locator (`p. 39`,
 * `fol. 12r`, `ch. LXIV`) and the cited item's source text is in the project (attached to the
 * item, or a document whose record says it is that item: lib/document-locator.ts); otherwise it
 * renders nothing. A click (or Enter / Space) sends `cited-page-open` `{ documentId, locator }`
 * (bubbling, composed); the shell opens the document where the locator falls.
 *
 * Properties: `citationId`, `locator`. Reads the model's bibliography and documents (no call).
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { sourceDocumentOf } from '../lib/document-locator'
import { UseModel } from '../model/model-context'

@customElement('cited-page-button')
export class CitedPageButton extends LitElement {
  static styles = css`
    :host { display: inline; }
    button { font: inherit; font-size: 0.75rem; color: inherit; border: 1px solid #e3ddd3; border-radius: 5px; background: #fff; padding: 0 0.4rem; cursor: pointer; }
    button:hover { background: #f3e7dc; }
    button:focus-visible { outline: 2px solid #2f6fce; outline-offset: 1px; }
  `

  @property() citationId: string | undefined
  @property() locator: string | undefined
  private readonly use = new UseModel(this, ['citations', 'documents'])

  render() {
    const m = this.use.model
    const { citationId, locator } = this
    if (!m || !citationId || !locator?.trim()) return nothing
    const source = sourceDocumentOf(citationId, m.citations.get(citationId)?.sourceDocumentId, m.documents.values())
    if (!source) return nothing
    const detail = { documentId: source.id, locator }
    return html`<button class="goto" title=${`Open “${source.title}” at ${locator}`} aria-label=${`Go to cited page ${locator} in ${source.title}`}
      @click=${(e: Event) => {
        // Inside a clickable row (a note that selects its passage): this click is the button's only.
        e.stopPropagation()
        this.dispatchEvent(new CustomEvent('cited-page-open', { detail, bubbles: true, composed: true }))
      }}>Go to cited page</button>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cited-page-button': CitedPageButton
  }
}

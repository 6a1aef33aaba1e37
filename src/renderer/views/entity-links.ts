/**
 * `<entity-links>`: the entities a highlight is linked to, on its card: each name with its type
 * (`Person · John VII Palaiologos`), so a list of highlights says who and what they are about.
 * Names come from the project model's entity list (no call); the element re-renders when
 * entities change. An id whose entity is gone shows as "(removed entity)".
 *
 * Properties: `ids`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { UseModel } from '../model/model-context'

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

@customElement('entity-links')
export class EntityLinks extends LitElement {
  static styles = css`
    :host { display: block; font-size: 0.8rem; color: #574f47; margin-top: 0.3rem; }
    ul { display: flex; flex-wrap: wrap; gap: 0.25rem 0.6rem; margin: 0; padding: 0; list-style: none; }
    .type { color: #6b6258; text-transform: uppercase; letter-spacing: 0.04em; font-size: 0.7rem; }
    .name { font-weight: 600; color: #2b2722; }
  `

  @property({ attribute: false }) ids: string[] = []
  private readonly use = new UseModel(this, ['entities'])

  render() {
    if (!this.ids.length) return html``
    const entities = this.use.model?.entities
    return html`<ul aria-label="Linked entities">
      ${this.ids.map((id) => {
        const e = entities?.get(id)
        return html`<li data-entity-id=${id}>${e
          ? html`<span class="type">${capitalised(e.type)}</span> <span class="name">${e.label}</span>`
          : html`<span class="type">(removed entity)</span>`}</li>`
      })}
    </ul>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'entity-links': EntityLinks
  }
}

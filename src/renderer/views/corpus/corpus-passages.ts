/**
 * `<corpus-passages>`: the passages behind a picture's item (a timeline bar, a map marker, a
 * network node or edge, a chart's bar): the annotations `annotationIds`, read as table rows through
 * the model, each a button that opens its passage in the document view.
 *
 * Properties: `heading`, `annotationIds`. Events: `annotation-select` (see corpus-events.ts).
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { openAnnotation } from './corpus-events'
import { corpusStyles } from './corpus-styles'

/** Most passages listed (the count says how many there are). */
const SHOWN = 200

@customElement('corpus-passages')
export class CorpusPassages extends LitElement {
  static styles = [controlStyles, corpusStyles]

  @property() heading = ''
  @property({ attribute: false }) annotationIds: string[] = []

  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m || !this.heading) return html`<p class="muted">Choose an item to list the passages behind it.</p>`
    const r = this.annotationIds.length ? m.corpus.get('annotationTable', { filter: { annotationIds: this.annotationIds }, limit: SHOWN }) : undefined
    const rows = r?.value?.rows ?? []
    return html`
      <h2>${this.heading}</h2>
      <p class="muted">${this.annotationIds.length} passage${this.annotationIds.length === 1 ? '' : 's'}</p>
      ${r?.error ? html`<p class="error">${r.error}</p>` : nothing}
      <ul class="plain" aria-label=${`Passages behind ${this.heading}`}>
        ${rows.map(
          (row) => html`<li>
            <button class="passage" data-annotation-id=${row.id} @click=${() => openAnnotation(this, row.id, row.documentId)}>
              <span class="muted">${row.documentTitle}:</span> …${row.prefix.slice(-30)}<mark>${row.exact}</mark>${row.suffix.slice(0, 30)}…
            </button>
          </li>`
        )}
      </ul>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-passages': CorpusPassages
  }
}

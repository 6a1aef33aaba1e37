/**
 * `<corpus-filter-bar>`: the one corpus filter (model.corpus.filter) as controls over its facets —
 * document, tag, entity, entity type, citation, verdict (each with the number of annotations it
 * would give), words — and as chips of what is chosen, each removable. The table, the overview,
 * the pictures and the document view's highlights all follow it.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import type { AnnotationFilter, FacetField } from '../../../shared/api/corpus'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { corpusStyles } from './corpus-styles'

/** The facets offered as selects, with their names. */
const FIELDS: { field: FacetField; label: string }[] = [
  { field: 'documentIds', label: 'Document' },
  { field: 'tags', label: 'Tag' },
  { field: 'entityIds', label: 'Entity' },
  { field: 'entityTypes', label: 'Entity type' },
  { field: 'citationIds', label: 'Citation' },
  { field: 'verdicts', label: 'Verdict' }
]

@customElement('corpus-filter-bar')
export class CorpusFilterBar extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    .chips { display: flex; flex-wrap: wrap; gap: 0.3rem; align-items: center; }
    .chip button { border: none; background: transparent; padding: 0 0.2rem; }
  `]

  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const filter = m.corpus.filter
    const facets = m.corpus.get('annotationTable', { filter, limit: 0 }).value?.facets
    const chips = FIELDS.flatMap(({ field, label }) =>
      (filter[field] ?? []).map((value) => ({ field, value, text: `${label}: ${facets?.[field].find((f) => f.value === value)?.label ?? value}` }))
    )
    if (filter.annotationIds?.length) chips.push({ field: 'annotationIds' as FacetField, value: '', text: `${filter.annotationIds.length} chosen passages` })
    return html`
      <div class="bar" role="group" aria-label="Filter annotations">
        ${FIELDS.map(
          ({ field, label }) => html`<select aria-label=${`Filter by ${label.toLowerCase()}`} data-field=${field} @change=${(e: Event) => this.choose(field, e)}>
            <option value="">${label}: any</option>
            ${(facets?.[field] ?? []).map((f) => html`<option value=${f.value} ?selected=${filter[field]?.includes(f.value as never) ?? false}>${f.label} (${f.count})</option>`)}
          </select>`
        )}
        <input type="search" aria-label="Filter by words" placeholder="Words in quote, note, tags, entities" .value=${filter.text ?? ''} @change=${(e: Event) => this.set({ text: (e.target as HTMLInputElement).value })} />
      </div>
      ${chips.length
        ? html`<div class="chips bar">
            ${chips.map((c) => html`<span class="chip">${c.text}<button aria-label=${`Remove ${c.text}`} @click=${() => this.removeValue(c.field, c.value)}>✕</button></span>`)}
            <button class="quiet" @click=${() => m.corpus.setFilter({})}>Clear filter</button>
          </div>`
        : nothing}
    `
  }

  private choose(field: FacetField, e: Event): void {
    const value = (e.target as HTMLSelectElement).value
    this.set({ [field]: value ? [value] : [] })
  }

  private removeValue(field: FacetField | 'annotationIds', value: string): void {
    const f = this.use.model!.corpus.filter
    if (field === 'annotationIds') return this.set({ annotationIds: [] })
    this.set({ [field]: ((f[field] ?? []) as string[]).filter((v) => v !== value) })
  }

  private set(change: Partial<AnnotationFilter>): void {
    const m = this.use.model!
    m.corpus.setFilter({ ...m.corpus.filter, ...change })
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-filter-bar': CorpusFilterBar
  }
}

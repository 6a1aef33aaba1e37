/**
 * `<relation-editor>`: adds a relation between an entity and another entity or a highlight of the
 * open document (direction, predicate from the vocabulary — a new one extends it — and the other
 * end). Highlights are offered with where they are (page or paragraph) and a few words of context,
 * so two highlights of the same words can be told apart.
 *
 * Properties: `entityId`. Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { reportError } from '../lib/errors'
import { highlightChoiceLabel } from '../lib/highlight-place'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

/** At most this many highlights of the open document are offered as the other end of a relation. */
const PASSAGE_CHOICES = 2000

@customElement('relation-editor')
export class RelationEditor extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; }
      .add { display: flex; gap: 0.3rem; flex-wrap: wrap; align-items: center; margin: 0.3rem 0; }
      .add input, .add select { min-width: 0; flex: 1; }
      .add select.other { flex-basis: 100%; max-width: 100%; }
    `
  ]

  @property() entityId: string | undefined
  @state() private predicate = ''
  @state() private other = ''
  @state() private outgoing = true
  private readonly use = new UseModel(this, ['entities', 'predicates', 'annotations', 'document'])

  render() {
    const m = this.use.model
    const e = this.entityId ? m?.entities.get(this.entityId) : undefined
    if (!m || !e) return nothing
    const predicates = m.selections.predicates()
    const others = m.selections.entityList().filter((o) => o.id !== e.id)
    const passages = (m.open?.annotations.all ?? []).slice(0, PASSAGE_CHOICES)
    const structure = m.open?.doc.structure ?? []
    return html`<div class="add" role="group" aria-label="Add a relation">
      <select aria-label="Direction" @change=${(ev: Event) => (this.outgoing = (ev.target as HTMLSelectElement).value === 'out')}>
        <option value="out">${e.label} is…</option><option value="in">…is this of ${e.label}</option>
      </select>
      <input list="predicates" aria-label="Predicate" placeholder="son of, ruled…" .value=${this.predicate}
        @input=${(ev: Event) => (this.predicate = (ev.target as HTMLInputElement).value)} />
      <datalist id="predicates">${predicates.map((p) => html`<option value=${p.id}></option>`)}</datalist>
      <select class="other" aria-label="Other entity or highlight" .value=${this.other} @change=${(ev: Event) => (this.other = (ev.target as HTMLSelectElement).value)}>
        <option value="">entity or highlight…</option>
        <optgroup label="Entities">${others.map((o) => html`<option value=${o.id}>${o.label} (${o.type})</option>`)}</optgroup>
        ${passages.length
          ? html`<optgroup label=${`Highlights in “${m.open?.doc.title ?? 'this document'}”`}>${passages.map((p) => {
              const label = highlightChoiceLabel(p, structure)
              return html`<option value=${p.id} title=${label}>${label}</option>`
            })}</optgroup>`
          : nothing}
      </select>
      <button type="button" ?disabled=${!this.predicate.trim() || !this.other} @click=${this.addRelation}>Relate</button>
    </div>`
  }

  private async addRelation(): Promise<void> {
    const { predicate, other } = this
    const [subject, object] = this.outgoing ? [this.entityId!, other] : [other, this.entityId!]
    // The form is cleared now, not when the write returns: its change event may show the relation
    // first, and the historian may already be typing the next one.
    this.predicate = ''
    this.other = ''
    try {
      await this.use.model!.mutate('createRelation', { subject, predicate, object })
    } catch (err) {
      ;[this.predicate, this.other] = [predicate, other]
      reportError(this, 'Could not add the relation', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'relation-editor': RelationEditor
  }
}

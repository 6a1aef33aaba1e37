/**
 * `<entity-picker>`: link a passage to an entity, or create one. Type-ahead over labels and
 * aliases (accent- and case-insensitive, via `searchEntities`); the last option creates a new
 * entity from what was typed, with a type and optionally a Wikidata id.
 *
 * - In a form (no `annotation`): `value` is the list of chosen entity ids; the selection
 *   popover puts them in the new highlight's `entityIds`.
 * - On an existing highlight (`annotation` set): choosing links the entity to that annotation
 *   at once; its current links are shown with a button to remove each.
 * Writes (`createEntity`, `updateAnnotation`) go through the model from context.
 *
 * Properties: `quote` (the passage; proposed as the new entity's label), `annotation`.
 * Events (bubbling, composed): `entity-linked` `{ entityId, created }`, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { EntityMatch } from '../../shared/api/entities'
import { isEdtf } from '../../shared/entities/edtf'
import type { Annotation, Entity, EntityType } from '../../shared/model'
import { ENTITY_TYPES } from '../../shared/model'
import { entityTypeColour } from '../lib/colours'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

@customElement('entity-picker')
export class EntityPicker extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; }
      label { font-size: 0.78rem; color: var(--ink-soft); }
      .row { display: flex; gap: 0.35rem; align-items: center; flex-wrap: wrap; }
      input.q { flex: 1; min-width: 8rem; }
      ul { list-style: none; margin: 0.2rem 0 0; padding: 0; max-height: 10rem; overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
      li { padding: 0.2rem 0.4rem; cursor: pointer; font-size: 0.85rem; display: flex; gap: 0.4rem; align-items: baseline; }
      li[aria-selected='true'], li:hover { background: var(--accent-soft); }
      .type { font-size: 0.7rem; color: var(--ink-soft); }
      .dot { width: 0.6rem; height: 0.6rem; border-radius: 50%; display: inline-block; flex: none; }
      .chips { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-top: 0.25rem; }
      .chip { font-size: 0.78rem; border: 1px solid var(--line); border-radius: 999px; padding: 0 0.2rem 0 0.45rem; display: inline-flex; gap: 0.3rem; align-items: center; background: #fff; }
      .chip button { border: none; padding: 0 0.25rem; background: transparent; }
      .create { margin-top: 0.3rem; display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 0.4rem; align-items: center; font-size: 0.82rem; }
      .create .actions { grid-column: 1 / -1; display: flex; justify-content: flex-end; gap: 0.3rem; }
    `
  ]

  /** The passage, proposed as the label of a new entity. */
  @property() quote = ''
  /** When set, choosing links to this existing annotation at once. */
  @property({ attribute: false }) annotation: Annotation | undefined

  @state() private query = ''
  @state() private results: EntityMatch[] = []
  @state() private open = false
  @state() private active = 0
  @state() private chosen: Entity[] = []
  @state() private creating = false
  @state() private newType: EntityType = 'person'
  @state() private newWikidata = ''
  private readonly use = new UseModel(this, ['entities'])

  /** Entity ids chosen in form mode. */
  get value(): string[] {
    return this.chosen.map((e) => e.id)
  }

  /** Clears the choice. */
  reset(): void {
    this.chosen = []
    this.query = ''
    this.open = false
    this.creating = false
    this.newWikidata = ''
  }

  private search(query: string): void {
    this.results = this.use.model?.selections.searchEntities(query, 12) ?? []
    this.active = 0
  }

  render() {
    const entities = this.use.model?.entities
    const linked = this.annotation ? this.annotation.entityIds.map((id) => entities?.get(id)).filter((e): e is NonNullable<typeof e> => !!e) : this.chosen
    const typed = (this.query || '').trim()
    return html`
      <label for="q">Entity</label>
      <div class="row">
        <input id="q" class="q" role="combobox" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="entities" autocomplete="off"
          placeholder="Link to a person, place, date…" .value=${this.query}
          @focus=${this.onFocus}
          @input=${(e: Event) => { this.query = (e.target as HTMLInputElement).value; this.open = true; this.search(this.query) }}
          @keydown=${this.onKey} />
      </div>
      ${this.open && !this.creating
        ? html`<ul id="entities" role="listbox" aria-label="Entities">
            ${this.results.map((m, i) => html`<li role="option" aria-selected=${i === this.active ? 'true' : 'false'} data-entity-id=${m.entity.id}
                @mousedown=${(e: Event) => { e.preventDefault(); void this.choose(m.entity, false) }}>
                <span class="dot" style="background:${entityTypeColour(m.entity.type)}"></span>
                <span>${m.entity.label}</span>
                ${m.matched !== m.entity.label ? html`<span class="type">(${m.matched})</span>` : nothing}
                <span class="type">${m.entity.type}</span></li>`)}
            ${typed || this.quote
              ? html`<li role="option" class="new" aria-selected=${this.active === this.results.length ? 'true' : 'false'}
                  @mousedown=${(e: Event) => { e.preventDefault(); this.startCreate() }}>+ New entity “${typed || this.quote}”…</li>`
              : nothing}
          </ul>`
        : nothing}
      ${this.creating ? this.renderCreate(typed || this.quote) : nothing}
      ${linked.length
        ? html`<div class="chips" aria-label="Linked entities">${linked.map((e) => html`<span class="chip" data-entity-id=${e.id}>
            <span class="dot" style="background:${entityTypeColour(e.type)}"></span>${e.label}
            <button type="button" aria-label="Unlink ${e.label}" @click=${() => this.unlink(e.id)}>×</button></span>`)}</div>`
        : nothing}
    `
  }

  private renderCreate(label: string) {
    return html`<div class="create" role="group" aria-label="New entity">
      <span>Label</span><strong>${label}</strong>
      <label for="new-type">Type</label>
      <select id="new-type" .value=${this.newType} @change=${(e: Event) => (this.newType = (e.target as HTMLSelectElement).value as EntityType)}>
        ${ENTITY_TYPES.map((t) => html`<option value=${t} ?selected=${t === this.newType}>${t}</option>`)}
      </select>
      <label for="new-wikidata">Wikidata</label>
      <input id="new-wikidata" placeholder="Q-id, optional" .value=${this.newWikidata}
        @input=${(e: Event) => (this.newWikidata = (e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); e.stopPropagation(); void this.create(label) } }} />
      <div class="actions">
        <button type="button" class="quiet" @click=${() => (this.creating = false)}>Cancel</button>
        <button type="button" class="primary" @click=${() => this.create(label)}>Create and link</button>
      </div>
    </div>`
  }

  /** An option was moved to with the arrows (Enter then picks it even with nothing typed; else Enter submits the form). */
  private navigated = false

  private onFocus(): void {
    this.navigated = false
    this.open = true
    this.search(this.query)
  }

  private startCreate(): void {
    this.creating = true
    this.open = false
    // Keyboard: on to the new entity's type (the field typed in stays for the label).
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#new-type')?.focus())
  }

  private onKey(e: KeyboardEvent): void {
    const options = this.results.length + 1
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      this.navigated = true
      this.open = true
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : options - 1)) % options
    } else if (e.key === 'Escape' && (this.open || this.creating)) {
      e.stopPropagation()
      this.open = false
      this.creating = false
    } else if (e.key === 'Enter' && this.open && (this.query.trim() || this.navigated)) {
      // Enter picks the highlighted option here instead of submitting the surrounding form.
      e.preventDefault()
      e.stopPropagation()
      const m = this.results[this.active]
      if (m) void this.choose(m.entity, false)
      else this.startCreate()
    }
  }

  private async create(label: string): Promise<void> {
    const wikidata = this.newWikidata.trim()
    try {
      const entity = await this.use.model!.mutate('createEntity', {
        type: this.newType,
        label,
        authorities: wikidata ? [{ scheme: 'wikidata', id: wikidata }] : [],
        // A date typed in EDTF (`1390`, `1400~`) is also stored as the date entity's value.
        dates: this.newType === 'date' && isEdtf(label) ? { date: label } : {}
      })
      await this.choose(entity, true)
    } catch (err) {
      reportError(this, 'Could not create the entity', err)
    }
  }

  private async choose(entity: Entity, created: boolean): Promise<void> {
    this.open = false
    this.creating = false
    this.query = ''
    this.newWikidata = ''
    if (this.annotation) {
      try {
        await this.use.model!.mutate('updateAnnotation', { id: this.annotation.id, entityIds: [...new Set([...this.annotation.entityIds, entity.id])] })
      } catch (err) {
        return reportError(this, 'Could not link the entity', err)
      }
    } else if (!this.chosen.some((e) => e.id === entity.id)) {
      this.chosen = [...this.chosen, entity]
    }
    this.dispatchEvent(new CustomEvent('entity-linked', { detail: { entityId: entity.id, created }, bubbles: true, composed: true }))
    // Focus stays in the picker (the create form it may have been in is gone).
    if (created) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#q')?.focus())
  }

  private async unlink(id: string): Promise<void> {
    if (!this.annotation) {
      this.chosen = this.chosen.filter((e) => e.id !== id)
      return
    }
    try {
      await this.use.model!.mutate('updateAnnotation', { id: this.annotation.id, entityIds: this.annotation.entityIds.filter((e) => e !== id) })
    } catch (err) {
      reportError(this, 'Could not unlink the entity', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'entity-picker': EntityPicker
  }
}

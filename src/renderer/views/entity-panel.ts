/**
 * `<entity-panel>`: the Entities tab. The project's entities by type with their mention counts
 * (filter by name, accent-insensitive); selecting one shows `<entity-detail>` (every mention in
 * every document, relations, edit/merge/delete). "New entity" opens `<entity-editor>`. Below,
 * `<entity-suggestions>` lists candidate mentions in the open document.
 *
 * The list is the project model's (counts kept current from change events, no call per edit).
 *
 * Properties (set by the shell): `documentId`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { foldKey } from '../../shared/text/fold'
import { ENTITY_TYPES } from '../../shared/model'
import { cssVars } from '../dom/css-vars'
import { entityTypeColour } from '../lib/colours'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

@customElement('entity-panel')
export class EntityPanel extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; font-size: 0.87rem; }
      .bar { display: flex; gap: 0.4rem; align-items: center; margin: 0.2rem 0 0.4rem; }
      .bar input { flex: 1; min-width: 0; }
      h3 { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--ink-soft); margin: 0.6rem 0 0.15rem; }
      ul { list-style: none; padding: 0; margin: 0; }
      li.entity { display: flex; gap: 0.4rem; align-items: center; padding: 0.15rem 0.3rem; border-radius: 4px; cursor: pointer; }
      li.entity:hover, li.entity:focus { background: var(--accent-soft); outline: none; }
      li.entity[aria-selected='true'] { background: var(--accent-soft); font-weight: 600; }
      .dot { width: 0.6rem; height: 0.6rem; border-radius: 50%; flex: none; }
      .count { margin-left: auto; font-size: 0.75rem; color: var(--ink-soft); }
      section { border-top: 1px solid var(--line); margin-top: 0.6rem; padding-top: 0.4rem; }
      h2 { font-size: 0.9rem; margin: 0.2rem 0; }
    `
  ]

  /** The open document (for suggestions). */
  @property() documentId: string | undefined
  @state() private selectedId: string | undefined
  @state() private filter = ''
  @state() private creating = false
  private readonly use = new UseModel(this, ['entities'])

  render() {
    const entities = this.use.model?.selections.entityList() ?? []
    // An entity deleted (here, by undo or elsewhere) is no longer selected.
    const selectedId = this.selectedId && this.use.model?.entities.has(this.selectedId) ? this.selectedId : undefined
    const q = foldKey(this.filter)
    const shown = entities.filter((e) => !q || [e.label, ...e.aliases].some((n) => foldKey(n).includes(q)))
    return html`
      <h2>Entities</h2>
      <div class="bar">
        <input type="search" aria-label="Filter entities" placeholder="Filter by name…" .value=${this.filter}
          @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />
        <button type="button" @click=${() => (this.creating = true)}>New entity</button>
      </div>
      ${this.creating
        ? html`<entity-editor @editor-close=${(e: CustomEvent<{ id?: string }>) => { this.creating = false; if (e.detail.id) this.selectedId = e.detail.id }}></entity-editor>`
        : nothing}
      ${entities.length === 0 ? html`<p class="count">No entities yet: link a highlight, or accept a suggestion below.</p>` : nothing}
      ${ENTITY_TYPES.map((type) => {
        const group = shown.filter((e) => e.type === type)
        if (!group.length) return nothing
        return html`<h3>${type} (${group.length})</h3>
          <ul role="listbox" aria-label=${`${type} entities`}>${group.map((e) => html`
            <li class="entity" role="option" tabindex="0" data-entity-id=${e.id} aria-selected=${e.id === selectedId ? 'true' : 'false'}
              @click=${() => (this.selectedId = e.id)} @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && (this.selectedId = e.id)}>
              <span class="dot" ${cssVars({ background: entityTypeColour(e.type) })}></span>
              <span class="label">${e.label}</span>
              <span class="count" title="mentions in ${e.documentCount} document(s)">${e.mentionCount}</span>
            </li>`)}</ul>`
      })}
      ${selectedId
        ? html`<section aria-label="Entity"><entity-detail .entityId=${selectedId} @entity-deleted=${() => (this.selectedId = undefined)}></entity-detail></section>`
        : nothing}
      <section aria-label="Suggestions">
        <h2>Suggestions</h2>
        <entity-suggestions .documentId=${this.documentId}></entity-suggestions>
      </section>
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'entity-panel': EntityPanel
  }
}

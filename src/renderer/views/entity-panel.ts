/**
 * `<entity-panel>`: the Entities tab. The project's entities by type with their mention counts
 * (filter by name, accent-insensitive); selecting one shows `<entity-detail>` (every mention in
 * every document, relations, edit/merge/delete). "New entity" opens `<entity-editor>`. Below,
 * `<entity-suggestions>` lists candidate mentions in the open document.
 *
 * Properties (set by the shell): `documentId`, `selectedAnnotationId`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call } from '../api-client'
import { ChangeSubscription } from '../lib/change-subscription'
import type { EntitySummary } from '../../shared/api/entities'
import { solidColour } from '../../shared/entities/colours'
import { foldKey } from '../../shared/entities/fold'
import { ENTITY_TYPES } from '../../shared/model'
import { reportError } from '../lib/errors'
import { controlStyles } from '../lib/ui-styles'

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
  @property() selectedAnnotationId: string | undefined
  @state() private entities: EntitySummary[] = []
  @state() private selectedId: string | undefined
  @state() private filter = ''
  @state() private creating = false
  /** Re-reads the entities on every change and on (re)connection. */
  protected readonly changes = new ChangeSubscription(this, () => void this.load(), () => void this.load())

  private async load(): Promise<void> {
    try {
      this.entities = await call('listEntities', {})
      if (this.selectedId && !this.entities.some((e) => e.id === this.selectedId)) this.selectedId = undefined
    } catch (err) {
      reportError(this, 'Could not read the entities', err)
    }
  }

  render() {
    const q = foldKey(this.filter)
    const shown = this.entities.filter((e) => !q || [e.label, ...e.aliases].some((n) => foldKey(n).includes(q)))
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
      ${this.entities.length === 0 ? html`<p class="count">No entities yet: link a highlight, or accept a suggestion below.</p>` : nothing}
      ${ENTITY_TYPES.map((type) => {
        const group = shown.filter((e) => e.type === type)
        if (!group.length) return nothing
        return html`<h3>${type} (${group.length})</h3>
          <ul role="listbox" aria-label=${`${type} entities`}>${group.map((e) => html`
            <li class="entity" role="option" tabindex="0" data-entity-id=${e.id} aria-selected=${e.id === this.selectedId ? 'true' : 'false'}
              @click=${() => (this.selectedId = e.id)} @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && (this.selectedId = e.id)}>
              <span class="dot" style="background:${solidColour(e.type)}"></span>
              <span class="label">${e.label}</span>
              <span class="count" title="mentions in ${e.documentCount} document(s)">${e.mentionCount}</span>
            </li>`)}</ul>`
      })}
      ${this.selectedId
        ? html`<section aria-label="Entity"><entity-detail .entityId=${this.selectedId} @entity-deleted=${() => (this.selectedId = undefined)}></entity-detail></section>`
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

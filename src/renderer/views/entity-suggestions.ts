/**
 * `<entity-suggestions>`: the candidate mentions of the open document that the historian has not
 * annotated yet: other occurrences of known entities, names found by NLP, and dates with their
 * EDTF value. Each can be accepted, rejected (remembered), or retyped before accepting; "Link all"
 * links every occurrence of one known entity in one undoable edit. Nothing is created until the
 * historian clicks. Finding names reads the whole text (seconds on a book), so it runs as a job on
 * request ("Find suggestions", with progress and Cancel); after that the model keeps the list
 * current: accepting, rejecting or linking removes what it dealt with and adds the other
 * occurrences of a new entity's name, without running the search again (model/suggestion-lists.ts).
 *
 * Properties: `documentId`. Events (bubbling, composed): `annotation-select` `{ id }` after an
 * accept, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Suggestion } from '../../shared/api/entities'
import { formatEdtf } from '../../shared/entities/edtf'
import type { EntityType, RejectedSuggestion } from '../../shared/model'
import { ENTITY_TYPES } from '../../shared/model'
import { cssVars } from '../dom/css-vars'
import { entityTypeColour } from '../lib/colours'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

const key = (s: Suggestion): string => `${s.start}:${s.end}`
/** Suggestions rendered at once; the rest are counted (a book has thousands). */
const SHOWN = 300

@customElement('entity-suggestions')
export class EntitySuggestions extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; font-size: 0.85rem; }
      .bar { display: flex; gap: 0.4rem; align-items: center; margin-bottom: 0.3rem; }
      .bar .count { margin-right: auto; color: var(--ink-soft); }
      ul { list-style: none; padding: 0; margin: 0; max-height: 22rem; overflow: auto; }
      li { display: grid; grid-template-columns: 0.6rem 1fr auto; gap: 0.2rem 0.4rem; align-items: center; padding: 0.25rem 0; border-bottom: 1px solid var(--line); }
      .dot { width: 0.6rem; height: 0.6rem; border-radius: 50%; }
      .exact { font-weight: 600; }
      .meta { grid-column: 2 / -1; display: flex; gap: 0.3rem; align-items: center; flex-wrap: wrap; color: var(--ink-soft); font-size: 0.78rem; }
      .tools { display: flex; gap: 0.2rem; }
      .tools button, .meta button { padding: 0.1rem 0.4rem; font-size: 0.78rem; }
      select { font-size: 0.78rem; }
    `
  ]

  @property() documentId: string | undefined
  @state() private retyped = new Map<string, EntityType>()
  @state() private filter: 'all' | EntityType = 'all'
  private readonly use = new UseModel(this, ['suggestions', 'entities', 'reads'])

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('documentId')) this.retyped = new Map()
  }

  render() {
    const m = this.use.model
    if (!this.documentId || !m) return html`<p>Open a document to see suggestions.</p>`
    const list = m.suggestions.of(this.documentId)
    if (list.status === 'idle') {
      return html`<button type="button" class="primary find" @click=${() => m.suggestions.start(this.documentId!)}>Find suggestions</button>
        <p class="hint">People, places and dates not yet linked; other mentions of known entities.</p>`
    }
    const loading = list.status === 'running'
    const rejected = m.reads.rejected.of(this.documentId).get().value ?? []
    const shown = list.items.filter((s) => this.filter === 'all' || this.typeOf(s) === this.filter)
    return html`
      <div class="bar">
        <span class="count" aria-live="polite">${loading
          ? `Looking for mentions… ${Math.round(list.progress * 100)}%`
          : list.status === 'failed' ? `Could not find suggestions: ${list.error}` : `${list.items.length} suggestions`}</span>
        ${loading ? html`<button type="button" class="cancel" @click=${() => m.suggestions.cancel()}>Cancel</button>` : nothing}
        <select aria-label="Show" .value=${this.filter} @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value as typeof this.filter)}>
          <option value="all">all types</option>
          ${ENTITY_TYPES.map((t) => html`<option value=${t}>${t}</option>`)}
        </select>
        <button type="button" @click=${() => m.suggestions.start(this.documentId!)} ?disabled=${loading}>Refresh</button>
      </div>
      <ul aria-label="Suggestions">${shown.slice(0, SHOWN).map((s) => this.renderItem(s, list.items))}</ul>
      ${shown.length > SHOWN ? html`<p>Showing the first ${SHOWN} of ${shown.length}.</p>` : nothing}
      ${rejected.length
        ? html`<details class="rejected"><summary>Rejected (${rejected.length})</summary><ul aria-label="Rejected suggestions">
            ${rejected.map((r) => html`<li class="rejection"><span></span><span>${r.exact}</span>
              <span class="tools"><button type="button" class="quiet" @click=${() => this.restore(r)}>Restore</button></span></li>`)}
          </ul></details>`
        : nothing}
    `
  }

  private renderItem(s: Suggestion, all: readonly Suggestion[]) {
    const type = this.typeOf(s)
    const known = s.entityId ? this.use.model?.entities.get(s.entityId) : undefined
    const sameEntity = s.entityId ? all.filter((x) => x.entityId === s.entityId && x.source === 'alias').length : 0
    return html`<li class="suggestion" data-start=${s.start} data-end=${s.end} data-source=${s.source}>
      <span class="dot" ${cssVars({ background: entityTypeColour(type) })}></span>
      <span class="exact">${s.exact}</span>
      <span class="tools">
        <button type="button" class="accept" @click=${() => this.accept(s)} title="Highlight and link">Accept</button>
        <button type="button" class="reject quiet" @click=${() => this.reject(s)} title="Do not suggest this again">Reject</button>
      </span>
      <span class="meta">
        <select aria-label="Type of “${s.exact}”" .value=${type} @change=${(e: Event) => this.retype(s, (e.target as HTMLSelectElement).value as EntityType)}>
          ${ENTITY_TYPES.map((t) => html`<option value=${t} ?selected=${t === type}>${t}</option>`)}
        </select>
        <span>${s.source}</span>
        ${s.edtf ? html`<span title=${`EDTF ${s.edtf}`}>${formatEdtf(s.edtf)} · <code>${s.edtf}</code></span>` : nothing}
        ${known && type === s.type ? html`<span>→ ${known.label}</span>` : nothing}
        ${s.source === 'alias' && s.entityId && type === s.type
          ? html`<button type="button" class="link-all" @click=${() => this.linkAll(s.entityId!)}>Link all (${sameEntity})</button>`
          : nothing}
      </span>
    </li>`
  }

  private typeOf(s: Suggestion): EntityType {
    return this.retyped.get(key(s)) ?? s.type
  }

  private retype(s: Suggestion, type: EntityType): void {
    this.retyped = new Map(this.retyped).set(key(s), type)
  }

  private async accept(s: Suggestion): Promise<void> {
    const m = this.use.model!
    const type = this.typeOf(s)
    try {
      // A retyped suggestion is not the known entity of the old type any more.
      const entityId = type === s.type ? s.entityId : undefined
      const result = await m.mutate('acceptSuggestion', { documentId: this.documentId!, start: s.start, end: s.end, type, entityId, edtf: type === 'date' ? s.edtf : undefined })
      m.suggestions.remove((x) => x.start === s.start && x.end === s.end)
      this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: result.annotation.id, reveal: false }, bubbles: true, composed: true }))
    } catch (err) {
      reportError(this, `Could not accept “${s.exact}”`, err)
    }
  }

  private async reject(s: Suggestion): Promise<void> {
    try {
      await this.use.model!.mutate('rejectSuggestion', { documentId: this.documentId!, start: s.start, end: s.end })
    } catch (err) {
      reportError(this, `Could not reject “${s.exact}”`, err)
    }
  }

  private async restore(r: RejectedSuggestion): Promise<void> {
    try {
      await this.use.model!.mutate('restoreSuggestion', { id: r.id })
    } catch (err) {
      reportError(this, `Could not restore “${r.exact}”`, err)
    }
  }

  private async linkAll(entityId: string): Promise<void> {
    const m = this.use.model!
    try {
      await m.mutate('linkAll', { entityId, documentId: this.documentId! })
      m.suggestions.remove((x) => x.entityId === entityId && x.source === 'alias')
    } catch (err) {
      reportError(this, 'Could not link every occurrence', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'entity-suggestions': EntitySuggestions
  }
}

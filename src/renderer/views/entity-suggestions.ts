/**
 * `<entity-suggestions>`: the candidate mentions of the open document that the historian has not
 * annotated yet (`suggestMentions`): other occurrences of known entities, names found by NLP, and
 * dates with their EDTF value. Each can be accepted, rejected (remembered), or retyped before
 * accepting; "Link all" links every occurrence of one known entity in one undoable edit.
 * Nothing is created until the historian clicks. Finding names runs NLP over the whole text
 * (seconds on a book), so it starts on request ("Find suggestions") for each document; after
 * that the list follows every change (accepts, highlights elsewhere, undo).
 *
 * Properties: `documentId`. Events (bubbling, composed): `annotation-select` `{ id }` after an
 * accept, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call, onChange } from '../api-client'
import type { Suggestion } from '../../shared/api/entities'
import { solidColour } from '../../shared/entities/colours'
import { formatEdtf } from '../../shared/entities/edtf'
import type { Entity, EntityType, RejectedSuggestion } from '../../shared/model'
import { ENTITY_TYPES } from '../../shared/model'
import { reportError } from '../lib/errors'
import { controlStyles } from '../lib/ui-styles'

const key = (s: Suggestion): string => `${s.start}:${s.end}`
/** How often a running suggestion job is polled, in ms. */
const POLL_MS = 200

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
  @state() private suggestions: Suggestion[] = []
  @state() private entities = new Map<string, Entity>()
  @state() private rejected: RejectedSuggestion[] = []
  @state() private retyped = new Map<string, EntityType>()
  @state() private loading = false
  /** Share of the text read by the running job, 0–1. */
  @state() private progress = 0
  private jobId: string | undefined
  /** True once the historian asked for this document's suggestions. */
  @state() private active = false
  @state() private filter: 'all' | EntityType = 'all'
  private seq = 0
  private unsubscribe: (() => void) | undefined
  private timer: number | undefined

  connectedCallback(): void {
    super.connectedCallback()
    // Re-read after any change (an accept here, a highlight elsewhere, an undo), coalesced.
    this.unsubscribe = onChange(() => {
      if (!this.active) return
      window.clearTimeout(this.timer)
      this.timer = window.setTimeout(() => void this.load(), 150)
    })
  }

  disconnectedCallback(): void {
    super.disconnectedCallback()
    this.unsubscribe?.()
  }

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('documentId')) {
      this.suggestions = []
      this.retyped = new Map()
      this.active = false
      this.seq++ // drop the answer of a load for the previous document
    }
  }

  /** Re-reads the suggestions of the document. */
  async load(): Promise<void> {
    const documentId = this.documentId
    if (!documentId) return
    const seq = ++this.seq
    this.active = true
    this.loading = true
    this.progress = 0
    try {
      const suggestions = await this.runJob(documentId, seq)
      if (suggestions === undefined || seq !== this.seq) return
      const [entities, rejected] = await Promise.all([call('listEntities', {}), call('listRejectedSuggestions', { documentId })])
      if (seq !== this.seq) return
      this.suggestions = suggestions
      this.rejected = rejected
      this.entities = new Map(entities.map((e) => [e.id, e]))
    } catch (err) {
      reportError(this, 'Could not compute suggestions', err)
    } finally {
      if (seq === this.seq) this.loading = false
    }
  }

  /**
   * Runs `suggestMentions` as a job (a book takes a while): polls its progress, and returns
   * undefined when it was cancelled or superseded by a newer load.
   */
  private async runJob(documentId: string, seq: number): Promise<Suggestion[] | undefined> {
    let job = await call('startJob', { method: 'suggestMentions', args: { documentId } })
    this.jobId = job.id
    while (job.status === 'running') {
      await new Promise((resolve) => window.setTimeout(resolve, POLL_MS))
      if (seq !== this.seq) {
        void call('cancelJob', { id: job.id })
        return undefined
      }
      job = await call('getJob', { id: job.id })
      this.progress = job.total ? job.done / job.total : 0
    }
    this.jobId = undefined
    if (job.status === 'failed') throw new Error(job.error?.message ?? 'the suggestion job failed')
    return job.status === 'done' ? (job.result as Suggestion[]) : undefined
  }

  private async cancel(): Promise<void> {
    const id = this.jobId
    this.seq++
    this.loading = false
    this.active = this.suggestions.length > 0
    if (id) await call('cancelJob', { id }).catch((err) => reportError(this, 'Could not cancel', err))
  }

  render() {
    if (!this.documentId) return html`<p>Open a document to see suggestions.</p>`
    if (!this.active) {
      return html`<button type="button" class="primary find" @click=${() => this.load()}>Find suggestions</button>
        <p class="hint">People, places and dates not yet linked; other mentions of known entities.</p>`
    }
    const shown = this.suggestions.filter((s) => this.filter === 'all' || this.typeOf(s) === this.filter)
    return html`
      <div class="bar">
        <span class="count" aria-live="polite">${this.loading
          ? `Looking for mentions… ${Math.round(this.progress * 100)}%`
          : `${this.suggestions.length} suggestions`}</span>
        ${this.loading ? html`<button type="button" class="cancel" @click=${() => this.cancel()}>Cancel</button>` : nothing}
        <select aria-label="Show" .value=${this.filter} @change=${(e: Event) => (this.filter = (e.target as HTMLSelectElement).value as typeof this.filter)}>
          <option value="all">all types</option>
          ${ENTITY_TYPES.map((t) => html`<option value=${t}>${t}</option>`)}
        </select>
        <button type="button" @click=${() => this.load()} ?disabled=${this.loading}>Refresh</button>
      </div>
      <ul aria-label="Suggestions">${shown.slice(0, 300).map((s) => this.renderItem(s))}</ul>
      ${shown.length > 300 ? html`<p>Showing the first 300 of ${shown.length}.</p>` : nothing}
      ${this.rejected.length
        ? html`<details class="rejected"><summary>Rejected (${this.rejected.length})</summary><ul aria-label="Rejected suggestions">
            ${this.rejected.map((r) => html`<li class="rejection"><span></span><span>${r.exact}</span>
              <span class="tools"><button type="button" class="quiet" @click=${() => this.restore(r)}>Restore</button></span></li>`)}
          </ul></details>`
        : nothing}
    `
  }

  private renderItem(s: Suggestion) {
    const type = this.typeOf(s)
    const known = s.entityId ? this.entities.get(s.entityId) : undefined
    const sameEntity = s.entityId ? this.suggestions.filter((x) => x.entityId === s.entityId && x.source === 'alias').length : 0
    return html`<li class="suggestion" data-start=${s.start} data-end=${s.end} data-source=${s.source}>
      <span class="dot" style="background:${solidColour(type)}"></span>
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
    const type = this.typeOf(s)
    try {
      // A retyped suggestion is not the known entity of the old type any more.
      const entityId = type === s.type ? s.entityId : undefined
      const result = await call('acceptSuggestion', { documentId: this.documentId!, start: s.start, end: s.end, type, entityId, edtf: type === 'date' ? s.edtf : undefined })
      this.suggestions = this.suggestions.filter((x) => x !== s)
      this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: result.annotation.id, reveal: false }, bubbles: true, composed: true }))
    } catch (err) {
      reportError(this, `Could not accept “${s.exact}”`, err)
    }
  }

  private async reject(s: Suggestion): Promise<void> {
    try {
      await call('rejectSuggestion', { documentId: this.documentId!, start: s.start, end: s.end })
      this.suggestions = this.suggestions.filter((x) => x !== s)
    } catch (err) {
      reportError(this, `Could not reject “${s.exact}”`, err)
    }
  }

  private async restore(r: RejectedSuggestion): Promise<void> {
    try {
      await call('restoreSuggestion', { id: r.id })
    } catch (err) {
      reportError(this, `Could not restore “${r.exact}”`, err)
    }
  }

  private async linkAll(entityId: string): Promise<void> {
    try {
      await call('linkAll', { entityId, documentId: this.documentId! })
      this.suggestions = this.suggestions.filter((x) => x.entityId !== entityId || x.source !== 'alias')
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

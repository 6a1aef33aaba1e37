/**
 * `<entity-detail>`: one entity: names, authority links, EDTF dates in words, every mention in
 * every document (click one to open it), its relations (add with the predicate vocabulary, which
 * a new predicate extends), and Edit, Merge and Delete. Editing is `<entity-editor>`.
 *
 * Properties: `entityId`. Events (bubbling, composed): `annotation-select` `{ id }`,
 * `entity-deleted` `{ id }`, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call } from '../api-client'
import { ChangeSubscription } from '../lib/change-subscription'
import type { EntitySummary, Mention } from '../../shared/api/entities'
import { solidColour } from '../../shared/entities/colours'
import { formatEdtf } from '../../shared/entities/edtf'
import type { Predicate, Relation } from '../../shared/model'
import { reportError } from '../lib/errors'
import { controlStyles } from '../lib/ui-styles'

const DATE_LABELS: Record<string, string> = { date: 'Date', birth: 'Born', death: 'Died', start: 'From', end: 'Until' }

@customElement('entity-detail')
export class EntityDetail extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; font-size: 0.87rem; }
      h3 { margin: 0.2rem 0; display: flex; gap: 0.4rem; align-items: center; }
      .dot { width: 0.7rem; height: 0.7rem; border-radius: 50%; display: inline-block; }
      .muted { color: var(--ink-soft); font-size: 0.8rem; }
      dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.6rem; margin: 0.3rem 0; }
      dt { color: var(--ink-soft); }
      dd { margin: 0; }
      ul { list-style: none; padding: 0; margin: 0.2rem 0; }
      li.mention { cursor: pointer; padding: 0.2rem 0.3rem; border-radius: 4px; }
      li.mention:hover, li.mention:focus { background: var(--accent-soft); outline: none; }
      mark { background: color-mix(in srgb, var(--c) 45%, transparent); }
      .tools, .add { display: flex; gap: 0.3rem; flex-wrap: wrap; align-items: center; margin: 0.3rem 0; }
      .add input, .add select { min-width: 0; flex: 1; }
      h4 { margin: 0.6rem 0 0.1rem; font-size: 0.85rem; }
    `
  ]

  @property() entityId: string | undefined
  @state() private entity: EntitySummary | undefined
  @state() private mentions: Mention[] = []
  @state() private relations: Relation[] = []
  @state() private predicates: Predicate[] = []
  @state() private names = new Map<string, string>()
  @state() private others: EntitySummary[] = []
  /** Highlights that can be the other end of a relation: id and quote. */
  @state() private passages: Array<{ id: string; label: string }> = []
  @state() private editing = false
  @state() private predicate = ''
  @state() private other = ''
  @state() private outgoing = true
  @state() private mergeFrom = ''
  /** Re-reads the entity on every change. */
  protected readonly changes = new ChangeSubscription(this, () => void this.load())

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entityId')) {
      this.editing = false
      void this.load()
    }
  }

  private async load(): Promise<void> {
    const id = this.entityId
    if (!id) return
    try {
      const [all, mentions, relations, predicates, annotations] = await Promise.all([
        call('listEntities', {}), call('listMentions', { entityId: id }), call('listRelations', { about: id }),
        call('listPredicates', {}), call('listAnnotations', {})
      ])
      this.entity = all.find((e) => e.id === id)
      this.others = all.filter((e) => e.id !== id)
      this.mentions = mentions
      this.relations = relations
      this.predicates = predicates
      this.names = new Map([...all.map((e): [string, string] => [e.id, e.label]), ...annotations.map((a): [string, string] => [a.id, `“${a.target.exact}”`])])
      // A relation may also tie the entity to a highlighted passage (e.g. the claim that states it).
      this.passages = annotations.map((a) => ({ id: a.id, label: a.target.exact.length > 60 ? `${a.target.exact.slice(0, 57)}…` : a.target.exact }))
    } catch (err) {
      reportError(this, 'Could not read the entity', err)
    }
  }

  render() {
    const e = this.entity
    if (!e) return nothing
    if (this.editing) return html`<entity-editor .entity=${e} @editor-close=${() => (this.editing = false)}></entity-editor>`
    const dates = Object.entries(e.dates).filter(([, v]) => v)
    return html`
      <h3><span class="dot" style="background:${solidColour(e.type)}"></span><span class="label">${e.label}</span> <span class="muted">${e.type}</span></h3>
      ${e.aliases.length ? html`<p class="muted">Also: ${e.aliases.join(' · ')}</p>` : nothing}
      ${e.description ? html`<p>${e.description}</p>` : nothing}
      <dl>
        ${e.authorities.map((a) => html`<dt>${a.scheme}</dt><dd><a href=${a.uri} target="_blank" rel="noopener noreferrer">${a.id}</a></dd>`)}
        ${dates.map(([k, v]) => html`<dt>${DATE_LABELS[k] ?? k}</dt><dd title=${`EDTF ${v}`}>${formatEdtf(v!)} <span class="muted">${v}</span></dd>`)}
        ${e.coordinates ? html`<dt>Coordinates</dt><dd>${e.coordinates.lat}, ${e.coordinates.lon}</dd>` : nothing}
      </dl>
      <div class="tools">
        <button type="button" @click=${() => (this.editing = true)}>Edit</button>
        <button type="button" class="danger quiet" @click=${this.deleteEntity}>Delete</button>
      </div>
      <h4>Mentions (${this.mentions.length})</h4>
      <ul aria-label="Mentions">${this.mentions.map((m, i) => html`
        <li class="mention" tabindex="0" data-annotation-id=${m.annotationId} style="--c:${solidColour(e.type)}"
          @click=${() => this.select(m)} @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && this.select(m)}>
          ${i === 0 || this.mentions[i - 1].documentId !== m.documentId ? html`<div class="muted">${m.documentTitle}</div>` : nothing}
          …${m.prefix.slice(-24)}<mark>${m.exact}</mark>${m.suffix.slice(0, 24)}…
        </li>`)}</ul>
      <h4>Relations (${this.relations.length})</h4>
      <ul aria-label="Relations">${this.relations.map((r) => html`<li class="relation">
        ${this.names.get(r.subject) ?? r.subject} — <em>${r.predicate}</em> — ${this.names.get(r.object) ?? r.object}
        <button type="button" class="quiet" aria-label="Delete relation" @click=${() => this.deleteRelation(r.id)}>×</button></li>`)}</ul>
      <div class="add" role="group" aria-label="Add a relation">
        <select aria-label="Direction" @change=${(ev: Event) => (this.outgoing = (ev.target as HTMLSelectElement).value === 'out')}>
          <option value="out">${e.label} is…</option><option value="in">…is this of ${e.label}</option>
        </select>
        <input list="predicates" aria-label="Predicate" placeholder="son of, ruled…" .value=${this.predicate}
          @input=${(ev: Event) => (this.predicate = (ev.target as HTMLInputElement).value)} />
        <datalist id="predicates">${this.predicates.map((p) => html`<option value=${p.id}></option>`)}</datalist>
        <select aria-label="Other entity" .value=${this.other} @change=${(ev: Event) => (this.other = (ev.target as HTMLSelectElement).value)}>
          <option value="">entity or highlight…</option>
          <optgroup label="Entities">${this.others.map((o) => html`<option value=${o.id}>${o.label} (${o.type})</option>`)}</optgroup>
          ${this.passages.length
            ? html`<optgroup label="Highlights">${this.passages.map((p) => html`<option value=${p.id}>“${p.label}”</option>`)}</optgroup>`
            : nothing}
        </select>
        <button type="button" ?disabled=${!this.predicate.trim() || !this.other} @click=${this.addRelation}>Relate</button>
      </div>
      <h4>Merge</h4>
      <div class="add" role="group" aria-label="Merge another entity into this one">
        <select aria-label="Entity to merge into this one" @change=${(ev: Event) => (this.mergeFrom = (ev.target as HTMLSelectElement).value)}>
          <option value="">entity to merge in…</option>
          ${this.others.filter((o) => o.type === e.type).map((o) => html`<option value=${o.id}>${o.label} (${o.mentionCount})</option>`)}
        </select>
        <button type="button" ?disabled=${!this.mergeFrom} @click=${this.merge}>Merge into ${e.label}</button>
      </div>
    `
  }

  private select(m: Mention): void {
    this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: m.annotationId }, bubbles: true, composed: true }))
  }

  private async addRelation(): Promise<void> {
    const [subject, object] = this.outgoing ? [this.entityId!, this.other] : [this.other, this.entityId!]
    try {
      await call('createRelation', { subject, predicate: this.predicate, object })
      this.predicate = ''
      this.other = ''
    } catch (err) {
      reportError(this, 'Could not add the relation', err)
    }
  }

  private async deleteRelation(id: string): Promise<void> {
    try {
      await call('deleteRelation', { id })
    } catch (err) {
      reportError(this, 'Could not delete the relation', err)
    }
  }

  private async merge(): Promise<void> {
    const from = this.others.find((o) => o.id === this.mergeFrom)
    if (!from || !this.entity) return
    if (!confirm(`Merge “${from.label}” into “${this.entity.label}”? Its ${from.mentionCount} mention(s) and relations move here (Undo reverts it).`)) return
    try {
      await call('mergeEntities', { into: this.entity.id, from: from.id })
      this.mergeFrom = ''
    } catch (err) {
      reportError(this, 'Could not merge', err)
    }
  }

  private async deleteEntity(): Promise<void> {
    const e = this.entity
    if (!e || !confirm(`Delete “${e.label}”? Its ${e.mentionCount} highlight(s) stay, without this link (Undo reverts it).`)) return
    try {
      await call('deleteEntity', { id: e.id })
      this.dispatchEvent(new CustomEvent('entity-deleted', { detail: { id: e.id }, bubbles: true, composed: true }))
    } catch (err) {
      reportError(this, 'Could not delete the entity', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'entity-detail': EntityDetail
  }
}

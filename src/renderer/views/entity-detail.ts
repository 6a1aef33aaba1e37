/**
 * `<entity-detail>`: one entity: names, authority links, EDTF dates in words, every mention in
 * every document (click one to open it), its relations (add with the predicate vocabulary, which
 * a new predicate extends), and Edit, Merge and Delete. Editing is `<entity-editor>`.
 *
 * The entity is the model's; its mentions and relations are the model's cached reads (read once,
 * then kept current from change events). Authority links are shown only when they are http(s).
 *
 * Properties: `entityId`. Events (bubbling, composed): `annotation-select` `{ id, documentId }`,
 * `entity-deleted` `{ id }`, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Mention } from '../../shared/api/entities'
import { formatEdtf } from '../../shared/entities/edtf'
import { cssVars } from '../dom/css-vars'
import { entityTypeColour } from '../lib/colours'
import { reportError } from '../lib/errors'
import { highlightName } from '../lib/highlight-place'
import { safeHttpUrl } from '../lib/safe-url'
import './relation-editor'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

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
  @state() private editing = false
  @state() private mergeFrom = ''
  private readonly use = new UseModel(this, ['entities', 'reads', 'predicates', 'annotations'])

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('entityId')) this.editing = false
  }

  /** A readable name for a relation's end: an entity's label, or a highlight's quote. */
  private nameOf(id: string): string {
    const m = this.use.model
    const e = m?.entities.get(id)
    if (e) return e.label
    const a = m?.open?.annotations.get(id)
    return a ? highlightName(a, m!.open!.doc.structure) : id
  }

  render() {
    const m = this.use.model
    const e = this.entityId ? m?.entities.get(this.entityId) : undefined
    if (!m || !e) return nothing
    const mentions = m.reads.mentions.of(e.id).get().value ?? []
    const relations = m.reads.relations.of(e.id).get().value ?? []
    const others = m.selections.entityList().filter((o) => o.id !== e.id)
    if (this.editing) return html`<entity-editor .entity=${e} @editor-close=${() => (this.editing = false)}></entity-editor>`
    const dates = Object.entries(e.dates).filter(([, v]) => v)
    return html`
      <h3><span class="dot" ${cssVars({ background: entityTypeColour(e.type) })}></span><span class="label">${e.label}</span> <span class="muted">${e.type}</span></h3>
      ${e.aliases.length ? html`<p class="muted">Also: ${e.aliases.join(' · ')}</p>` : nothing}
      ${e.description ? html`<p>${e.description}</p>` : nothing}
      <dl>
        ${e.authorities.map((a) => {
          const href = safeHttpUrl(a.uri)
          return html`<dt>${a.scheme}</dt><dd>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${a.id}</a>` : html`<span title="not an http(s) link">${a.id}</span>`}</dd>`
        })}
        ${dates.map(([k, v]) => html`<dt>${DATE_LABELS[k] ?? k}</dt><dd title=${`EDTF ${v}`}>${formatEdtf(v!)} <span class="muted">${v}</span></dd>`)}
        ${e.coordinates ? html`<dt>Coordinates</dt><dd>${e.coordinates.lat}, ${e.coordinates.lon}</dd>` : nothing}
      </dl>
      <div class="tools">
        <button type="button" @click=${() => (this.editing = true)}>Edit</button>
        <button type="button" class="danger quiet" @click=${this.deleteEntity}>Delete</button>
      </div>
      <h4>Mentions (${mentions.length})</h4>
      <ul aria-label="Mentions">${mentions.map((m, i) => html`
        <li class="mention" tabindex="0" data-annotation-id=${m.annotationId} ${cssVars({ '--c': entityTypeColour(e.type) })}
          @click=${() => this.select(m)} @keydown=${(ev: KeyboardEvent) => ev.key === 'Enter' && this.select(m)}>
          ${i === 0 || mentions[i - 1].documentId !== m.documentId ? html`<div class="muted">${m.documentTitle}</div>` : nothing}
          …${m.prefix.slice(-24)}<mark>${m.exact}</mark>${m.suffix.slice(0, 24)}…
        </li>`)}</ul>
      <h4>Relations (${relations.length})</h4>
      <ul aria-label="Relations">${relations.map((r) => html`<li class="relation">
        ${this.nameOf(r.subject)} — <em>${r.predicate}</em> — ${this.nameOf(r.object)}
        <button type="button" class="quiet" aria-label="Delete relation" @click=${() => this.deleteRelation(r.id)}>×</button></li>`)}</ul>
      <relation-editor .entityId=${e.id}></relation-editor>
      <h4>Merge</h4>
      <div class="add" role="group" aria-label="Merge another entity into this one">
        <select aria-label="Entity to merge into this one" @change=${(ev: Event) => (this.mergeFrom = (ev.target as HTMLSelectElement).value)}>
          <option value="">entity to merge in…</option>
          ${others.filter((o) => o.type === e.type).map((o) => html`<option value=${o.id}>${o.label} (${o.mentionCount})</option>`)}
        </select>
        <button type="button" ?disabled=${!this.mergeFrom} @click=${this.merge}>Merge into ${e.label}</button>
      </div>
    `
  }

  private select(m: Mention): void {
    this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: m.annotationId, documentId: m.documentId }, bubbles: true, composed: true }))
  }

  private async deleteRelation(id: string): Promise<void> {
    try {
      await this.use.model!.mutate('deleteRelation', { id })
    } catch (err) {
      reportError(this, 'Could not delete the relation', err)
    }
  }

  private async merge(): Promise<void> {
    const into = this.entityId ? this.use.model?.entities.get(this.entityId) : undefined
    const from = this.mergeFrom ? this.use.model?.entities.get(this.mergeFrom) : undefined
    if (!from || !into) return
    if (!confirm(`Merge “${from.label}” into “${into.label}”? Its ${from.mentionCount} mention(s) and relations move here (Undo reverts it).`)) return
    try {
      await this.use.model!.mutate('mergeEntities', { into: into.id, from: from.id })
      this.mergeFrom = ''
    } catch (err) {
      reportError(this, 'Could not merge', err)
    }
  }

  private async deleteEntity(): Promise<void> {
    const e = this.entityId ? this.use.model?.entities.get(this.entityId) : undefined
    if (!e || !confirm(`Delete “${e.label}”? Its ${e.mentionCount} highlight(s) stay, without this link (Undo reverts it).`)) return
    try {
      await this.use.model!.mutate('deleteEntity', { id: e.id })
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

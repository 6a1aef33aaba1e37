/**
 * `<team-conflicts>`: the merge conflicts waiting for review (after a sync or a merge), each with
 * both versions side by side — "Mine" (this project's) and "Theirs" — showing the fields that
 * differ, and three ways out: keep mine, take theirs, or edit a combined record (JSON, checked by
 * the services). Reads `reads.conflicts` through the model; writes with `resolveMergeConflict`
 * (one undoable edit each). Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { MergeConflict } from '../../shared/api/team'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'
import { teamStyles } from './team-styles'

const KIND_TEXT: Record<MergeConflict['kind'], string> = {
  'edit-edit': 'changed differently on both sides',
  'add-add': 'created on both sides, differently',
  'delete-edit': 'deleted on one side, changed on the other',
  'delete-use': 'deleted on one side, newly used on the other',
  'entity-merged': 'merged into another entity on one side, changed on the other',
  reanchored: 'its text was re-imported on one side'
}

type Rec = Record<string, unknown>
const BOOKKEEPING = new Set(['modified', 'modifiedBy', 'created', 'createdBy', 'id'])

/** Top-level fields whose values differ between the two versions (the conflict's own list first). */
export function differingFields(c: MergeConflict): string[] {
  const o = (c.ours ?? {}) as Rec
  const t = (c.theirs ?? {}) as Rec
  const listed = (c.fields ?? []).map((f) => f.split('.')[0])
  const all = [...new Set([...Object.keys(o), ...Object.keys(t)])].filter((k) => !BOOKKEEPING.has(k) && JSON.stringify(o[k]) !== JSON.stringify(t[k]))
  return [...new Set([...listed, ...all])]
}

function show(v: unknown): string {
  if (v === undefined) return '—'
  if (typeof v === 'string') return v || '(empty)'
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ') || '(none)'
  return JSON.stringify(v)
}

const byWhom = (r: Rec | null): string => {
  const p = (r?.modifiedBy ?? r?.createdBy) as { name?: string } | undefined
  return p?.name ? ` (${p.name})` : ''
}

@customElement('team-conflicts')
export class TeamConflicts extends LitElement {
  static styles = [controlStyles, teamStyles]
  private readonly use = new UseModel(this, ['reads'])
  @state() private editing: string | undefined
  @state() private busy = false

  render() {
    const r = this.use.model?.reads.conflicts.get()
    const list = r?.value ?? []
    return html`<section aria-labelledby="conflicts-heading">
      <h3 id="conflicts-heading">Merge conflicts${list.length ? ` (${list.length})` : ''}</h3>
      ${r?.error ? html`<p class="status">${r.error}</p>` : nothing}
      ${list.length === 0 && r?.value ? html`<p class="muted">None waiting for review.</p>` : nothing}
      ${list.map((c) => this.renderConflict(c))}
    </section>`
  }

  private renderConflict(c: MergeConflict) {
    const ours = c.ours as Rec | null
    const theirs = c.theirs as Rec | null
    const fields = differingFields(c)
    const quote = ((ours ?? theirs)?.target as { exact?: string } | undefined)?.exact ?? ((ours ?? theirs)?.label as string | undefined)
    const side = (title: string, rec: Rec | null) => html`<div class="side" data-side=${title}>
      <h4>${title}${byWhom(rec)}</h4>
      ${rec === null
        ? html`<p>Deleted</p>`
        : html`<dl>${fields.map((f) => html`<dt>${f}</dt><dd class="differs">${show(rec[f])}</dd>`)}</dl>`}
    </div>`
    return html`<div class="item conflict" data-key=${c.key}>
      <div><strong>${quote ? `“${quote}”` : c.id}</strong> <span class="muted">${c.collection}: ${KIND_TEXT[c.kind]}</span></div>
      <div class="sides">${side('Mine', ours)}${side('Theirs', theirs)}</div>
      <div class="row">
        <button ?disabled=${this.busy} @click=${() => this.resolve(c, 'ours')}>Keep mine</button>
        <button ?disabled=${this.busy} @click=${() => this.resolve(c, 'theirs')}>Take theirs</button>
        <button ?disabled=${this.busy} @click=${() => (this.editing = this.editing === c.key ? undefined : c.key)}>Edit…</button>
      </div>
      ${this.editing === c.key
        ? html`<label>Combined record (JSON)
              <textarea rows="10" class="combined">${JSON.stringify(ours ?? theirs, null, 2)}</textarea></label>
            <div class="row"><button ?disabled=${this.busy} @click=${(e: Event) => this.combine(c, e)}>Save combined</button></div>`
        : nothing}
    </div>`
  }

  private async resolve(c: MergeConflict, choice: 'ours' | 'theirs', record?: Rec): Promise<void> {
    const model = this.use.model
    if (!model) return
    this.busy = true
    try {
      await model.mutate('resolveMergeConflict', { key: c.key, choice: record ? 'combined' : choice, ...(record ? { record } : {}) })
      this.editing = undefined
      model.reads.conflicts.invalidate()
      model.changed('reads')
    } catch (err) {
      reportError(this, `Could not resolve ${c.key}`, err)
    } finally {
      this.busy = false
    }
  }

  private combine(c: MergeConflict, e: Event): void {
    const area = (e.target as HTMLElement).closest('.conflict')?.querySelector('textarea')
    let record: Rec
    try {
      record = JSON.parse(area?.value ?? '') as Rec
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new Error('not a JSON object')
    } catch (err) {
      return reportError(this, 'The combined record is not valid JSON', err)
    }
    void this.resolve(c, 'ours', record)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-conflicts': TeamConflicts
  }
}

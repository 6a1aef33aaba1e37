/**
 * `<team-history>`: "who changed this, when". For the selected annotation, the open document (its
 * record and its annotations) or the whole project, the saved versions (git commits) that changed
 * it, newest first, with author, date, message and what changed; "Restore…" puts it back as it was
 * in a version after a confirmation, as one undoable edit (Undo takes it back). Reads
 * `reads.versions` through the model; writes with `restoreVersion`.
 * Properties: `documentId` (the open document), `annotationId` (the selected annotation).
 * Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { RecordVersion } from '../../shared/api/team'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { ProjectReads } from '../model/project-reads'
import { controlStyles } from '../styles/ui-styles'
import { teamStyles } from './team-styles'

type Scope = 'annotation' | 'document' | 'project'

/** What a version did to the record, in words. */
export function describeVersion(v: RecordVersion, scope: Scope): string {
  const parts: string[] = []
  if (scope !== 'project' && (v.change !== 'changed' || v.fields.length)) {
    const what = scope === 'annotation' ? 'annotation' : 'document record'
    parts.push(v.change === 'changed' ? `${what} changed: ${v.fields.join(', ')}` : `${what} ${v.change}`)
  }
  const a = v.annotations
  if (a && a.added + a.changed + a.removed > 0) {
    parts.push(`annotations: ${[a.added && `${a.added} added`, a.changed && `${a.changed} changed`, a.removed && `${a.removed} removed`].filter(Boolean).join(', ')}`)
  }
  return parts.join(' · ')
}

@customElement('team-history')
export class TeamHistory extends LitElement {
  static styles = [controlStyles, teamStyles]
  private readonly use = new UseModel(this, ['reads', 'annotations', 'documents'])
  @property() documentId: string | undefined
  @property() annotationId: string | undefined
  /** The scope chosen; when its record is not available, the next narrower one that is. */
  @state() private chosen: Scope | undefined
  @state() private pending: RecordVersion | undefined
  @state() private busy = false
  @state() private status = ''
  @query('dialog') private dialog!: HTMLDialogElement

  private get scope(): Scope {
    const available = (s: Scope) => (s === 'annotation' ? !!this.annotationId : s === 'document' ? !!this.documentId : true)
    if (this.chosen && available(this.chosen)) return this.chosen
    return this.annotationId ? 'annotation' : this.documentId ? 'document' : 'project'
  }

  private get target(): { annotationId?: string; documentId?: string } {
    const s = this.scope
    return s === 'annotation' ? { annotationId: this.annotationId } : s === 'document' ? { documentId: this.documentId } : {}
  }

  /** The record in words: the annotation's quote, the document's title, or "the whole project". */
  private get subject(): string {
    const m = this.use.model
    const s = this.scope
    if (s === 'annotation') return `the annotation “${m?.open?.annotations.get(this.annotationId!)?.target.exact ?? this.annotationId}”`
    if (s === 'document') return `the document “${m?.documents.get(this.documentId!)?.title ?? this.documentId}” with its annotations`
    return 'the whole project'
  }

  render() {
    const model = this.use.model
    if (!model) return nothing
    const scope = this.scope
    const r = model.reads.versions.of(ProjectReads.versionsKey(this.target)).get()
    const list = r.value ?? []
    const radio = (s: Scope, label: string, enabled: boolean) =>
      html`<label><input type="radio" name="history-of" value=${s} .checked=${scope === s} ?disabled=${!enabled} @change=${() => (this.chosen = s)} /> ${label}</label>`
    return html`<section aria-labelledby="history-heading">
      <h3 id="history-heading">History: who changed this, when</h3>
      <div role="radiogroup" aria-label="History of">
        ${radio('annotation', 'Selected annotation', !!this.annotationId)} ${radio('document', 'This document', !!this.documentId)} ${radio('project', 'Whole project', true)}
      </div>
      <div class="row"><button id="history-refresh" @click=${this.refresh} title="Read the saved versions again">Refresh</button></div>
      ${r.error ? html`<p class="status">${r.error}</p>` : nothing}
      ${r.value && list.length === 0
        ? html`<p class="muted">${scope === 'project' ? 'No saved version yet: Sync saves one.' : 'No saved version changed it.'}</p>`
        : nothing}
      <ol class="versions" aria-label="Saved versions of ${this.subject}">
        ${list.map((v) => html`<li class="item version" data-commit=${v.commit}>
          <div><strong>${v.message || '(no message)'}</strong></div>
          <div class="muted">
            <span class="who">${v.author}</span> · <time datetime=${v.date}>${new Date(v.date).toLocaleString()}</time> ·
            <code title=${v.commit}>${v.commit.slice(0, 7)}</code>
          </div>
          ${describeVersion(v, scope) ? html`<div class="what">${describeVersion(v, scope)}</div>` : nothing}
          <div class="row"><button ?disabled=${this.busy} aria-label="Restore ${this.subject} as in version ${v.commit.slice(0, 7)}…" @click=${() => this.ask(v)}>Restore…</button></div>
        </li>`)}
      </ol>
      <p class="status" role="status">${this.status}</p>
      <dialog aria-labelledby="restore-heading" aria-describedby="restore-text" @close=${() => (this.pending = undefined)}>
        <h3 id="restore-heading">Restore a version?</h3>
        ${this.pending ? this.renderConfirm(this.pending) : nothing}
      </dialog>
    </section>`
  }

  private renderConfirm(v: RecordVersion) {
    const gone = this.scope !== 'project' && v.change === 'removed'
    return html`<p id="restore-text">
        Put back ${this.subject} as it was in version <code>${v.commit.slice(0, 7)}</code> (“${v.message}”, ${v.author},
        ${new Date(v.date).toLocaleString()})${gone ? html`: it did not exist then, so restoring <strong>removes</strong> it` : ''}.
        What is there now is replaced in one edit; Undo takes it back.
      </p>
      <div class="row">
        <button id="restore-ok" class="primary" ?disabled=${this.busy} @click=${() => this.restore(v)}>Restore</button>
        <button id="restore-cancel" autofocus @click=${() => this.dialog.close()}>Cancel</button>
      </div>`
  }

  private refresh = (): void => {
    const model = this.use.model
    model?.reads.versions.invalidateAll()
    model?.changed('reads')
  }

  private async ask(v: RecordVersion): Promise<void> {
    this.pending = v
    this.status = ''
    await this.updateComplete
    this.dialog.showModal()
  }

  private async restore(v: RecordVersion): Promise<void> {
    const model = this.use.model
    if (!model) return
    const subject = this.subject
    this.busy = true
    try {
      const { changed } = await model.mutate('restoreVersion', { commit: v.commit, ...this.target })
      this.status = changed
        ? `Restored ${subject} from version ${v.commit.slice(0, 7)} (${changed} record${changed === 1 ? '' : 's'} changed). Undo takes it back.`
        : `Nothing to restore: ${subject} is as in version ${v.commit.slice(0, 7)}.`
    } catch (err) {
      reportError(this, `Could not restore ${subject}`, err)
    } finally {
      this.busy = false
      this.dialog.close()
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-history': TeamHistory
  }
}

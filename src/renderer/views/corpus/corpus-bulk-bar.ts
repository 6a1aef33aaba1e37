/**
 * `<corpus-bulk-bar>`: actions on the chosen rows of the annotation table — choose every row the
 * filter keeps; add, remove or rename a tag; link or unlink an entity; record a verdict; delete.
 * Each action is one `editAnnotations` call through the model (`mutate`): one write, one undo
 * step for all the rows (Ctrl+Z brings back every deleted row at once), and the table, the
 * document view and the counts follow from its records. If one row cannot be changed, none is.
 *
 * Properties: `chosen` (annotation ids), `total` (rows the filter keeps). Events: `chosen-change`
 * with the new set.
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { ArgsOf } from '../../../shared/api/define'
import type { Methods } from '../../../shared/api'
import { VERDICT_LABELS, VERIFICATION_STATUSES, type VerificationStatus } from '../../../shared/model/verdicts'
import { reportError } from '../../lib/errors'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { corpusStyles } from './corpus-styles'

type BatchEdit = Omit<ArgsOf<Methods['editAnnotations']>, 'ids'>

@customElement('corpus-bulk-bar')
export class CorpusBulkBar extends LitElement {
  static styles = [controlStyles, corpusStyles]

  @property({ attribute: false }) chosen: Set<string> = new Set()
  @property({ type: Number }) total = 0
  /** What is being done now (shown, and every action disabled meanwhile), or the last outcome. */
  @state() private progress = ''
  @state() private outcome = ''
  private readonly use = new UseModel(this, ['corpus', 'entities'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const n = this.chosen.size
    const off = !!this.progress || !n
    return html`<div class="bar" role="group" aria-label="Bulk actions">
      <span class="muted">${n} chosen</span>
      <button @click=${this.chooseAll} ?disabled=${!!this.progress || !this.total}>Choose all ${this.total}</button>
      <button @click=${() => this.emit(new Set())} ?disabled=${off}>Clear choice</button>
      <input type="text" id="bulk-tag" aria-label="Tag" placeholder="tag" style="width:7rem;flex:0 1 7rem" ?disabled=${!!this.progress} />
      <button @click=${() => this.tagAction('add')} ?disabled=${off}>Add tag</button>
      <button @click=${() => this.tagAction('remove')} ?disabled=${off}>Remove tag</button>
      <input type="text" id="bulk-rename" aria-label="Rename the tag to" placeholder="rename to" style="width:7rem;flex:0 1 7rem" ?disabled=${!!this.progress} />
      <button @click=${() => this.tagAction('rename')} ?disabled=${off}>Rename tag</button>
      <select id="bulk-entity" aria-label="Entity to link or unlink" ?disabled=${!!this.progress}>
        ${m.selections.entityList().map((e) => html`<option value=${e.id}>${e.label} (${e.type})</option>`)}
      </select>
      <button @click=${() => this.entityAction(true)} ?disabled=${off}>Link entity</button>
      <button @click=${() => this.entityAction(false)} ?disabled=${off}>Unlink entity</button>
      <select id="bulk-verdict" aria-label="Verdict to record" ?disabled=${!!this.progress}>
        ${VERIFICATION_STATUSES.map((s) => html`<option value=${s}>${VERDICT_LABELS[s]}</option>`)}
      </select>
      <button @click=${this.setVerdict} ?disabled=${off}>Record verdict</button>
      <button class="danger" @click=${this.deleteChosen} ?disabled=${off}>Delete…</button>
      <span class="muted" role="status">${this.progress || this.outcome}</span>
    </div>`
  }

  private emit(next: Set<string>): void {
    this.dispatchEvent(new CustomEvent('chosen-change', { detail: next }))
  }

  private field(id: string): string {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!.value.trim()
  }

  private async chooseAll(): Promise<void> {
    const m = this.use.model!
    try {
      this.emit(new Set(await m.corpus.idsOf(m.corpus.filter)))
    } catch (err) {
      reportError(this, 'Could not choose the rows', err)
    }
  }

  /** One batch edit of `ids` (the chosen rows unless given): one write, one undo step. */
  private async batch(doing: string, done: string, edit: BatchEdit, ids = [...this.chosen]): Promise<boolean> {
    this.progress = `${doing} ${ids.length} annotation${ids.length === 1 ? '' : 's'}…`
    this.outcome = ''
    try {
      const r = await this.use.model!.mutate('editAnnotations', { ids, ...edit })
      const changed = r.updated.length + r.deleted.length
      this.outcome = `${done} ${changed} annotation${changed === 1 ? '' : 's'}${changed < ids.length ? ` (${ids.length - changed} already so)` : ''}. Undo takes it back in one step.`
      return true
    } catch (err) {
      reportError(this, `Could not finish: ${doing.toLowerCase()} — nothing was changed`, err)
      return false
    } finally {
      this.progress = ''
    }
  }

  private tagAction(action: 'add' | 'remove' | 'rename'): void {
    const tag = this.field('bulk-tag')
    if (!tag) return
    if (action === 'add') void this.batch(`Tagging “${tag}”:`, 'Tagged', { addTags: [tag] })
    if (action === 'remove') void this.batch(`Removing “${tag}” from`, 'Untagged', { removeTags: [tag] })
    const to = this.field('bulk-rename')
    if (action === 'rename' && to) void this.batch(`Renaming “${tag}” to “${to}” on`, 'Retagged', { removeTags: [tag], addTags: [to] })
  }

  private entityAction(link: boolean): void {
    const id = this.field('bulk-entity')
    if (!id) return
    void this.batch(link ? 'Linking' : 'Unlinking', link ? 'Linked' : 'Unlinked', link ? { addEntityIds: [id] } : { removeEntityIds: [id] })
  }

  /** A verdict applies to the chosen rows that cite something; the others are left as they are (and said so). */
  private async setVerdict(): Promise<void> {
    const status = this.field('bulk-verdict') as VerificationStatus
    try {
      const rows = await this.use.model!.corpus.rows([...this.chosen])
      const cited = rows.filter((r) => r.citations.length > 0).map((r) => r.id)
      const uncited = rows.length - cited.length
      if (!cited.length) {
        this.outcome = 'None of the chosen annotations cites a source: no verdict to record.'
        return
      }
      if (await this.batch(`Recording “${VERDICT_LABELS[status]}” on`, 'Recorded the verdict on', { verdict: status }, cited) && uncited) {
        this.outcome += ` ${uncited} cite nothing and were left as they are.`
      }
    } catch (err) {
      reportError(this, 'Could not record the verdict', err)
    }
  }

  private async deleteChosen(): Promise<void> {
    const n = this.chosen.size
    if (!window.confirm(`Delete ${n} annotation${n === 1 ? '' : 's'}? Undo (Ctrl+Z) brings them all back at once.`)) return
    if (await this.batch('Deleting', 'Deleted', { delete: true })) this.emit(new Set())
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-bulk-bar': CorpusBulkBar
  }
}

/**
 * `<corpus-bulk-bar>`: actions on the chosen rows of the annotation table — choose every row the
 * filter keeps, add a tag, link an entity, delete. Each edit goes through the model (`mutate`), so
 * the table, the document view and the counts follow from its records, and Undo reverts it (one
 * annotation per step: the API has no batch edit yet). Progress shows while it runs.
 *
 * Properties: `chosen` (annotation ids), `total` (rows the filter keeps). Events: `chosen-change`
 * with the new set.
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { AnnotationRow } from '../../../shared/api/corpus'
import { reportError } from '../../lib/errors'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { corpusStyles } from './corpus-styles'

@customElement('corpus-bulk-bar')
export class CorpusBulkBar extends LitElement {
  static styles = [controlStyles, corpusStyles]

  @property({ attribute: false }) chosen: Set<string> = new Set()
  @property({ type: Number }) total = 0
  @state() private progress = ''
  private readonly use = new UseModel(this, ['corpus', 'entities'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const n = this.chosen.size
    const busy = !!this.progress
    return html`<div class="bar" role="group" aria-label="Bulk actions">
      <span class="muted">${n} chosen</span>
      <button @click=${this.chooseAll} ?disabled=${busy || !this.total}>Choose all ${this.total}</button>
      <button @click=${() => this.emit(new Set())} ?disabled=${busy || !n}>Clear choice</button>
      <input type="text" id="bulk-tag" aria-label="Tag to add" placeholder="tag" style="width:8rem" ?disabled=${busy} />
      <button @click=${this.addTag} ?disabled=${busy || !n}>Add tag</button>
      <select id="bulk-entity" aria-label="Entity to link" ?disabled=${busy}>
        ${m.selections.entityList().map((e) => html`<option value=${e.id}>${e.label} (${e.type})</option>`)}
      </select>
      <button @click=${this.linkEntity} ?disabled=${busy || !n}>Link entity</button>
      <button class="danger" @click=${this.deleteChosen} ?disabled=${busy || !n}>Delete…</button>
      ${this.progress ? html`<span class="muted" role="status">${this.progress}</span>` : nothing}
    </div>`
  }

  private emit(next: Set<string>): void {
    this.dispatchEvent(new CustomEvent('chosen-change', { detail: next }))
  }

  private async chooseAll(): Promise<void> {
    const m = this.use.model!
    try {
      this.emit(new Set(await m.corpus.idsOf(m.corpus.filter)))
    } catch (err) {
      reportError(this, 'Could not choose the rows', err)
    }
  }

  /** Runs `edit` on each chosen annotation's current row, showing progress; stops at the first failure. */
  private async each(doing: string, edit: (row: AnnotationRow) => Promise<unknown>): Promise<void> {
    const m = this.use.model!
    try {
      const rows = await m.corpus.rows([...this.chosen])
      let done = 0
      for (const row of rows) {
        this.progress = `${doing}: ${++done} of ${rows.length}`
        await edit(row)
      }
    } catch (err) {
      reportError(this, `Could not finish: ${doing}`, err)
    } finally {
      this.progress = ''
    }
  }

  private addTag(): void {
    const tag = this.renderRoot.querySelector<HTMLInputElement>('#bulk-tag')!.value.trim()
    if (!tag) return
    void this.each(`Adding “${tag}”`, (row) =>
      row.tags.includes(tag) ? Promise.resolve() : this.use.model!.mutate('updateAnnotation', { id: row.id, tags: [...row.tags, tag] })
    )
  }

  private linkEntity(): void {
    const id = this.renderRoot.querySelector<HTMLSelectElement>('#bulk-entity')!.value
    if (!id) return
    void this.each('Linking', (row) => {
      const ids = row.entities.map((e) => e.id)
      return ids.includes(id) ? Promise.resolve() : this.use.model!.mutate('updateAnnotation', { id: row.id, entityIds: [...ids, id] })
    })
  }

  private async deleteChosen(): Promise<void> {
    if (!window.confirm(`Delete ${this.chosen.size} annotations? Undo brings them back one at a time.`)) return
    await this.each('Deleting', (row) => this.use.model!.mutate('deleteAnnotation', { id: row.id }))
    this.emit(new Set())
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-bulk-bar': CorpusBulkBar
  }
}

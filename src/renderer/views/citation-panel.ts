/**
 * `<citation-panel>`: the Bibliography side panel. References found in the open document's text
 * (to accept, edit or reject), the project's bibliography items with how many passages cite
 * each, the passages citing the selected item (click one to go to it), a form to add or edit an
 * item by hand, bibliography import (BibTeX/BibLaTeX, RIS, CSL-JSON) and the formatted
 * bibliography in the chosen Chicago style.
 *
 * The items are the model's bibliography (counts kept current from change events); the passages
 * citing the selected item are a cached read of the model, kept current the same way.
 *
 * Properties (set by the shell): `documentId`.
 * Events (bubbling, composed): `annotation-select` `{ id, documentId }`, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { repeat } from 'lit/directives/repeat.js'
import type { CitationMerge, CitationSummary } from '../../shared/api/citations'
import type { CslItem } from '../../shared/model'
import { fileToBase64 } from '../dom/file-base64'
import { reportError } from '../lib/errors'
import { itemLabel } from '../../shared/citations/csl-item'
import { htmlToSegments } from '../../shared/citations/rich-text'
import { UseModel } from '../model/model-context'
import { ProjectReads } from '../model/project-reads'
import { renderSegments } from './bibliography-view'
import './bibliography-merge'
import { fieldLabel } from '../lib/bibliography-merge-fields'
import { controlStyles } from '../styles/ui-styles'

@customElement('citation-panel')
export class CitationPanel extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; font-size: 0.9rem; }
      h3 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--ink-soft); margin: 1rem 0 0.4rem; }
      .bar { display: flex; gap: 0.4rem; flex-wrap: wrap; align-items: center; }
      input[type='file'] { display: none; }
      ul { list-style: none; margin: 0; padding: 0; }
      li.item { padding: 0.3rem 0.4rem; border-radius: 6px; cursor: pointer; display: flex; gap: 0.4rem; align-items: flex-start; }
      li.item:hover { background: var(--accent-soft); }
      li.item.selected { background: var(--accent-soft); outline: 1px solid #d8c5b3; }
      li.item input.pick { width: auto; margin: 0.2rem 0 0; flex: none; }
      li.item button.label { border: none; background: transparent; padding: 0; text-align: left; white-space: normal; flex: 1; font-size: inherit; }
      .merge-bar { margin-top: 0.4rem; font-size: 0.85rem; }
      .count { margin-left: auto; color: var(--ink-soft); font-variant-numeric: tabular-nums; }
      .passages li { margin: 0.3rem 0 0.3rem 0.6rem; }
      .passages button { text-align: left; font-style: italic; white-space: normal; }
      .report, .hint { font-size: 0.82rem; color: var(--ink-soft); }
      .preview { font-family: 'Iowan Old Style', Palatino, 'Noto Serif', Georgia, serif; margin: 0.4rem 0; padding-left: 1.4rem; text-indent: -1.4rem; }
      .has-source { font-size: 0.75rem; color: #2e7d32; margin-right: 0.3rem; }
      .list { max-height: 16rem; overflow: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
    `
  ]

  /** The open document (proposals are read from its text). */
  @property() documentId: string | undefined

  @state() private selectedId: string | undefined
  @state() private form: 'new' | 'edit' | undefined
  @state() private report = ''
  @state() private filter = ''
  /** Items ticked for merging (ids). */
  @state() private picked: string[] = []
  /** The two items being merged in the dialog. */
  @state() private merging: [string, string] | undefined
  private readonly use = new UseModel(this, ['citations', 'reads'])

  render() {
    const items = this.use.model?.selections.citationList() ?? []
    const selected = this.selectedId ? this.use.model?.citations.get(this.selectedId) : undefined
    const q = this.filter.trim().toLowerCase()
    const shown = q ? items.filter((c) => c.label.toLowerCase().includes(q)) : items
    // Ticked items that are still in the bibliography (one may have been deleted meanwhile).
    const picked = this.picked.filter((id) => this.use.model?.citations.get(id))
    return html`
      <div class="bar">
        <button @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type=file]')?.click()}>Import bibliography…</button>
        <input type="file" accept=".bib,.bibtex,.ris,.json" @change=${this.importFile} />
        <button @click=${() => (this.form = 'new')}>Add item…</button>
      </div>
      ${this.report ? html`<p class="report" role="status">${this.report}</p>` : nothing}
      ${this.form === 'new'
        ? html`<citation-form submitLabel="Add" @citation-form-submit=${this.create} @citation-form-cancel=${() => (this.form = undefined)}></citation-form>`
        : nothing}

      <h3>References in this text</h3>
      <reference-proposals .documentId=${this.documentId}></reference-proposals>

      <h3>Bibliography (${items.length})</h3>
      ${items.length > 8 ? html`<input type="search" placeholder="Filter" aria-label="Filter items" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />` : nothing}
      <ul class="list" aria-label="Bibliography items">
        ${repeat(
          shown.slice(0, 500),
          (c) => c.id,
          (c) => html`<li class="item ${c.id === this.selectedId ? 'selected' : ''}" data-citation-id=${c.id} @click=${() => this.select(c.id)}>
            <input type="checkbox" class="pick" aria-label=${`Choose “${c.label}” for merging`} .checked=${picked.includes(c.id)}
              @click=${(e: Event) => e.stopPropagation()} @change=${(e: Event) => this.pick(c.id, (e.target as HTMLInputElement).checked)} />
            <button class="label" aria-current=${c.id === this.selectedId ? 'true' : 'false'}>${c.label}</button>${c.sourceDocumentId ? html`<span class="has-source" title="Its source text is attached: check claims in the Verify tab" aria-label="source attached">source ✓</span>` : nothing}<span class="count" title="Passages citing it" aria-label=${`cited by ${c.citedBy}`}>${c.citedBy}</span>
          </li>`
        )}
      </ul>
      ${this.renderMergeBar(picked)}
      ${selected ? this.renderSelected(selected) : nothing}

      <h3>Formatted bibliography and notes</h3>
      <bibliography-view .documentId=${this.documentId}></bibliography-view>
    `
  }

  private renderSelected(c: CitationSummary) {
    const reads = this.use.model?.reads
    const passages = reads?.passages.of(c.id).get().value ?? []
    // How the item reads in a bibliography (one item formatted, cached by the model).
    const preview = reads?.worksCited.of(ProjectReads.bibliographyKey('chicago-notes-bibliography', [c.id])).get().value?.entries[0]
    return html`
      ${preview ? html`<p class="preview" data-citation-id=${c.id}>${renderSegments(htmlToSegments(preview.html))}</p>` : nothing}
      <section class="passages" aria-label="Passages citing the selected item">
        <h3>Cited by ${passages.length} passage${passages.length === 1 ? '' : 's'}</h3>
        <ul>
          ${passages.map(
            (p) => html`<li data-annotation-id=${p.annotationId}>
              <button class="quiet" @click=${() => this.reveal(p.annotationId, p.documentId)}>“${p.exact}”</button>
              ${p.locator ? html`<span class="locator">${p.locator}</span>` : nothing}
              <span class="doc">(${p.documentTitle})</span>
            </li>`
          )}
        </ul>
        <div class="bar">
          <button @click=${() => (this.form = 'edit')}>Edit item…</button>
          <button class="danger" @click=${() => this.deleteItem(c.id)}>Delete item</button>
        </div>
        ${this.form === 'edit'
          ? html`<citation-form .item=${c.item} @citation-form-submit=${(e: CustomEvent<{ item: CslItem }>) => this.saveItem(c.id, e.detail.item)} @citation-form-cancel=${() => (this.form = undefined)}></citation-form>`
          : nothing}
      </section>
    `
  }

  /** Tick two entries for the same work, then Merge shows them side by side (bibliography-merge). */
  private renderMergeBar(picked: string[]) {
    return html`<div class="bar merge-bar" role="group" aria-label="Merge items">
      ${picked.length === 0
        ? html`<span class="hint">Tick two entries for the same work to merge them.</span>`
        : html`<span class="hint" role="status">${picked.length} ticked${picked.length === 2 ? '' : ': tick exactly two to merge'}</span>
            <button ?disabled=${picked.length !== 2} @click=${() => (this.merging = [picked[0], picked[1]])}>Merge 2 items…</button>
            <button class="quiet" @click=${() => (this.picked = [])}>Clear</button>`}
    </div>
    ${this.merging
      ? html`<bibliography-merge .ids=${this.merging} @merge-cancel=${() => (this.merging = undefined)} @merge-done=${this.merged}></bibliography-merge>`
      : nothing}`
  }

  private pick(id: string, on: boolean): void {
    this.picked = on ? [...this.picked.filter((x) => x !== id), id] : this.picked.filter((x) => x !== id)
  }

  private merged = async (e: CustomEvent<{ into: string; result: CitationMerge }>): Promise<void> => {
    const { into, result } = e.detail
    this.merging = undefined
    this.picked = []
    this.select(into)
    this.report = `Merged into “${itemLabel(result.citation.item)}”: ${result.movedLinks} citation link(s) moved${result.addedFields.length ? `; took ${result.addedFields.map(fieldLabel).join(', ')} from the other entry` : ''}. Undo (Ctrl+Z) reverts it.`
    // Focus goes to the item that stayed (the Merge button is gone with the ticks).
    await this.updateComplete
    this.renderRoot.querySelector<HTMLButtonElement>(`li[data-citation-id="${into}"] button.label`)?.focus()
  }

  private select(id: string): void {
    this.selectedId = id
    this.form = undefined
  }

  private reveal(annotationId: string, documentId: string): void {
    this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: annotationId, documentId }, bubbles: true, composed: true }))
  }

  private create = async (e: CustomEvent<{ item: CslItem }>): Promise<void> => {
    try {
      const c = await this.use.model!.mutate('createCitation', { item: e.detail.item })
      this.form = undefined
      this.selectedId = c.id
    } catch (err) {
      reportError(this, 'Could not add the item', err)
    }
  }

  private async saveItem(id: string, item: CslItem): Promise<void> {
    try {
      await this.use.model!.mutate('updateCitation', { id, item })
      this.form = undefined
    } catch (err) {
      reportError(this, 'Could not save the item', err)
    }
  }

  private async deleteItem(id: string): Promise<void> {
    try {
      const r = await this.use.model!.mutate('deleteCitation', { id })
      this.report = `Deleted; ${r.unlinkedAnnotations} highlight(s) no longer cite it (Undo restores both).`
    } catch (err) {
      reportError(this, 'Could not delete the item', err)
    }
  }

  private async importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    this.report = `Importing ${file.name}…`
    try {
      const r = await this.use.model!.mutate('importBibliography', { fileName: file.name, contentBase64: await fileToBase64(file) })
      const skipped = r.skipped.map((s) => `line ${s.line}${s.key ? ` (${s.key})` : ''}: ${s.reason}`).join('; ')
      // The services' sentence tells duplicates within the file from merges into items the project had.
      this.report = `${r.summary}${skipped ? ` Skipped: ${skipped}.` : ''}`
    } catch (err) {
      this.report = ''
      reportError(this, `Could not import ${file.name}`, err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citation-panel': CitationPanel
  }
}

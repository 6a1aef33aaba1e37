/**
 * `<citation-panel>`: the Bibliography side panel. References found in the open document's text
 * (to accept, edit or reject), the project's bibliography items with how many passages cite
 * each, the passages citing the selected item (click one to go to it), a form to add or edit an
 * item by hand, bibliography import (BibTeX/BibLaTeX, RIS, CSL-JSON) and the formatted
 * bibliography in the chosen Chicago style.
 *
 * Properties (set by the shell): `documentId`, `selectedAnnotationId`.
 * Events (bubbling, composed): `annotation-select` `{ id }`, `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call } from '../api-client'
import { ChangeSubscription } from '../lib/change-subscription'
import type { CitationSummary, CitingPassage } from '../../shared/api/citations'
import type { CslItem } from '../../shared/model'
import { reportError } from '../lib/errors'
import { fileToBase64 } from '../lib/file-base64'
import { controlStyles } from '../lib/ui-styles'

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
      li.item { padding: 0.3rem 0.4rem; border-radius: 6px; cursor: pointer; display: flex; gap: 0.4rem; }
      li.item:hover { background: var(--accent-soft); }
      li.item[aria-selected='true'] { background: var(--accent-soft); outline: 1px solid #d8c5b3; }
      .count { margin-left: auto; color: var(--ink-soft); font-variant-numeric: tabular-nums; }
      .passages li { margin: 0.3rem 0 0.3rem 0.6rem; }
      .passages button { text-align: left; font-style: italic; white-space: normal; }
      .report { font-size: 0.82rem; color: var(--ink-soft); }
      .list { max-height: 16rem; overflow: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
    `
  ]

  /** The open document (proposals are read from its text). */
  @property() documentId: string | undefined
  @property() selectedAnnotationId: string | undefined

  @state() private items: CitationSummary[] = []
  @state() private selectedId: string | undefined
  @state() private passages: CitingPassage[] = []
  @state() private form: 'new' | 'edit' | undefined
  @state() private report = ''
  @state() private filter = ''
  /** Re-reads the bibliography on every change and on (re)connection. */
  protected readonly changes = new ChangeSubscription(this, () => void this.load(), () => void this.load())

  private async load(): Promise<void> {
    try {
      this.items = await call('listCitations', {})
      if (this.selectedId && !this.items.some((c) => c.id === this.selectedId)) this.selectedId = undefined
      this.passages = this.selectedId ? await call('listCitingPassages', { citationId: this.selectedId }) : []
    } catch (err) {
      reportError(this, 'Could not read the bibliography', err)
    }
  }

  render() {
    const selected = this.items.find((c) => c.id === this.selectedId)
    const q = this.filter.trim().toLowerCase()
    const shown = q ? this.items.filter((c) => c.label.toLowerCase().includes(q)) : this.items
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

      <h3>Bibliography (${this.items.length})</h3>
      ${this.items.length > 8 ? html`<input type="search" placeholder="Filter" aria-label="Filter items" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)} />` : nothing}
      <ul class="list" role="listbox" aria-label="Bibliography items">
        ${shown.slice(0, 500).map(
          (c) => html`<li class="item" role="option" data-citation-id=${c.id} aria-selected=${c.id === this.selectedId ? 'true' : 'false'} @click=${() => this.select(c.id)}>
            <span class="label">${c.label}</span>${c.sourceDocumentId ? html`<span class="has-source" title="Its source text is attached: check claims in the Verify tab" aria-label="source attached" style="font-size:0.75rem;color:#2e7d32;margin-right:0.3rem">source ✓</span>` : nothing}<span class="count" title="Passages citing it">${c.citedBy}</span>
          </li>`
        )}
      </ul>
      ${selected ? this.renderSelected(selected) : nothing}

      <h3>Formatted bibliography and notes</h3>
      <bibliography-view .documentId=${this.documentId}></bibliography-view>
    `
  }

  private renderSelected(c: CitationSummary) {
    return html`
      <section class="passages" aria-label="Passages citing the selected item">
        <h3>Cited by ${this.passages.length} passage${this.passages.length === 1 ? '' : 's'}</h3>
        <ul>
          ${this.passages.map(
            (p) => html`<li data-annotation-id=${p.annotationId}>
              <button class="quiet" @click=${() => this.reveal(p.annotationId)}>“${p.exact}”</button>
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

  private async select(id: string): Promise<void> {
    this.selectedId = id
    this.form = undefined
    await this.load()
  }

  private reveal(annotationId: string): void {
    this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: annotationId }, bubbles: true, composed: true }))
  }

  private create = async (e: CustomEvent<{ item: CslItem }>): Promise<void> => {
    try {
      const c = await call('createCitation', { item: e.detail.item })
      this.form = undefined
      this.selectedId = c.id
    } catch (err) {
      reportError(this, 'Could not add the item', err)
    }
  }

  private async saveItem(id: string, item: CslItem): Promise<void> {
    try {
      await call('updateCitation', { id, item })
      this.form = undefined
    } catch (err) {
      reportError(this, 'Could not save the item', err)
    }
  }

  private async deleteItem(id: string): Promise<void> {
    try {
      const r = await call('deleteCitation', { id })
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
      const r = await call('importBibliography', { fileName: file.name, contentBase64: await fileToBase64(file) })
      const skipped = r.skipped.map((s) => `line ${s.line}${s.key ? ` (${s.key})` : ''}: ${s.reason}`).join('; ')
      this.report = `${file.name}: ${r.imported} imported, ${r.merged} merged with existing items, ${r.skipped.length} skipped${skipped ? ` — ${skipped}` : ''}.`
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

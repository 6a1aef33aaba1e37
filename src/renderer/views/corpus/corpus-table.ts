/**
 * `<corpus-table>`: every annotation of the project, one row each (document, quote in context,
 * tags, entities, citation with locator, verdict, note, dates), under the shared corpus filter,
 * sorted by any column (click a heading; again for descending). Virtualised: the rows are read
 * from the services a page at a time, only for the rows on screen, so tens of thousands of rows
 * cost what a screenful costs. A row (click, or Enter on its quote) opens the passage. Rows can be
 * chosen for bulk actions (`<corpus-bulk-bar>`); the table exports as CSV from the current filter.
 */
import '@lit-labs/virtualizer'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { AnnotationRow, TableColumn, TableSort } from '../../../shared/api/corpus'
import { reportError } from '../../lib/errors'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { openAnnotation } from './corpus-events'
import { corpusStyles } from './corpus-styles'
import { saveFile } from './save-file'
import './corpus-bulk-bar'

/** Rows read per call. */
const PAGE = 200

const COLUMNS: { id: TableColumn; label: string }[] = [
  { id: 'document', label: 'Document' },
  { id: 'quote', label: 'Quote' },
  { id: 'tags', label: 'Tags' },
  { id: 'entities', label: 'Entities' },
  { id: 'citation', label: 'Citation' },
  { id: 'verdict', label: 'Verdict' },
  { id: 'note', label: 'Note' },
  { id: 'dates', label: 'Dates' }
]

@customElement('corpus-table')
export class CorpusTable extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    .grid { display: grid; grid-template-columns: 2rem 8rem minmax(14rem, 2.5fr) 6rem 8rem 9rem 7rem minmax(6rem, 1fr) 6rem; }
    .head { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--ink-soft); border-bottom: 2px solid var(--line); }
    .head button { border: none; background: transparent; padding: 0.3rem 0.2rem; font-size: inherit; color: inherit; text-transform: inherit; text-align: left; width: 100%; }
    lit-virtualizer { height: calc(100vh - 17rem); min-height: 12rem; }
    .row { width: 100%; border-bottom: 1px solid var(--line); font-size: 0.84rem; cursor: pointer; }
    .row:hover { background: var(--accent-soft); }
    .row > div { padding: 0.3rem 0.25rem; overflow: hidden; text-overflow: ellipsis; }
    .row button.quote { border: none; background: transparent; padding: 0; text-align: left; font-size: inherit; }
    .ctx { color: var(--ink-soft); }
    .verdict-contradicted, .verdict-not-found { color: var(--danger); font-weight: 600; }
    .verdict-supported { color: #2d7a3a; }
  `]

  @state() private sort: TableSort = { column: 'position' }
  @state() private chosen = new Set<string>()
  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const filter = m.corpus.filter
    const head = m.corpus.get('annotationTable', { filter, limit: 0 })
    const total = head.value?.total ?? 0
    const items = Array.from({ length: total }, (_, i) => i)
    return html`
      <div class="bar">
        <span class="muted" role="status" id="table-count">${head.value ? `${total} of ${head.value.all} annotations` : head.error ?? 'Loading…'}</span>
        <span style="flex:1"></span>
        <button @click=${this.exportCsv} ?disabled=${!total}>Export CSV</button>
      </div>
      <corpus-bulk-bar .chosen=${this.chosen} .total=${total} @chosen-change=${(e: CustomEvent<Set<string>>) => (this.chosen = e.detail)}></corpus-bulk-bar>
      <div role="table" aria-label="Annotations of the project" aria-rowcount=${total + 1}>
        <div role="row" class="grid head">
          <div role="columnheader"><span class="sr-only">Chosen</span></div>
          ${COLUMNS.map((c) => html`<div role="columnheader" aria-sort=${this.sort.column === c.id ? (this.sort.descending ? 'descending' : 'ascending') : 'none'}>
            <button @click=${() => this.sortBy(c.id)}>${c.label}${this.sort.column === c.id ? (this.sort.descending ? ' ▼' : ' ▲') : ''}</button>
          </div>`)}
        </div>
        <lit-virtualizer scroller .items=${items} .renderItem=${(i: number) => this.renderRow(i)}></lit-virtualizer>
      </div>
    `
  }

  /** Row `i` of the filtered, sorted table (a placeholder until its page is read). */
  private renderRow(i: number) {
    const page = Math.floor(i / PAGE)
    const r = this.use.model!.corpus.get('annotationTable', { filter: this.use.model!.corpus.filter, sort: this.sort, offset: page * PAGE, limit: PAGE })
    const row: AnnotationRow | undefined = r.value?.rows[i - page * PAGE]
    if (!row) return html`<div role="row" class="grid row" aria-rowindex=${i + 2}><div role="cell"></div><div role="cell" class="muted">…</div></div>`
    const cite = row.citations[0]
    return html`<div role="row" class="grid row" aria-rowindex=${i + 2} data-annotation-id=${row.id} @click=${(e: Event) => this.open(e, row)}>
      <div role="cell"><input type="checkbox" aria-label=${`Choose “${row.exact.slice(0, 40)}”`} .checked=${this.chosen.has(row.id)} @click=${(e: Event) => this.toggle(e, row.id)} /></div>
      <div role="cell" title=${row.documentTitle}>${row.documentTitle}</div>
      <div role="cell"><button class="quote" @click=${(e: Event) => this.open(e, row)}><span class="ctx">…${row.prefix.slice(-24)}</span><mark>${row.exact}</mark><span class="ctx">${row.suffix.slice(0, 24)}…</span></button></div>
      <div role="cell">${row.tags.join(', ')}</div>
      <div role="cell">${row.entities.map((e) => e.label).join(', ')}</div>
      <div role="cell" title=${cite?.label ?? ''}>${cite ? `${cite.label}${cite.locator ? `, ${cite.locator}` : ''}` : ''}${row.citations.length > 1 ? ` +${row.citations.length - 1}` : ''}</div>
      <div role="cell" class="verdict verdict-${row.verdict}">${row.verdict === 'uncited' ? '' : row.verdict}</div>
      <div role="cell" title=${row.note}>${row.note}</div>
      <div role="cell">${row.dates.join(', ')}</div>
    </div>`
  }

  private open(e: Event, row: AnnotationRow): void {
    e.stopPropagation()
    openAnnotation(this, row.id, row.documentId)
  }

  private toggle(e: Event, id: string): void {
    e.stopPropagation()
    const next = new Set(this.chosen)
    if ((e.target as HTMLInputElement).checked) next.add(id)
    else next.delete(id)
    this.chosen = next
  }

  private sortBy(column: TableColumn): void {
    this.sort = this.sort.column === column ? { column, descending: !this.sort.descending } : { column }
  }

  private async exportCsv(): Promise<void> {
    const m = this.use.model!
    try {
      const f = await m.corpus.file('exportAnnotationTable', { filter: m.corpus.filter, sort: this.sort })
      saveFile(f.fileName, f.mediaType, f.content)
    } catch (err) {
      reportError(this, 'Could not export the table', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-table': CorpusTable
  }
}

/**
 * `<corpus-kwic>`: a concordance (keyword in context) of a word or phrase, or of an entity (its
 * annotated mentions under the corpus filter, and optionally every occurrence of its names):
 * left context right-aligned against the keyword, sortable by the word to the left or right,
 * exportable as CSV. A line opens its passage.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, state } from 'lit/decorators.js'
import type { KwicSort } from '../../../shared/api/search'
import { reportError } from '../../lib/errors'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { openAnnotation, openPassage } from './corpus-events'
import { corpusStyles } from './corpus-styles'
import { saveFile } from './save-file'

/** Code points of context each side. */
const WIDTH = 50

@customElement('corpus-kwic')
export class CorpusKwic extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    .lines { font-family: 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.8rem; }
    button.line { display: grid; grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr); gap: 0.4rem; width: 100%; border: none; border-bottom: 1px solid var(--line); border-radius: 0; background: transparent; padding: 0.15rem 0.3rem; font: inherit; }
    button.line:hover, button.line:focus-visible { background: var(--accent-soft); }
    .left { text-align: right; white-space: nowrap; overflow: hidden; direction: rtl; }
    .left span { direction: ltr; unicode-bidi: plaintext; }
    .right { text-align: left; white-space: nowrap; overflow: hidden; }
    .kw { font-weight: 700; color: var(--accent); }
    label.inline { display: inline-flex; gap: 0.3rem; align-items: center; text-transform: none; letter-spacing: 0; margin: 0; }
  `]

  @state() private query = ''
  @state() private entityId = ''
  @state() private names = false
  @state() private sort: KwicSort = 'position'
  private readonly use = new UseModel(this, ['corpus', 'entities'])

  /** Shows the concordance of an entity (from another view). */
  showEntity(id: string): void {
    this.entityId = id
    this.query = ''
  }

  private args() {
    const m = this.use.model!
    const base = { width: WIDTH, sort: this.sort, filter: m.corpus.filter }
    if (this.entityId) return { ...base, entityId: this.entityId, names: this.names }
    return this.query.trim() ? { ...base, query: this.query.trim() } : undefined
  }

  render() {
    const m = this.use.model
    if (!m) return nothing
    const args = this.args()
    const r = args ? m.corpus.get('concordance', args) : undefined
    const c = r?.value
    return html`
      <form class="bar" @submit=${this.submit}>
        <input type="search" name="q" aria-label="Concordance of a word or phrase" placeholder="Word or phrase" .value=${this.query} />
        <select name="entity" aria-label="Concordance of an entity" @change=${this.chooseEntity}>
          <option value="">or an entity…</option>
          ${m.selections.entityList().map((e) => html`<option value=${e.id} ?selected=${e.id === this.entityId}>${e.label} (${e.mentionCount})</option>`)}
        </select>
        <label class="inline"><input type="checkbox" style="width:auto" .checked=${this.names} @change=${(e: Event) => (this.names = (e.target as HTMLInputElement).checked)} /> unannotated names too</label>
        <button class="primary" type="submit">Show</button>
        <select aria-label="Sort lines" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as KwicSort)}>
          <option value="position" ?selected=${this.sort === 'position'}>In text order</option>
          <option value="left" ?selected=${this.sort === 'left'}>By left word</option>
          <option value="right" ?selected=${this.sort === 'right'}>By right word</option>
        </select>
        <button type="button" @click=${this.exportCsv} ?disabled=${!c?.lines.length}>Export CSV</button>
      </form>
      ${r?.error ? html`<p class="error" role="alert">${r.error}</p>` : nothing}
      ${c ? html`<p class="muted" role="status">${c.total} line${c.total === 1 ? '' : 's'}${c.truncated ? ` (first ${c.lines.length} shown)` : ''}</p>` : nothing}
      <ul class="lines plain" aria-label="Concordance lines">
        ${(c?.lines ?? []).map(
          (l) => html`<li><button class="line" data-start=${l.start} title=${l.documentTitle} @click=${() => (l.annotationId ? openAnnotation(this, l.annotationId, l.documentId) : openPassage(this, { documentId: l.documentId, start: l.start, end: l.end }))}>
            <span class="left"><span>${l.left}</span></span><span class="kw">${l.keyword}</span><span class="right">${l.right}</span>
          </button></li>`
        )}
      </ul>
    `
  }

  private submit(e: Event): void {
    e.preventDefault()
    const q = ((e.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement).value
    if (q.trim()) {
      this.query = q
      this.entityId = ''
    }
  }

  private chooseEntity(e: Event): void {
    this.entityId = (e.target as HTMLSelectElement).value
    if (this.entityId) this.query = ''
  }

  private async exportCsv(): Promise<void> {
    const args = this.args()
    if (!args) return
    try {
      const f = await this.use.model!.corpus.file('exportConcordance', args)
      saveFile(f.fileName, f.mediaType, f.content)
    } catch (err) {
      reportError(this, 'Could not export the concordance', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-kwic': CorpusKwic
  }
}

/**
 * `<citation-form>`: add or edit a bibliography item by hand: type, authors (one per line,
 * `Family, Given`), title, year, container, volume, issue, pages, publisher, place, DOI, URL,
 * language (a BCP 47 tag such as `de`: CSL styles apply English title case to English titles only).
 * Fields the form does not show are kept as they were. With `withLocator`, it also asks for the
 * locator (page, chapter, folio…) of the passage being cited.
 *
 * Events (bubbling, composed): `citation-form-submit` `{ item, locator? }`, `citation-form-cancel`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CslItem, CslName } from '../../shared/model'
import { controlStyles } from '../styles/ui-styles'

/** Item types offered, with their labels (CSL type names). */
const TYPES: [string, string][] = [
  ['book', 'Book'], ['article-journal', 'Journal article'], ['chapter', 'Book chapter'], ['entry-encyclopedia', 'Encyclopedia entry'],
  ['thesis', 'Thesis'], ['manuscript', 'Manuscript'], ['report', 'Report'], ['webpage', 'Web page'], ['document', 'Other document']
]
const TEXT_FIELDS: [keyof CslItem & string, string][] = [
  ['title', 'Title'], ['container-title', 'Journal / book / encyclopedia'], ['volume', 'Volume'], ['issue', 'Issue'], ['page', 'Pages'],
  ['publisher', 'Publisher'], ['publisher-place', 'Place'], ['DOI', 'DOI'], ['URL', 'URL'],
  // CSL `language` (BCP 47): styles apply English title case only to English titles.
  ['language', 'Language (e.g. de, fr, en-GB: German and French titles keep their case)']
]

/** `Family, Given` lines ⇄ CSL names. */
export function namesToText(names: CslName[] | undefined): string {
  return (names ?? []).map((n) => (n.literal ? String(n.literal) : [n.family, n.given].filter(Boolean).join(', '))).join('\n')
}
export function textToNames(text: string): CslName[] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const [family, ...given] = l.split(',').map((s) => s.trim())
    return given.length ? { family, given: given.join(', ') } : { family }
  })
}

@customElement('citation-form')
export class CitationForm extends LitElement {
  static styles = [
    controlStyles,
    css`
      form { display: grid; gap: 0.35rem; }
      label { font-size: 0.78rem; color: var(--ink-soft); display: grid; gap: 0.15rem; }
      .row { display: grid; grid-template-columns: 1fr 1fr; gap: 0.4rem; }
      .actions { display: flex; justify-content: flex-end; gap: 0.4rem; margin-top: 0.3rem; }
    `
  ]

  /** The item to edit (a copy is edited); empty for a new item. */
  @property({ attribute: false }) item: CslItem | undefined
  /** Ask for a locator too (when accepting an edited reference). */
  @property({ type: Boolean }) withLocator = false
  @property() locator = ''
  @property() submitLabel = 'Save'

  @state() private draft: Record<string, unknown> = { type: 'book' }
  @state() private authors = ''
  @state() private year = ''

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('item')) {
      const item = this.item ?? { id: '', type: 'book' }
      this.draft = { ...item }
      this.authors = namesToText(item.author)
      const y = item.issued?.['date-parts']?.[0]?.[0]
      this.year = y === undefined ? '' : String(y)
    }
  }

  render() {
    const d = this.draft
    return html`
      <form @submit=${this.submit} aria-label="Bibliography item">
        <label>Type
          <select .value=${String(d.type ?? 'book')} @change=${(e: Event) => this.set('type', (e.target as HTMLSelectElement).value)}>
            ${TYPES.map(([v, l]) => html`<option value=${v} ?selected=${d.type === v}>${l}</option>`)}
          </select>
        </label>
        <label>Authors (one per line: Family, Given)
          <textarea name="author" rows="2" .value=${this.authors} @input=${(e: Event) => (this.authors = (e.target as HTMLTextAreaElement).value)}></textarea>
        </label>
        <label>Year <input name="year" inputmode="numeric" .value=${this.year} @input=${(e: Event) => (this.year = (e.target as HTMLInputElement).value)} /></label>
        ${TEXT_FIELDS.map(([f, l]) => html`<label>${l}
          <input name=${f} .value=${d[f] === undefined ? '' : String(d[f])} @input=${(e: Event) => this.set(f, (e.target as HTMLInputElement).value)} />
        </label>`)}
        ${this.withLocator
          ? html`<label>Locator (e.g. p. 39, ch. LXIV, fol. 12r)
              <input name="locator" .value=${this.locator} @input=${(e: Event) => (this.locator = (e.target as HTMLInputElement).value)} />
            </label>`
          : ''}
        <div class="actions">
          <button type="button" class="quiet" @click=${this.cancel}>Cancel</button>
          <button type="submit" class="primary">${this.submitLabel}</button>
        </div>
      </form>
    `
  }

  private set(field: string, value: string): void {
    this.draft = { ...this.draft, [field]: value }
  }

  private submit(e: Event): void {
    e.preventDefault()
    const item: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(this.draft)) if (!(typeof v === 'string' && v.trim() === '')) item[k] = typeof v === 'string' ? v.trim() : v
    const names = textToNames(this.authors)
    if (names.length) item.author = names
    else delete item.author
    const y = parseInt(this.year, 10)
    if (Number.isFinite(y)) item.issued = { 'date-parts': [[y]] }
    else if (!this.year.trim()) delete item.issued
    const detail: { item: CslItem; locator?: string } = { item: item as CslItem }
    if (this.withLocator) detail.locator = this.locator.trim()
    this.dispatchEvent(new CustomEvent('citation-form-submit', { detail, bubbles: true, composed: true }))
  }

  private cancel(): void {
    this.dispatchEvent(new CustomEvent('citation-form-cancel', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citation-form': CitationForm
  }
}

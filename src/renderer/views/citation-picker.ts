/**
 * `<citation-picker>`: choose a bibliography item (type to filter the project's items) and a
 * locator (page, chapter, folio, line) for a highlight.
 *
 * - In a form (no `annotation`): `value` is the chosen `{ citationId, locator }` or undefined;
 *   the selection popover adds it to the new highlight's `citations`.
 * - On an existing highlight (`annotation` set): a Cite button adds the link to that annotation
 *   (replacing an earlier link to the same item, keeping the others and their verdicts).
 * The items are the project model's bibliography (filtered here, no call). When what was typed
 * matches no item (or the historian picks the last option), "New item…" opens `<citation-form>`
 * with the typed text as the title; the item is created (`createCitation`, undoable) and chosen.
 *
 * Events (bubbling, composed): `marginalia-error`; `citation-picked` `{ citationId, locator }`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { CitationSummary } from '../../shared/api/citations'
import { foldKey } from '../../shared/text/fold'
import type { Annotation } from '../../shared/model'
import type { CslItem } from '../../shared/model'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

export interface PickedCitation {
  citationId: string
  locator?: string
}

/** Items whose label contains every word typed (case and accents ignored). */
export function filterItems(items: CitationSummary[], query: string): CitationSummary[] {
  const words = foldKey(query).split(' ').filter(Boolean)
  return items.filter((c) => {
    const label = foldKey(c.label)
    return words.every((w) => label.includes(w))
  })
}

@customElement('citation-picker')
export class CitationPicker extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; }
      .row { display: flex; gap: 0.35rem; align-items: center; }
      input.q { flex: 1; min-width: 0; }
      input.loc { width: 6rem; }
      ul { list-style: none; margin: 0.2rem 0 0; padding: 0; max-height: 9rem; overflow: auto; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
      li { padding: 0.2rem 0.4rem; cursor: pointer; font-size: 0.85rem; }
      li[aria-selected='true'], li:hover { background: var(--accent-soft); }
      label { font-size: 0.78rem; color: var(--ink-soft); }
      li.new { border-top: 1px solid var(--line); font-style: italic; }
      .new-item { border: 1px solid var(--line); border-radius: 6px; padding: 0.4rem 0.5rem; margin-top: 0.3rem; background: #fff; }
    `
  ]

  /** When set, the picker cites from this existing annotation (with its own Cite button). */
  @property({ attribute: false }) annotation: Annotation | undefined
  private readonly use = new UseModel(this, ['citations'])
  @state() private query = ''
  @state() private chosen: CitationSummary | undefined
  @state() private locator = ''
  @state() private open = false
  /** The title the new item's form starts from, while it is open. */
  @state() private newItem: string | undefined

  /** The chosen item and locator, or undefined. */
  get value(): PickedCitation | undefined {
    if (!this.chosen) return undefined
    const locator = this.locator.trim()
    return locator ? { citationId: this.chosen.id, locator } : { citationId: this.chosen.id }
  }

  /** Clears the choice. */
  reset(): void {
    this.chosen = undefined
    this.query = ''
    this.locator = ''
    this.open = false
  }

  private get items(): CitationSummary[] {
    return this.use.model?.selections.citationList() ?? []
  }

  render() {
    const matches = this.open ? filterItems(this.items, this.query).slice(0, 50) : []
    return html`
      <label for="q">Cites</label>
      <div class="row">
        <input id="q" class="q" role="combobox" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="items" autocomplete="off"
          placeholder="Bibliography item…" .value=${this.chosen ? this.chosen.label : this.query}
          @focus=${() => (this.open = true)}
          @input=${(e: Event) => { this.query = (e.target as HTMLInputElement).value; this.chosen = undefined; this.open = true }}
          @keydown=${this.onKey} />
        <input class="loc" aria-label="Locator" placeholder="p. 39" .value=${this.locator}
          @input=${(e: Event) => (this.locator = (e.target as HTMLInputElement).value)} />
        ${this.annotation ? html`<button type="button" class="primary" ?disabled=${!this.chosen} @click=${this.cite}>Cite</button>` : nothing}
      </div>
      ${this.open && (matches.length || this.query.trim())
        ? html`<ul id="items" role="listbox" aria-label="Bibliography items">${matches.map(
            (c) => html`<li role="option" aria-selected="false" data-citation-id=${c.id} @mousedown=${(e: Event) => { e.preventDefault(); this.choose(c) }}>${c.label}</li>`
          )}${this.query.trim()
            ? html`<li role="option" class="new" aria-selected="false" @mousedown=${(e: Event) => { e.preventDefault(); this.startNewItem() }}>+ New item “${this.query.trim()}”…</li>`
            : nothing}</ul>`
        : nothing}
      ${this.newItem !== undefined
        ? html`<div class="new-item" role="group" aria-label="New bibliography item" @keydown=${this.onFormKey}>
            <citation-form .item=${{ id: '', type: 'book', title: this.newItem } as CslItem} submitLabel="Create item"
              @citation-form-submit=${this.createItem} @citation-form-cancel=${this.cancelNewItem}></citation-form>
          </div>`
        : nothing}
    `
  }

  private choose(c: CitationSummary): void {
    this.chosen = c
    this.open = false
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      e.stopPropagation()
      this.open = false
    } else if (e.key === 'Enter' && this.open) {
      const first = filterItems(this.items, this.query)[0]
      if (first || this.query.trim()) {
        e.preventDefault()
        e.stopPropagation()
        if (first) this.choose(first)
        else this.startNewItem() // nothing matches what was typed: make it a new item
      }
    }
  }

  private startNewItem(): void {
    this.newItem = this.query.trim()
    this.open = false
    void this.updateComplete.then(async () => {
      const form = this.renderRoot.querySelector('citation-form')
      await form?.updateComplete
      form?.renderRoot.querySelector<HTMLElement>('input[name=title]')?.focus()
    })
  }

  /** Keys in the new item's form stay there (Enter must not submit a surrounding form); Escape cancels it. */
  private onFormKey(e: KeyboardEvent): void {
    e.stopPropagation()
    if (e.key === 'Escape') this.cancelNewItem()
  }

  private cancelNewItem = (): void => {
    this.newItem = undefined
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#q')?.focus())
  }

  private createItem = async (e: CustomEvent<{ item: CslItem }>): Promise<void> => {
    e.stopPropagation()
    const m = this.use.model
    if (!m) return
    try {
      const created = await m.mutate('createCitation', { item: e.detail.item })
      this.newItem = undefined
      this.query = ''
      this.choose(m.citations.get(created.id) ?? ({ ...created, label: e.detail.item.title ?? created.id, citedBy: 0 } as CitationSummary))
      await this.updateComplete
      this.renderRoot.querySelector<HTMLElement>('input.loc')?.focus() // on to the locator
    } catch (err) {
      reportError(this, 'Could not create the item', err)
    }
  }

  private async cite(): Promise<void> {
    const picked = this.value
    const ann = this.annotation
    if (!picked || !ann || !this.use.model) return
    const { chosen, locator } = this
    this.reset() // now: the edit's change event may arrive before the write returns
    try {
      const citations = [...ann.citations.filter((c) => c.citationId !== picked.citationId).map((c) => ({ citationId: c.citationId, locator: c.locator })), picked]
      await this.use.model.mutate('updateAnnotation', { id: ann.id, citations })
      this.dispatchEvent(new CustomEvent('citation-picked', { detail: picked, bubbles: true, composed: true }))
    } catch (err) {
      ;[this.chosen, this.locator] = [chosen, locator]
      reportError(this, 'Could not cite the item', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'citation-picker': CitationPicker
  }
}

/**
 * `<bibliography-merge>`: merges two bibliography items that are the same work (say, imported once
 * from BibTeX and once from RIS). A modal dialog shows both side by side, field by field; the
 * historian chooses which entry stays (its id and key; the other's citing passages move to it) and,
 * for each field the two entries give differently, which value to keep. Merge is one
 * `mergeCitations` write through the model (one undo step); the list updates from its change event.
 *
 * Keyboard: Tab moves between the choices (each field is a radio group named after the field;
 * arrow keys pick a side), Escape cancels; focus stays in the dialog.
 *
 * Properties: `ids` (the two item ids, in the order shown).
 * Events (bubbling, composed): `merge-done` `{ into, from, result }`, `merge-cancel`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { CitationSummary } from '../../shared/api/citations'
import { errorMessage } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { ModalController } from '../dom/modal-controller'
import { controlStyles, dialogStyles } from '../styles/ui-styles'
import { defaultSide, mergedItem, mergeRows, type MergeRow, type Side } from '../lib/bibliography-merge-fields'

@customElement('bibliography-merge')
export class BibliographyMerge extends LitElement {
  static styles = [
    controlStyles,
    dialogStyles,
    css`
      dialog { --dialog-width: 56rem; max-height: 90vh; }
      p.help { font-size: 0.88rem; color: var(--ink-soft); margin: 0 0 0.7rem; }
      .grid { display: grid; grid-template-columns: 9rem 1fr 1fr; gap: 0 0.8rem; font-size: 0.88rem; }
      .row { display: contents; }
      .row > * { padding: 0.35rem 0; border-top: 1px solid var(--line); }
      .head > * { border-top: none; font-weight: 600; }
      .field { color: var(--ink-soft); }
      label.choice { display: flex; gap: 0.4rem; align-items: flex-start; cursor: pointer; word-break: break-word; border-radius: 5px; padding: 0.35rem 0.3rem; }
      label.choice input { width: auto; margin-top: 0.2rem; flex: none; }
      label.choice:has(input:checked) { background: var(--accent-soft); }
      .none { font-style: italic; color: var(--ink-soft); }
      .same-value { grid-column: 2 / 4; }
      .cited { display: block; font-weight: normal; color: var(--ink-soft); font-size: 0.8rem; }
      .summary { margin: 0.8rem 0 0; font-size: 0.88rem; }
      .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 0.8rem; }
      .error { color: var(--danger); font-size: 0.88rem; }
    `
  ]

  /** The two items to merge, as shown left and right. */
  @property({ attribute: false }) ids: [string, string] = ['', '']
  /** The entry that stays. */
  @state() private kept: Side = 'a'
  /** Fields whose side the historian chose (others follow `defaultSide`). */
  @state() private choices = new Map<string, Side>()
  @state() private busy = false
  @state() private failure = ''
  @query('dialog') private dialog!: HTMLDialogElement
  protected readonly modal = new ModalController(this, { container: () => this.dialog, onEscape: () => !this.busy && this.cancel() })
  private readonly use = new UseModel(this, ['citations'])

  protected willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('ids')) return
    // The entry cited more often stays by default (fewer links to move; ties keep the first shown).
    const [a, b] = this.items()
    this.kept = a && b && b.citedBy > a.citedBy ? 'b' : 'a'
    this.choices = new Map()
  }

  protected firstUpdated(): void {
    this.dialog.showModal()
  }

  private items(): (CitationSummary | undefined)[] {
    return this.ids.map((id) => this.use.model?.citations.get(id))
  }

  render() {
    const [a, b] = this.items()
    if (!a || !b) return html`<dialog aria-labelledby="merge-title"><h2 id="merge-title">Merge two items</h2>
      <p class="error" role="alert">One of the two items is no longer in the bibliography.</p>
      <div class="actions"><button @click=${this.cancel}>Close</button></div></dialog>`
    const rows = mergeRows(a.item, b.item)
    const keptItem = this.kept === 'a' ? a : b
    return html`<dialog aria-labelledby="merge-title" aria-describedby="merge-help" @cancel=${(e: Event) => e.preventDefault()}>
      <h2 id="merge-title">Merge two items</h2>
      <p class="help" id="merge-help">Choose the entry that stays and, for each field the two give differently, the value to keep.
        The passages citing the other entry will cite the one that stays, and the other entry is deleted. Undo (Ctrl+Z) reverts it.</p>
      <div class="grid">
        <div class="row head"><span>Entry</span>${[a, b].map((c, i) => html`<span>Entry ${i + 1}: ${c.label}
          <span class="cited">cited by ${c.citedBy} passage${c.citedBy === 1 ? '' : 's'}</span></span>`)}</div>
        <div class="row keep" role="radiogroup" aria-label="Entry that stays">
          <span class="field">Stays</span>
          ${(['a', 'b'] as Side[]).map((s, i) => html`<label class="choice"><input type="radio" name="keep" value=${s}
            .checked=${this.kept === s} @change=${() => (this.kept = s)} />Keep entry ${i + 1}</label>`)}
        </div>
        ${rows.map((row) => this.renderRow(row))}
      </div>
      <p class="summary" role="status">After merging, ${a.citedBy + b.citedBy} passage${a.citedBy + b.citedBy === 1 ? '' : 's'} cite
        “${keptItem.label}”; entry ${this.kept === 'a' ? 2 : 1} is deleted.</p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <div class="actions">
        <button class="quiet" ?disabled=${this.busy} @click=${this.cancel}>Cancel</button>
        <button class="primary" ?disabled=${this.busy} @click=${this.merge}>${this.busy ? 'Merging…' : 'Merge into one item'}</button>
      </div>
    </dialog>`
  }

  private renderRow(row: MergeRow) {
    const id = `field-${row.field}`
    if (row.same) {
      return html`<div class="row same" data-field=${row.field}><span class="field" id=${id}>${row.label}</span>
        <span class="same-value" aria-labelledby=${id}>${row.a} <span class="none">(same in both)</span></span></div>`
    }
    const side = this.choices.get(row.field) ?? defaultSide(row, this.kept)
    return html`<div class="row" role="radiogroup" aria-labelledby=${id} data-field=${row.field}>
      <span class="field" id=${id}>${row.label}</span>
      ${(['a', 'b'] as Side[]).map((s, i) => html`<label class="choice">
        <input type="radio" name=${id} value=${s} .checked=${side === s} aria-label=${`${row.label} from entry ${i + 1}: ${row[s] ?? 'not given'}`}
          @change=${() => (this.choices = new Map(this.choices).set(row.field, s))} />
        ${row[s] === undefined ? html`<span class="none">not given</span>` : html`<span>${row[s]}</span>`}</label>`)}
    </div>`
  }

  private merge = async (): Promise<void> => {
    const [a, b] = this.items()
    if (!a || !b) return
    const [into, from] = this.kept === 'a' ? [a, b] : [b, a]
    const item = mergedItem(a.item, b.item, this.kept, this.choices)
    this.busy = true
    this.failure = ''
    try {
      const result = await this.use.model!.mutate('mergeCitations', { into: into.id, from: from.id, item })
      this.modal.keepFocus()
      this.dispatchEvent(new CustomEvent('merge-done', { detail: { into: into.id, from: from.id, result }, bubbles: true, composed: true }))
    } catch (err) {
      this.failure = `Could not merge: ${errorMessage(err)}`
    } finally {
      this.busy = false
    }
  }

  private cancel = (): void => {
    this.dispatchEvent(new CustomEvent('merge-cancel', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bibliography-merge': BibliographyMerge
  }
}

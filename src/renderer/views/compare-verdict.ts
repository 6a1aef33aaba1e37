/**
 * `<compare-verdict>`: the historian's verdict on a citation link — one of four statuses (none
 * chosen until the historian chooses), a note, and Record. Supported, partially supported and
 * contradicted need a passage (a picked candidate or one selected by hand); "not found" records none.
 *
 * Keyboard: the statuses are a native radio group (arrows move), Ctrl+Enter in the note records.
 *
 * Properties: `hasPassage`, `busy`. Events: `verdict-record` `{ status, note }`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { VerificationStatus } from '../../shared/model'
import { VERDICT_LABELS } from '../lib/verdicts'
import { controlStyles } from '../styles/ui-styles'

const STATUSES: VerificationStatus[] = ['supported', 'partially-supported', 'contradicted', 'not-found']

/** Statuses that state something about a passage, so need one. */
export const NEEDS_PASSAGE: ReadonlySet<VerificationStatus> = new Set(['supported', 'partially-supported', 'contradicted'])

@customElement('compare-verdict')
export class CompareVerdict extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; padding: 0.5rem 0.75rem; border-top: 1px solid var(--line); font: 13px/1.4 system-ui, sans-serif; }
      fieldset { border: none; display: flex; gap: 0.6rem; padding: 0; margin: 0; flex-wrap: wrap; }
      legend { font-weight: 600; float: left; margin-right: 0.4rem; }
      label { display: inline-flex; gap: 0.2rem; align-items: center; cursor: pointer; }
      textarea { flex: 1; min-width: 12rem; font: inherit; min-height: 2.2rem; }
      .hint { color: var(--ink-soft); flex-basis: 100%; margin: 0; }
    `
  ]

  @property({ type: Boolean }) hasPassage = false
  @property({ type: Boolean }) busy = false
  @state() private status: VerificationStatus | undefined
  @state() private note = ''

  private get problem(): string {
    if (!this.status) return 'Choose a verdict.'
    if (NEEDS_PASSAGE.has(this.status) && !this.hasPassage) return `“${VERDICT_LABELS[this.status]}” needs a passage: pick a candidate or select one in the source.`
    return ''
  }

  private record(): void {
    if (this.problem || this.busy) return
    this.dispatchEvent(new CustomEvent('verdict-record', { detail: { status: this.status, note: this.note }, bubbles: true, composed: true }))
  }

  render() {
    const problem = this.problem
    return html`
      <fieldset>
        <legend>Your verdict</legend>
        ${STATUSES.map((s) => html`<label><input type="radio" name="verdict" value=${s} .checked=${this.status === s} @change=${() => (this.status = s)} />${VERDICT_LABELS[s]}</label>`)}
      </fieldset>
      <textarea aria-label="Note" placeholder="Note (optional)" .value=${this.note}
        @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && this.record()}></textarea>
      <button class="primary" @click=${this.record} ?disabled=${this.busy || !!problem} aria-describedby="hint">Record verdict</button>
      ${problem ? html`<p class="hint" id="hint">${problem}</p>` : nothing}
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'compare-verdict': CompareVerdict
  }
}

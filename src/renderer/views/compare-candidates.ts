/**
 * `<compare-candidates>`: the ranked passages of a comparison as a list the historian picks from,
 * each with its printed page (when the source has pages), whether it lies outside the region the
 * locator names, how much of the claim it holds, its differences and its opening words. Only the
 * passage the judgement found, or one the historian picked, is marked as the chosen one.
 *
 * Keyboard: each candidate is a button (Tab reaches the list; ↑/↓ move between candidates,
 * Home/End to the first and last; Enter or Space picks).
 *
 * Properties: `candidates`, `picked` (index or -1), `proposed` (the judgement proposes candidate 0),
 * `structure` (the source's blocks, for page labels). Events: `candidate-pick` `{ index }`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Candidate } from '../../shared/api/compare'
import type { Block } from '../../shared/model'
import { pageLabelAt } from '../lib/compare-judgement'

/** Characters of a candidate's text shown in the list. */
const EXCERPT = 180

@customElement('compare-candidates')
export class CompareCandidates extends LitElement {
  static styles = css`
    :host { display: block; overflow: auto; font: 13px/1.4 system-ui, sans-serif; }
    h3 { font-size: 0.85rem; margin: 0.5rem 0.5rem 0.25rem; }
    ol { list-style: none; margin: 0; padding: 0 0.4rem 0.4rem; }
    li { margin-bottom: 0.35rem; }
    button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 0.35rem 0.5rem; border: 1px solid var(--line, #ccc); border-radius: 6px; cursor: pointer; background: var(--paper, #fff); }
    button:focus-visible { outline: 2px solid var(--accent, #2a5db0); outline-offset: 1px; }
    button[aria-pressed='true'] { border-color: var(--accent, #2a5db0); background: #e7effb; }
    .meta { display: flex; gap: 0.4rem; flex-wrap: wrap; color: var(--ink-soft, #555); font-size: 0.78rem; }
    .outside { color: #8a4b00; font-weight: 600; }
    .chosen { color: var(--accent, #2a5db0); font-weight: 600; }
    .excerpt { font-family: Georgia, serif; margin-top: 0.15rem; }
    .differs { color: var(--danger, #a12); }
  `

  @property({ attribute: false }) candidates: Candidate[] = []
  @property({ type: Number }) picked = -1
  @property({ type: Boolean }) proposed = false
  @property({ attribute: false }) structure: readonly Block[] = []

  private pick(index: number): void {
    this.dispatchEvent(new CustomEvent('candidate-pick', { detail: { index }, bubbles: true, composed: true }))
  }

  /** Arrow keys move the focus along the list (the buttons stay in the Tab order too). */
  private onKey(e: KeyboardEvent): void {
    const buttons = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.candidate')]
    const at = buttons.indexOf(e.composedPath()[0] as HTMLButtonElement)
    if (at < 0) return
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key]
    if (to === undefined) return
    e.preventDefault()
    buttons[Math.max(0, Math.min(buttons.length - 1, to))].focus()
  }

  render() {
    const list = this.candidates
    if (!list.length) return html`<h3>Candidate passages</h3><p class="meta" style="padding: 0 0.5rem">No passage of the source shares the claim's terms.</p>`
    const heading = this.proposed ? 'Candidate passages (the first is proposed: confirm it or pick another)' : 'Candidate passages (none proposed: pick one, or select a passage in the source)'
    return html`<h3 id="cands">${heading}</h3>
      <ol aria-labelledby="cands" @keydown=${this.onKey}>
        ${list.map((c, i) => {
          const page = pageLabelAt(this.structure, c.start)
          const differs = c.discrepancies.filter((d) => !d.variant).length
          const text = c.exact.replace(/\s+/g, ' ')
          return html`<li>
            <button class="candidate" data-index=${i} aria-pressed=${this.picked === i ? 'true' : 'false'} @click=${() => this.pick(i)}>
              <span class="meta">
                <span>${i + 1}.</span>
                ${page !== undefined ? html`<span class="page">p. ${page}</span>` : nothing}
                ${c.outsideCitedRegion ? html`<span class="outside">outside the cited region</span>` : nothing}
                <span>holds ${Math.round(c.coverage * 100)}% of the claim</span>
                ${differs ? html`<span class="differs">${differs} difference${differs > 1 ? 's' : ''}</span>` : nothing}
                ${this.picked === i ? html`<span class="chosen">${this.proposed && i === 0 ? 'proposed' : 'chosen'}</span>` : nothing}
              </span>
              <div class="excerpt">${text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text}</div>
            </button>
          </li>`
        })}
      </ol>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'compare-candidates': CompareCandidates
  }
}

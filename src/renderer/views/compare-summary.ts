/**
 * `<compare-summary>`: the judgement of a comparison, shown before its candidates — whether the
 * source seems to have a passage for the claim, with its calibrated confidence and the reason read
 * from the ranking, what was searched (the whole source, or the region the locator names first),
 * and what the claim asserts (who, what, when, where, how many). Advice only: it records nothing.
 *
 * Properties: `comparison`, `sourceTitle`, `sourceLength` (code points).
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { Comparison } from '../../shared/api/compare'
import { JUDGEMENT_LABELS, judgementReason, searchedDescription } from '../lib/compare-judgement'

const PARTS: { key: keyof Comparison['parts']; label: string }[] = [
  { key: 'who', label: 'Who' }, { key: 'what', label: 'What' }, { key: 'when', label: 'When' },
  { key: 'where', label: 'Where' }, { key: 'howMany', label: 'How many' }
]

@customElement('compare-summary')
export class CompareSummary extends LitElement {
  static styles = css`
    :host { display: block; padding: 0.5rem 0.75rem; font: 13px/1.45 system-ui, sans-serif; border-bottom: 1px solid var(--line); }
    .verdict { font-size: 1rem; font-weight: 600; margin: 0; }
    .verdict.not-found { color: var(--danger, #a12); }
    .verdict.supported-passage-found { color: #25632a; }
    .confidence { font-weight: normal; color: var(--ink-soft); }
    p { margin: 0.2rem 0; }
    dl { display: flex; flex-wrap: wrap; gap: 0 1rem; margin: 0.2rem 0 0; }
    dt { font-weight: 600; } dd { margin: 0 0 0 0.3rem; }
    .pair { display: flex; }
    .muted { color: var(--ink-soft); }
  `

  @property({ attribute: false }) comparison: Comparison | undefined
  @property() sourceTitle = ''
  @property({ type: Number }) sourceLength = 0

  render() {
    const c = this.comparison
    if (!c) return nothing
    const j = c.judgement
    const hasNames = c.parts.who.length + c.parts.where.length > 0
    return html`<section aria-label="Judgement">
      <h3 class="verdict ${j.verdict}" tabindex="-1">${JUDGEMENT_LABELS[j.verdict]}
        <span class="confidence">— confidence ${Math.round(j.confidence * 100)}%</span></h3>
      <p class="reason">${judgementReason(j, hasNames)}</p>
      <p class="searched">${searchedDescription(c, this.sourceTitle, this.sourceLength)}</p>
      <p class="muted">This is advice from the ranking, not a verdict: check the passages and record your own.</p>
      <dl class="parts" aria-label="What the claim asserts">
        ${PARTS.filter((p) => c.parts[p.key].length).map((p) => html`<div class="pair"><dt>${p.label}</dt><dd>${c.parts[p.key].join(', ')}</dd></div>`)}
      </dl>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'compare-summary': CompareSummary
  }
}

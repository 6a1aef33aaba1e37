/**
 * `<compare-view>`: a claim beside its cited source. First the judgement (`<compare-summary>`:
 * found / related only / not found, confidence, reason, what was searched), then the ranked
 * candidates (`<compare-candidates>`), the claim in its document (left) and the source around the
 * chosen passage (right), with matched terms and differing values marked on both sides, and the
 * historian's verdict (`<compare-verdict>`).
 *
 * No passage is chosen for the historian unless the judgement found one (then the first candidate
 * is proposed); no verdict is ever preselected. A passage selected by hand is checked through the
 * model (`checkPassage`: its text and discrepancies) before the verdict is recorded.
 *
 * The comparison runs as a job through the model (indexing a large source the first time shows
 * progress and can be cancelled); texts are read through the model; the verdict is written with
 * `verifyClaim` through it.
 *
 * Properties: `annotationId`, `citationId`. Events (bubbling, composed): `compare-close`;
 * `marginalia-error` on failures.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { Candidate, Comparison, PassageCheck } from '../../shared/api/compare'
import type { Discrepancy, DocumentWithText, VerificationStatus } from '../../shared/model'
import { CodePointIndex } from '../../shared/text/code-points'
import { markedText, selectionOffsets, type Mark } from '../dom/marked-text'
import { ModalController } from '../dom/modal-controller'
import { findValue, pageLabelAt } from '../lib/compare-judgement'
import { reportError } from '../lib/errors'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import { controlStyles } from '../styles/ui-styles'
import './compare-candidates'
import './compare-summary'
import { NEEDS_PASSAGE } from './compare-verdict'

/** Code points of source shown on each side of the passage (the rest of a 2 MB source stays out of the DOM). */
const SOURCE_CONTEXT = 3000

@customElement('compare-view')
export class CompareView extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: contents; }
      .sheet { margin: 2vh 2vw; width: 96vw; height: 96vh; max-width: none; max-height: none; padding: 0; border: none; box-sizing: border-box; color: inherit; background: var(--paper); border-radius: 8px; grid-template-rows: auto auto 1fr auto auto; overflow: hidden; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
      .sheet[open] { display: grid; }
      .sheet::backdrop { background: rgba(40, 32, 24, 0.35); }
      header { display: flex; gap: 0.5rem; align-items: center; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
      h2 { font-size: 1rem; margin: 0; flex: 1; }
      .body { display: grid; grid-template-columns: minmax(14rem, 22rem) 1fr 1fr; min-height: 0; }
      compare-candidates { border-right: 1px solid var(--line); }
      .pane { overflow: auto; padding: 0.75rem 1rem; white-space: pre-wrap; font: 15px/1.55 Georgia, serif; border-right: 1px solid var(--line); }
      .claim { background: #fbe9a8; }
      .cited { background: #eef3fb; }
      .passage { background: #dfeedd; }
      .term { background: #f5c26b; border-radius: 2px; }
      .passage.term { background: #9fd39a; }
      .differs { text-decoration: underline wavy var(--danger, #a12); text-decoration-thickness: 1.5px; }
      .info { padding: 0.4rem 0.75rem; font: 13px/1.4 system-ui, sans-serif; border-top: 1px solid var(--line); max-height: 9rem; overflow: auto; }
      .info p { margin: 0.2rem 0; }
      .info ul { margin: 0.2rem 0; padding-left: 1.2rem; }
      li.differs { text-decoration: none; color: var(--danger, #a12); }
      li.variant { color: var(--ink-soft); }
      .muted { color: var(--ink-soft); }
      .progress { display: flex; gap: 0.5rem; align-items: center; padding: 0.5rem 0.75rem; }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property() annotationId = ''
  @property() citationId = ''

  @state() private comparison: Comparison | undefined
  @state() private sourceDoc: DocumentWithText | undefined
  /** Index of the candidate chosen as the passage, or -1 (none chosen). */
  @state() private picked = -1
  /** A passage chosen by hand and checked by the services; replaces the candidate. */
  @state() private manual: PassageCheck | undefined
  @state() private busy = true
  @state() private error = ''
  /** The comparison job's progress while it runs (indexing: sentences done of total). */
  @state() private progress: { done: number; total: number } | undefined
  private readonly cancelling = new AbortController()

  /** Tab stays in the sheet, Escape closes it from anywhere (also when a script moved focus out), focus returns to Compare. */
  protected readonly modal = new ModalController(this, { container: () => this.renderRoot.querySelector<HTMLElement>('.sheet'), onEscape: () => this.close() })
  @query('.source') private sourcePane!: HTMLElement
  @query('.left') private claimPane!: HTMLElement

  private claimIndex: CodePointIndex | undefined
  private sourceIndex: CodePointIndex | undefined

  connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  /** Closed while the comparison runs (Escape, Close): its job is cancelled on the services too. */
  disconnectedCallback(): void {
    super.disconnectedCallback()
    this.cancelling.abort()
  }

  firstUpdated(): void {
    this.renderRoot.querySelector('dialog')?.showModal()
  }

  private async load(): Promise<void> {
    this.busy = true
    this.progress = { done: 0, total: 0 }
    try {
      const comparison = await this.model!.runJob('compareClaim', { annotationId: this.annotationId, citationId: this.citationId || undefined, top: 5 }, {
        signal: this.cancelling.signal,
        onProgress: (p) => (this.progress = { done: p.done, total: p.total })
      })
      this.progress = undefined
      const [claimDoc, sourceDoc] = await Promise.all([
        this.model!.documentText(comparison.claimDocumentId!),
        this.model!.documentText(comparison.sourceDocumentId)
      ])
      this.claimIndex = new CodePointIndex(claimDoc.text)
      this.sourceIndex = new CodePointIndex(sourceDoc.text)
      const found = comparison.judgement.verdict === 'supported-passage-found' && comparison.candidates.length > 0
      Object.assign(this, { comparison, sourceDoc, picked: found ? 0 : -1, manual: undefined })
      await this.updateComplete
      this.scrollToMarks()
      // Keyboard users start at the judgement (the summary renders after this view).
      const summary = this.renderRoot.querySelector('compare-summary')
      await summary?.updateComplete
      summary?.shadowRoot?.querySelector<HTMLElement>('h3')?.focus()
    } catch (err) {
      if ((err as { code?: string }).code === 'cancelled') return
      this.error = err instanceof Error ? err.message : String(err)
      reportError(this, 'compare the claim with its source', err)
    } finally {
      this.progress = undefined
      this.busy = false
    }
  }

  private cancel(): void {
    this.cancelling.abort()
    this.close()
  }

  private get candidate(): Candidate | undefined {
    return this.picked >= 0 ? this.comparison?.candidates[this.picked] : undefined
  }

  /** The passage the verdict will record: chosen by hand, else the chosen candidate. */
  private get passage(): { start: number; end: number; discrepancies: Discrepancy[] } | undefined {
    return this.manual ?? this.candidate
  }

  private scrollToMarks(): void {
    // The passage, else the cited region (the region is also tinted around a passage: not first).
    const target = this.sourcePane?.querySelector('.passage') ?? this.sourcePane?.querySelector('.cited')
    target?.scrollIntoView({ block: 'center' })
    this.claimPane?.querySelector('.claim')?.scrollIntoView({ block: 'center' })
  }

  private async pick(index: number): Promise<void> {
    this.picked = index
    this.manual = undefined
    this.selected = undefined
    await this.updateComplete
    this.scrollToMarks()
  }

  /**
   * The last selection made in the source pane (code points of the source), kept in case pressing
   * the button clears the live selection before its click handler runs.
   */
  private selected: { start: number; end: number } | undefined
  private readonly rememberSelection = (): void => {
    this.selected = selectionOffsets(this.shadowRoot!, this.sourcePane)
  }

  private async useSelection(): Promise<void> {
    const sel = selectionOffsets(this.shadowRoot!, this.sourcePane) ?? this.selected
    if (!sel) {
      this.error = 'Select a passage in the source (right) first.'
      return
    }
    this.error = ''
    try {
      this.manual = await this.model!.checkPassage({ annotationId: this.annotationId, sourceDocumentId: this.comparison!.sourceDocumentId, start: sel.start, end: sel.end })
      this.picked = -1
    } catch (err) {
      reportError(this, 'check the selected passage', err)
    }
  }

  private async record(e: CustomEvent<{ status: VerificationStatus; note: string }>): Promise<void> {
    const { status, note } = e.detail
    const passage = NEEDS_PASSAGE.has(status) ? this.passage : undefined
    this.busy = true
    try {
      await this.model!.mutate('verifyClaim', {
        annotationId: this.annotationId,
        citationId: this.comparison?.citationId ?? this.citationId,
        status,
        sourceDocumentId: this.comparison?.sourceDocumentId,
        sourceStart: passage?.start,
        sourceEnd: passage?.end,
        note
      })
      this.close()
    } catch (err) {
      reportError(this, 'record the verdict', err)
    } finally {
      this.busy = false
    }
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('compare-close', { bubbles: true, composed: true }))
  }

  render() {
    const c = this.comparison
    const p = this.progress
    // A modal <dialog>: the app behind is inert (Tab stays inside), Escape fires `cancel`.
    return html`<dialog class="sheet" aria-label="Compare claim with source" @cancel=${(e: Event) => { e.preventDefault(); this.close() }}>
      <header>
        <h2>${this.sourceDoc ? html`Claim beside <em>${this.sourceDoc.title}</em>` : 'Comparing…'}</h2>
        <button @click=${this.close} aria-label="Close">Close</button>
      </header>
      ${p
        ? html`<div class="progress" aria-live="polite"><span class="indexing">${p.total ? `Indexing the source (once)… ${Math.round((100 * p.done) / p.total)}%` : 'Comparing…'}</span>
            <progress max=${p.total || 1} .value=${p.total ? p.done : 0} aria-label="Comparison progress"></progress>
            <button @click=${this.cancel}>Cancel</button></div>`
        : html`<compare-summary .comparison=${c} .sourceTitle=${this.sourceDoc?.title ?? ''} .sourceLength=${this.sourceIndex?.length ?? 0}></compare-summary>`}
      <div class="body">
        <compare-candidates .candidates=${c?.candidates ?? []} .picked=${this.manual ? -1 : this.picked}
          .proposed=${c?.judgement.verdict === 'supported-passage-found'} .structure=${this.sourceDoc?.structure ?? []}
          @candidate-pick=${(e: CustomEvent<{ index: number }>) => this.pick(e.detail.index)}></compare-candidates>
        <div class="pane left" tabindex="0" role="region" aria-label="Claim in its document">${this.renderClaim()}</div>
        <div class="pane source" tabindex="0" role="region" aria-label="Source" @mouseup=${this.rememberSelection} @keyup=${this.rememberSelection}>${this.renderSource()}</div>
      </div>
      ${this.renderInfo()}
      <compare-verdict ?hasPassage=${!!this.passage} ?busy=${this.busy || !c} @verdict-record=${this.record}></compare-verdict>
    </dialog>`
  }

  private renderInfo() {
    const passage = this.passage
    const cand = this.manual ? undefined : this.candidate
    const page = passage && this.sourceDoc ? pageLabelAt(this.sourceDoc.structure, passage.start) : undefined
    return html`<div class="info">
      <p>${passage
        ? html`<span class="chosen-passage">${this.manual ? 'Passage chosen by hand' : `Candidate ${this.picked + 1}`}${page !== undefined ? `, p. ${page}` : ''}: code points ${passage.start}–${passage.end}.</span>
            ${this.manual ? html`<button @click=${() => (this.manual = undefined)}>Back to the candidates</button>` : nothing}`
        : html`<span class="muted">No passage chosen. Pick a candidate, or select a passage in the source and use it.</span>`}
        <button @click=${this.useSelection} ?disabled=${!this.comparison} title="Select text in the source, then use it as the passage">Use selected passage</button></p>
      ${cand ? html`<p>Matched: ${cand.matched.map((m) => html`<span class="matched">${m.label}${m.how !== 'word' ? html` <span class="muted">(${m.how}${m.source[0] ? `: ${m.source[0].text}` : ''})</span>` : nothing}</span>; `)}</p>` : nothing}
      ${passage ? this.renderDiscrepancies(passage.discrepancies) : nothing}
      ${this.error ? html`<p class="differs" role="alert">${this.error}</p>` : nothing}
    </div>`
  }

  private renderDiscrepancies(list: Discrepancy[]) {
    if (!list.length) return html`<p class="muted discrepancies-none">No differing date, number, name or place.</p>`
    return html`<p>Differences:</p><ul class="discrepancies">${list.map((d) => html`<li class=${d.variant ? 'variant' : 'differs'}>${d.kind}: claim “${d.claim}” ${d.variant ? html`~ source “${d.source}” (variant spelling)` : html`≠ source ${d.source ? `“${d.source}”` : '(not in the passage)'}`}</li>`)}</ul>`
  }

  /** Marks of the values that differ (not spelling variants), found in [from, to) of a text. */
  private differMarks(text: CodePointIndex, from: number, to: number, side: 'claim' | 'source'): Mark[] {
    const marks: Mark[] = []
    for (const d of this.passage?.discrepancies ?? []) if (!d.variant) for (const r of findValue(text, from, to, d[side])) marks.push({ ...r, cls: 'differs' })
    return marks
  }

  private renderClaim() {
    const c = this.comparison
    if (!c || !this.claimIndex || c.claimStart === undefined) return html`<p class="muted">${this.busy ? 'Loading…' : ''}</p>`
    const marks: Mark[] = [{ start: c.claimStart, end: c.claimEnd!, cls: 'claim' }, ...this.differMarks(this.claimIndex, c.claimStart, c.claimEnd!, 'claim')]
    if (!this.manual) for (const m of this.candidate?.matched ?? []) for (const s of m.claim) marks.push({ start: s.start, end: s.end, cls: 'term' })
    return markedText(this.claimIndex, 0, this.claimIndex.length, marks)
  }

  private renderSource() {
    const text = this.sourceIndex
    const c = this.comparison
    if (!c || !text) return html`<p class="muted">${this.busy ? 'Searching the source…' : ''}</p>`
    const p = this.passage
    if (!p) {
      // Nothing chosen: show the cited region (or the source's beginning) to select a passage from.
      const from = c.narrowedTo?.start ?? 0
      const to = Math.min(text.length, c.narrowedTo ? Math.min(c.narrowedTo.end, from + 2 * SOURCE_CONTEXT) : 2 * SOURCE_CONTEXT)
      const marks: Mark[] = c.narrowedTo ? [{ start: from, end: to, cls: 'cited' }] : []
      return html`<p class="muted" style="white-space: normal">${c.narrowedTo ? `The cited region, ${c.narrowedTo.label}:` : 'The beginning of the source:'}</p>${markedText(text, from, to, marks)}`
    }
    const from = Math.max(0, p.start - SOURCE_CONTEXT)
    const to = Math.min(text.length, p.end + SOURCE_CONTEXT)
    // The cited region stays tinted around the passage, so a passage outside it shows as such.
    const cited: Mark[] = (c.citedRegion?.ranges ?? []).map((r) => ({ start: r.start, end: r.end, cls: 'cited' }))
    const marks: Mark[] = [...cited, { start: p.start, end: p.end, cls: 'passage' }, ...this.differMarks(text, p.start, p.end, 'source')]
    if (!this.manual) for (const m of this.candidate?.matched ?? []) for (const s of m.source) marks.push({ start: s.start, end: s.end, cls: 'term' })
    return markedText(text, from, to, marks)
  }
}

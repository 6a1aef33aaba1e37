/**
 * `<compare-view>`: a claim beside its cited source. Left: the claim's document with the claim
 * and its matched terms marked. Right: the source around the current candidate passage, scrolled
 * to it, matched terms marked. The historian steps through the candidates, may select another
 * passage in the source by hand, reads the discrepancies, and records a verdict with a note.
 *
 * Indexing a large source runs as a job through the model (progress, Cancel); the comparison and
 * the texts are read through the model; the verdict is written with `verifyClaim` through it.
 *
 * Properties: `annotationId`, `citationId`. Events (bubbling, composed): `compare-close`;
 * `marginalia-error` on failures.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { Candidate, Comparison } from '../../shared/api/compare'
import type { DocumentWithText, VerificationStatus } from '../../shared/model'
import { CodePointIndex } from '../../shared/text/code-points'
import { markedText, selectionOffsets, type Mark } from '../dom/marked-text'
import { ModalController } from '../dom/modal-controller'
import { reportError } from '../lib/errors'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import { controlStyles } from '../styles/ui-styles'

/** Code points of source shown on each side of the passage (the rest of a 2 MB source stays out of the DOM). */
const SOURCE_CONTEXT = 3000
const STATUSES: { id: VerificationStatus; label: string }[] = [
  { id: 'supported', label: 'Supported' },
  { id: 'partially-supported', label: 'Partially supported' },
  { id: 'contradicted', label: 'Contradicted' },
  { id: 'not-found', label: 'Not found' }
]

@customElement('compare-view')
export class CompareView extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { position: fixed; inset: 0; z-index: 50; background: rgba(40, 32, 24, 0.35); display: flex; }
      .sheet { margin: 2vh 2vw; flex: 1; background: var(--paper); border-radius: 8px; display: grid; grid-template-rows: auto 1fr auto; overflow: hidden; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
      header, footer { display: flex; gap: 0.5rem; align-items: center; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
      footer { border-top: 1px solid var(--line); border-bottom: none; }
      h2 { font-size: 1rem; margin: 0; flex: 1; }
      .panes { display: grid; grid-template-columns: 1fr 1fr; min-height: 0; }
      .pane { overflow: auto; padding: 0.75rem 1rem; white-space: pre-wrap; font: 15px/1.55 Georgia, serif; border-right: 1px solid var(--line); }
      .claim { background: #fbe9a8; }
      .passage { background: #dfeedd; }
      .term { background: #f5c26b; border-radius: 2px; }
      .passage.term { background: #9fd39a; }
      .info { padding: 0.5rem 0.75rem; font: 13px/1.4 system-ui, sans-serif; border-top: 1px solid var(--line); }
      .info ul { margin: 0.25rem 0; padding-left: 1.2rem; }
      .differs { color: var(--danger); }
      .variant { color: var(--ink-soft); }
      textarea { flex: 1; min-width: 12rem; font: inherit; }
      .status button[aria-pressed='true'] { background: var(--accent); color: #fff; }
      .muted { color: var(--ink-soft); }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property() annotationId = ''
  @property() citationId = ''

  @state() private comparison: Comparison | undefined
  @state() private sourceDoc: DocumentWithText | undefined
  @state() private current = 0
  /** A passage chosen by hand (code points of the source), replacing the candidate's. */
  @state() private manual: { start: number; end: number } | undefined
  @state() private status: VerificationStatus = 'supported'
  @state() private note = ''
  @state() private busy = true
  @state() private error = ''
  /** The source's index build while it runs (sentences done of total). */
  @state() private indexing: { done: number; total: number } | undefined
  private readonly cancelling = new AbortController()

  /** A real modal: Tab stays in the sheet, Escape closes it from anywhere, focus returns to Compare. */
  protected readonly modal = new ModalController(this, { container: () => this.renderRoot.querySelector<HTMLElement>('.sheet'), onEscape: () => this.close() })
  @query('.source') private sourcePane!: HTMLElement
  @query('.left') private claimPane!: HTMLElement

  private claimIndex: CodePointIndex | undefined
  private sourceIndex: CodePointIndex | undefined

  connectedCallback(): void {
    super.connectedCallback()
    void this.load()
  }

  /**
   * Indexes the source as a job (the first time only; later it is read from disk), showing its
   * progress and offering to cancel. False when cancelled.
   */
  private async ensureIndexed(): Promise<boolean> {
    const sourceId = this.citationId ? this.model!.citations.get(this.citationId)?.sourceDocumentId : undefined
    if (!sourceId) return true // compareClaim explains what is missing
    this.indexing = { done: 0, total: 0 }
    try {
      await this.model!.runJob('indexSource', { documentId: sourceId }, {
        signal: this.cancelling.signal,
        onProgress: (p) => (this.indexing = { done: p.done, total: p.total })
      })
      return true
    } catch (err) {
      if ((err as { code?: string }).code === 'cancelled') return false
      throw err
    } finally {
      this.indexing = undefined
    }
  }

  private cancelIndexing(): void {
    this.cancelling.abort()
    this.close()
  }

  private async load(): Promise<void> {
    this.busy = true
    try {
      if (!(await this.ensureIndexed())) return
      const comparison = await this.model!.compare({ annotationId: this.annotationId, citationId: this.citationId || undefined, top: 5 })
      const [claimDoc, sourceDoc] = await Promise.all([
        this.model!.documentText(comparison.claimDocumentId!),
        this.model!.documentText(comparison.sourceDocumentId)
      ])
      this.claimIndex = new CodePointIndex(claimDoc.text)
      this.sourceIndex = new CodePointIndex(sourceDoc.text)
      Object.assign(this, { comparison, sourceDoc, current: 0, manual: undefined })
      await this.updateComplete
      this.scrollToMarks()
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err)
      reportError(this, 'compare the claim with its source', err)
    } finally {
      this.busy = false
    }
  }

  private get candidate(): Candidate | undefined {
    return this.comparison?.candidates[this.current]
  }

  /** The passage the verdict will record: chosen by hand, else the current candidate. */
  private get passage(): { start: number; end: number } | undefined {
    return this.manual ?? (this.candidate ? { start: this.candidate.start, end: this.candidate.end } : undefined)
  }

  private scrollToMarks(): void {
    this.sourcePane?.querySelector('.passage')?.scrollIntoView({ block: 'center' })
    this.claimPane?.querySelector('.claim')?.scrollIntoView({ block: 'center' })
  }

  private async step(by: number): Promise<void> {
    const n = this.comparison?.candidates.length ?? 0
    if (!n) return
    this.current = (this.current + by + n) % n
    this.manual = undefined
    await this.updateComplete
    this.scrollToMarks()
  }

  private useSelection(): void {
    const sel = selectionOffsets(this.shadowRoot!, this.sourcePane)
    if (!sel) {
      this.error = 'Select a passage in the source (right) first.'
      return
    }
    this.error = ''
    this.manual = sel
  }

  private async record(): Promise<void> {
    const passage = this.status === 'not-found' ? undefined : this.passage
    const citationId = this.comparison?.citationId ?? this.citationId
    this.busy = true
    try {
      await this.model!.mutate('verifyClaim', {
        annotationId: this.annotationId,
        citationId,
        status: this.status,
        sourceDocumentId: this.comparison?.sourceDocumentId,
        sourceStart: passage?.start,
        sourceEnd: passage?.end,
        note: this.note
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
    const cand = this.candidate
    const n = c?.candidates.length ?? 0
    return html`<div class="sheet" role="dialog" aria-modal="true" aria-label="Compare claim with source">
      <header>
        <h2>${this.sourceDoc ? html`Claim beside <em>${this.sourceDoc.title}</em>` : 'Comparing…'}
          ${c?.narrowedTo ? html`<span class="muted"> — searched ${c.narrowedTo.label}</span>` : nothing}</h2>
        <button @click=${() => this.step(-1)} ?disabled=${n < 2} aria-label="Previous candidate">‹ Previous</button>
        ${this.indexing
          ? html`<span class="indexing" aria-live="polite">Indexing the source (once)… ${this.indexing.total ? Math.round((100 * this.indexing.done) / this.indexing.total) : 0}%</span>
              <button @click=${this.cancelIndexing}>Cancel</button>`
          : nothing}
        <span class="counter" aria-live="polite">${n ? `Candidate ${this.current + 1} of ${n}` : this.busy ? 'Searching…' : 'No candidate passage'}${cand ? html` <span class="muted">(score ${cand.score.toFixed(1)}, has ${Math.round(cand.coverage * 100)}% of the claim's terms)</span>` : nothing}</span>
        <button @click=${() => this.step(1)} ?disabled=${n < 2} aria-label="Next candidate">Next ›</button>
        <button @click=${this.close} aria-label="Close">Close</button>
      </header>
      <div class="panes">
        <div class="pane left" tabindex="0" role="region" aria-label="Claim in its document">${this.renderClaim()}</div>
        <div class="pane source" tabindex="0" role="region" aria-label="Source">${this.renderSource()}</div>
      </div>
      <div>
        <div class="info">
          ${this.manual ? html`<p>Passage chosen by hand: code points ${this.manual.start}–${this.manual.end}. <button @click=${() => (this.manual = undefined)}>Back to candidate</button></p>` : nothing}
          ${cand && !this.manual ? html`<p>Matched: ${cand.matched.map((m) => html`<span class="matched">${m.label}${m.how !== 'word' ? html` <span class="muted">(${m.how}${m.source[0] ? `: ${m.source[0].text}` : ''})</span>` : nothing}</span>; `)}</p>` : nothing}
          ${cand && !this.manual && cand.discrepancies.length ? html`<p>Differences:</p><ul class="discrepancies">${cand.discrepancies.map((d) => html`<li class=${d.variant ? 'variant' : 'differs'}>${d.kind}: ${d.claim} ${d.variant ? html`~ ${d.source} (variant spelling)` : html`≠ ${d.source || '(not in the passage)'}`}</li>`)}</ul>` : nothing}
          ${this.error ? html`<p class="differs" role="alert">${this.error}</p>` : nothing}
        </div>
        <footer>
          <button @click=${this.useSelection} title="Select text in the source, then use it as the passage">Use selected passage</button>
          <span class="status" role="group" aria-label="Verdict">
            ${STATUSES.map((s) => html`<button aria-pressed=${this.status === s.id ? 'true' : 'false'} @click=${() => (this.status = s.id)}>${s.label}</button>`)}
          </span>
          <textarea aria-label="Note" placeholder="Note (optional)" .value=${this.note} @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}></textarea>
          <button class="primary" @click=${this.record} ?disabled=${this.busy || !c}>Record verdict</button>
        </footer>
      </div>
    </div>`
  }

  private renderClaim() {
    const c = this.comparison
    if (!c || !this.claimIndex || c.claimStart === undefined) return html`<p class="muted">${this.busy ? 'Loading…' : ''}</p>`
    const marks: Mark[] = [{ start: c.claimStart, end: c.claimEnd!, cls: 'claim' }]
    for (const m of this.candidate?.matched ?? []) for (const s of m.claim) marks.push({ start: s.start, end: s.end, cls: 'term' })
    return markedText(this.claimIndex, 0, this.claimIndex.length, marks)
  }

  private renderSource() {
    const p = this.passage
    if (!p || !this.sourceIndex) return html`<p class="muted">${this.busy ? 'Searching the source…' : 'No passage of the source matches this claim.'}</p>`
    const from = Math.max(0, p.start - SOURCE_CONTEXT)
    const to = Math.min(this.sourceIndex.length, p.end + SOURCE_CONTEXT)
    const marks: Mark[] = [{ start: p.start, end: p.end, cls: 'passage' }]
    if (!this.manual) for (const m of this.candidate?.matched ?? []) for (const s of m.source) marks.push({ start: s.start, end: s.end, cls: 'term' })
    return markedText(this.sourceIndex, from, to, marks)
  }
}

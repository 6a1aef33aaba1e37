/**
 * `<corpus-verification>`: the verification overview — every claim with a citation under the
 * corpus filter, its verdict (or unchecked), the cited source passage and the discrepancies found,
 * with progress ("31 of 48 claims checked"). A row opens the claim with the Verify panel (the
 * compare view); the report exports as CSV or HTML from the same filter.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement } from 'lit/decorators.js'
import type { VerificationRow } from '../../../shared/api/compare'
import { reportError } from '../../lib/errors'
import { VERDICT_LABELS } from '../../lib/verdicts'
import { UseModel } from '../../model/model-context'
import { controlStyles } from '../../styles/ui-styles'
import { corpusStyles } from './corpus-styles'
import { saveFile } from './save-file'

@customElement('corpus-verification')
export class CorpusVerification extends LitElement {
  static styles = [controlStyles, corpusStyles, css`
    table { border-collapse: collapse; width: 100%; font-size: 0.84rem; }
    th { text-align: left; font-size: 0.75rem; text-transform: uppercase; color: var(--ink-soft); border-bottom: 2px solid var(--line); padding: 0.3rem; }
    td { border-bottom: 1px solid var(--line); padding: 0.3rem; vertical-align: top; }
    tr.claim { cursor: pointer; }
    tr.claim:hover { background: var(--accent-soft); }
    .status-contradicted, .status-not-found { color: var(--danger); font-weight: 600; }
    .status-supported { color: #2d7a3a; }
    progress { width: 12rem; }
  `]

  private readonly use = new UseModel(this, ['corpus'])

  render() {
    const m = this.use.model
    if (!m) return nothing
    const r = m.corpus.get('verificationOverview', { filter: m.corpus.filter })
    const o = r.value
    return html`
      <div class="bar">
        ${o ? html`<progress max=${o.progress.claims} .value=${o.progress.checked} aria-label="Claims checked"></progress>
          <span class="progress" role="status">${o.progress.summary}</span>` : html`<span class="muted">${r.error ?? 'Loading…'}</span>`}
        <span style="flex:1"></span>
        <button @click=${() => this.export('csv')} ?disabled=${!o?.rows.length}>Export CSV</button>
        <button @click=${() => this.export('html')} ?disabled=${!o?.rows.length}>Export HTML</button>
      </div>
      ${o && !o.rows.length ? html`<p class="muted">No claim with a citation under this filter.</p>` : nothing}
      ${o?.rows.length
        ? html`<table aria-label="Claims and their verdicts">
            <thead><tr><th>Claim</th><th>Citation</th><th>Verdict</th><th>Source passage</th><th>Discrepancies</th></tr></thead>
            <tbody>${o.rows.map((row) => this.renderRow(row))}</tbody>
          </table>`
        : nothing}
    `
  }

  private renderRow(row: VerificationRow) {
    return html`<tr class="claim" data-annotation-id=${row.annotationId} @click=${() => this.open(row)}>
      <td><button class="passage" @click=${(e: Event) => { e.stopPropagation(); this.open(row) }}><span class="muted">${row.documentTitle}:</span> ${row.claim}</button></td>
      <td>${row.citationLabel}${row.locator ? `, ${row.locator}` : ''}</td>
      <td class="status-${row.status}">${VERDICT_LABELS[row.status] ?? row.status}</td>
      <td>${row.sourceExact ? html`<span class="muted">${row.sourceTitle}:</span> ${row.sourceExact}` : html`<span class="muted">${row.sourceTitle ?? 'no source document'}</span>`}</td>
      <td>${row.discrepancies.map((d) => html`<div>${d.kind}: ${d.claim} ≠ ${d.source || '—'}${d.variant ? ' (variant)' : ''}</div>`)}</td>
    </tr>`
  }

  /** Opens the claim in its document, with the Verify panel (compare view) on it. */
  private open(row: VerificationRow): void {
    this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: row.annotationId, documentId: row.documentId, panel: 'verify' }, bubbles: true, composed: true }))
  }

  private async export(format: 'csv' | 'html'): Promise<void> {
    const m = this.use.model!
    try {
      const f = await m.corpus.file('exportVerificationOverview', { filter: m.corpus.filter, format })
      saveFile(f.fileName, f.mediaType, f.content)
    } catch (err) {
      reportError(this, 'Could not export the report', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'corpus-verification': CorpusVerification
  }
}

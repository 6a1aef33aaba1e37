/**
 * `<verify-panel>`: the Verify tab. For the selected highlight, each cited item with its verdict;
 * attach a source to an item (a document of the project, or a file imported as a source); open
 * `<compare-view>` to check the claim against the source and record a verdict.
 *
 * Properties (set by the app shell): `documentId`, `selectedAnnotationId`.
 * Events (bubbling, composed): `project-changed` after attaching; `marginalia-error` on failures.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { call } from '../api-client'
import { ChangeSubscription } from '../lib/change-subscription'
import type { CitationSummary } from '../../shared/api/citations'
import type { Annotation, DocumentRecord } from '../../shared/model'
import { reportError } from '../lib/errors'
import { fileToBase64 } from '../lib/file-base64'
import { controlStyles } from '../lib/ui-styles'
import { VERDICT_LABELS } from '../lib/verdict-badges'

@customElement('verify-panel')
export class VerifyPanel extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; padding: 0.5rem; font-size: 0.9rem; }
      .link { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; margin-bottom: 0.5rem; }
      .claim { font-style: italic; margin: 0 0 0.5rem; }
      .verdict { display: inline-block; padding: 0 0.4rem; border-radius: 0.3rem; background: #ddd; font-size: 0.8rem; }
      .verdict.supported { background: #cdeccd; } .verdict.partially-supported { background: #f4e7b0; }
      .verdict.contradicted { background: #f3c4c4; }
      .row { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; margin-top: 0.4rem; }
      .muted { color: var(--ink-soft); }
      select { font: inherit; max-width: 14rem; }
    `
  ]

  @property() documentId: string | undefined
  @property() selectedAnnotationId: string | undefined

  @state() private annotation: Annotation | undefined
  @state() private citations = new Map<string, CitationSummary>()
  @state() private documents: DocumentRecord[] = []
  @state() private comparing: { annotationId: string; citationId: string } | undefined
  @state() private busy = ''

  /** Re-reads the claims and sources on every change. */
  protected readonly changes = new ChangeSubscription(this, () => void this.reload())

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('selectedAnnotationId') || changed.has('documentId')) void this.reload()
  }

  private async reload(): Promise<void> {
    try {
      const [citations, documents] = await Promise.all([call('listCitations', {}), call('listDocuments', {})])
      this.citations = new Map(citations.map((c) => [c.id, c]))
      this.documents = documents
      const id = this.selectedAnnotationId
      this.annotation = id && this.documentId ? (await call('listAnnotations', { documentId: this.documentId })).find((a) => a.id === id) : undefined
    } catch (err) {
      reportError(this, 'load the citations to verify', err)
    }
  }

  private async attachDocument(citationId: string, documentId: string): Promise<void> {
    if (!documentId) return
    await this.attach(citationId, { documentId })
  }

  private async attachFile(citationId: string, e: Event): Promise<void> {
    const input = e.target as HTMLInputElement
    const file = input.files?.[0]
    if (!file) return
    this.busy = `Importing ${file.name}…`
    try {
      await this.attach(citationId, { fileName: file.name, contentBase64: await fileToBase64(file) })
    } finally {
      input.value = ''
      this.busy = ''
    }
  }

  private async attach(citationId: string, what: { documentId?: string; fileName?: string; contentBase64?: string }): Promise<void> {
    try {
      await call('attachSource', { citationId, ...what })
      this.dispatchEvent(new CustomEvent('project-changed', { bubbles: true, composed: true }))
      await this.reload()
    } catch (err) {
      reportError(this, 'attach the source', err)
    }
  }

  render() {
    const a = this.annotation
    if (!a) return html`<p class="muted">Select a highlight that cites a work to check it against its source.</p>`
    if (!a.citations.length) return html`<p class="claim">“${a.target.exact}”</p><p class="muted">This highlight cites nothing yet. Add a citation in the Bibliography tab.</p>`
    const others = this.documents.filter((d) => d.id !== a.documentId)
    return html`
      <p class="claim">“${a.target.exact}”</p>
      ${this.busy ? html`<p class="muted" aria-live="polite">${this.busy}</p>` : nothing}
      ${a.citations.map((link) => {
        const c = this.citations.get(link.citationId)
        const v = link.verification
        const status = v?.status ?? 'unchecked'
        return html`<div class="link" data-citation=${link.citationId}>
          <div><strong>${c?.label ?? link.citationId}</strong>${link.locator ? html`, ${link.locator}` : nothing}
            <span class="verdict ${status}">${VERDICT_LABELS[status]}</span></div>
          ${v?.note ? html`<div class="muted">${v.note}</div>` : nothing}
          ${c?.sourceDocumentId
            ? html`<div class="row"><span class="muted">Source: ${this.documents.find((d) => d.id === c.sourceDocumentId)?.title ?? c.sourceDocumentId}</span>
                <button class="primary" @click=${() => (this.comparing = { annotationId: a.id, citationId: link.citationId })}>Compare with source…</button></div>`
            : html`<div class="row">
                <label>Attach source: <select aria-label="Attach a document as source" @change=${(e: Event) => this.attachDocument(link.citationId, (e.target as HTMLSelectElement).value)}>
                  <option value="">choose a document…</option>
                  ${others.map((d) => html`<option value=${d.id}>${d.title}</option>`)}
                </select></label>
                <label>or import <input type="file" aria-label="Import a file as the source" accept=".txt,.md,.html,.htm,.xml,.pdf,.docx,text/plain" @change=${(e: Event) => this.attachFile(link.citationId, e)} /></label>
              </div>`}
        </div>`
      })}
      ${this.comparing
        ? html`<compare-view .annotationId=${this.comparing.annotationId} .citationId=${this.comparing.citationId} @compare-close=${() => (this.comparing = undefined)}></compare-view>`
        : nothing}
    `
  }
}

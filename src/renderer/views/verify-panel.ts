/**
 * `<verify-panel>`: the Verify tab. For the selected highlight, each cited item with its verdict;
 * attach a source to an item (a document of the project, or a file imported as a source); open
 * `<compare-view>` to check the claim against the source and record a verdict; "Go to cited page"
 * (`<cited-page-button>`) opens the source where the locator falls.
 * Everything shown is the model's (the annotation, the items, the documents): nothing is read here.
 *
 * Properties (set by the app shell): `annotation` (the selected one, when it is in the open document).
 * Events (bubbling, composed): `marginalia-error` on failures.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Annotation } from '../../shared/model'
import { fileToBase64 } from '../dom/file-base64'
import { reportError } from '../lib/errors'
import { VERDICT_LABELS } from '../lib/verdicts'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

/** Characters of a recorded passage shown in the panel. */
const EXCERPT = 240
const excerpt = (text: string): string => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text).replace(/\s+/g, ' ')

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
      .recorded-passage { margin: 0.3rem 0; padding-left: 0.5rem; border-left: 3px solid var(--line); font-family: Georgia, serif; }
    `
  ]

  @property({ attribute: false }) annotation: Annotation | undefined
  @state() private comparing: { annotationId: string; citationId: string } | undefined
  @state() private busy = ''
  private readonly use = new UseModel(this, ['citations', 'documents'])

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
    if (what.documentId === '') return
    try {
      await this.use.model!.mutate('attachSource', { citationId, ...what })
    } catch (err) {
      reportError(this, 'Could not attach the source', err)
    }
  }

  /** Closes the compare view and gives the keyboard focus back to the button that opened it. */
  private async closeCompare(): Promise<void> {
    const citationId = this.comparing?.citationId
    this.comparing = undefined
    await this.updateComplete
    this.renderRoot.querySelector<HTMLButtonElement>(`.link[data-citation="${CSS.escape(citationId ?? '')}"] button.compare`)?.focus()
  }

  render() {
    const a = this.annotation
    const m = this.use.model
    if (!a || !m) return html`<p class="muted">Select a highlight that cites a work to check it against its source.</p>`
    if (!a.citations.length) return html`<p class="claim">“${a.target.exact}”</p><p class="muted">This highlight cites nothing yet. Add a citation in the Bibliography tab.</p>`
    const others = m.selections.documentList().filter((d) => d.id !== a.documentId)
    return html`
      <p class="claim">“${a.target.exact}”</p>
      ${this.busy ? html`<p class="muted" aria-live="polite">${this.busy}</p>` : nothing}
      ${a.citations.map((link) => {
        const c = m.citations.get(link.citationId)
        const v = link.verification
        const status = v?.status ?? 'unchecked'
        return html`<div class="link" data-citation=${link.citationId}>
          <div><strong>${c?.label ?? link.citationId}</strong>${link.locator ? html`, ${link.locator}` : nothing}
            <span class="verdict ${status}">${VERDICT_LABELS[status]}</span>
            <cited-page-button .citationId=${link.citationId} .locator=${link.locator}></cited-page-button></div>
          ${v?.source ? html`<blockquote class="recorded-passage" aria-label="Source passage recorded with the verdict">${excerpt(v.source.exact)}</blockquote>` : nothing}
          ${v?.note ? html`<div class="muted note">${v.note}</div>` : nothing}
          ${v && v.status !== 'unchecked' ? html`<div class="muted recorded">Recorded${v.by ? ` by ${v.by}` : ''} ${v.at.slice(0, 10)}${v.discrepancies.some((d) => !d.variant) ? `; ${v.discrepancies.filter((d) => !d.variant).length} difference(s) with the claim` : ''}</div>` : nothing}
          ${c?.sourceDocumentId
            ? html`<div class="row"><span class="muted">Source: ${m.documents.get(c.sourceDocumentId)?.title ?? c.sourceDocumentId}</span>
                <button class="primary compare" @click=${() => (this.comparing = { annotationId: a.id, citationId: link.citationId })}>Compare with source…</button></div>`
            : html`<div class="row">
                <label>Attach source: <select aria-label="Attach a document as source" @change=${(e: Event) => this.attach(link.citationId, { documentId: (e.target as HTMLSelectElement).value })}>
                  <option value="">choose a document…</option>
                  ${others.map((d) => html`<option value=${d.id}>${d.title}</option>`)}
                </select></label>
                <label>or import <input type="file" aria-label="Import a file as the source" accept=".txt,.md,.html,.htm,.xml,.pdf,.docx,text/plain" @change=${(e: Event) => this.attachFile(link.citationId, e)} /></label>
              </div>`}
        </div>`
      })}
      ${this.comparing
        ? html`<compare-view .annotationId=${this.comparing.annotationId} .citationId=${this.comparing.citationId} @compare-close=${this.closeCompare}></compare-view>`
        : nothing}
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'verify-panel': VerifyPanel
  }
}

/**
 * `<w3c-import-button>`: "Import annotations…" for the open document. Reads a W3C Web Annotation
 * JSON-LD file (or Hypothesis API JSON), sends it to `importAnnotations`, and shows what happened:
 * how many were anchored, moved and orphaned, with each orphan's reason. Orphans are stored and
 * appear in the annotation list under "Needs review".
 *
 * Properties: `documentId` (the open document; the button is disabled without one).
 * Events: `marginalia-error` (bubbling, composed) when the import fails; nothing is changed then.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { W3cImportResult } from '../../shared/api/w3c'
import { reportError } from '../lib/errors'
import { fileToBase64 } from '../dom/file-base64'
import { controlStyles } from '../styles/ui-styles'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'

@customElement('w3c-import-button')
export class W3cImportButton extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: inline-flex; align-items: center; gap: 0.4rem; position: relative; }
      input { display: none; }
      .result { font-size: 0.8rem; color: var(--ink-soft); }
      details { position: absolute; top: 100%; left: 0; z-index: 5; background: var(--paper); border: 1px solid var(--line);
        border-radius: 6px; padding: 0.4rem 0.6rem; max-width: 32rem; max-height: 16rem; overflow: auto; font-size: 0.8rem; }
      details ol { margin: 0.3rem 0 0; padding-left: 1.2rem; }
      .quote { font-style: italic; }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property({ type: String }) documentId: string | undefined
  @state() private busy = false
  @state() private result: W3cImportResult | undefined
  @query('input') private input!: HTMLInputElement

  protected willUpdate(changed: Map<string, unknown>): void {
    // A result belongs to the document it was imported into.
    if (changed.has('documentId') && changed.get('documentId') !== undefined) this.result = undefined
  }

  render() {
    const r = this.result
    return html`
      <button @click=${() => this.input.click()} ?disabled=${!this.documentId || this.busy}
        title="Import W3C Web Annotations (JSON-LD, e.g. from Hypothesis or Recogito) onto this document">
        ${this.busy ? 'Importing annotations…' : 'Import annotations…'}
      </button>
      <input type="file" accept=".json,.jsonld,application/json,application/ld+json" @change=${this.onFile} />
      ${r
        ? html`<span class="result" role="status">
              ${r.imported} imported: ${r.anchored} anchored, ${r.moved} moved, ${r.orphaned} orphaned
            </span>
            ${r.orphans.length || r.problems.length
              ? html`<details>
                  <summary>${r.orphans.length ? `${r.orphans.length} need review` : 'Notes'}</summary>
                  <ol>
                    ${r.orphans.map((o) => html`<li><span class="quote">“${o.exact.slice(0, 80)}”</span>: ${o.reason}</li>`)}
                    ${r.problems.map((p) => html`<li>${p}</li>`)}
                  </ol>
                </details>`
              : nothing}`
        : nothing}
    `
  }

  private onFile = async (): Promise<void> => {
    const file = this.input.files?.[0]
    this.input.value = ''
    if (!file || !this.documentId) return
    this.busy = true
    this.result = undefined
    try {
      const contentBase64 = await fileToBase64(file)
      this.result = await this.model!.mutate('importAnnotations', { documentId: this.documentId, fileName: file.name, contentBase64 })
    } catch (err) {
      reportError(this, `Could not import annotations from ${file.name}`, err)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'w3c-import-button': W3cImportButton
  }
}

/**
 * `<w3c-import-button>`: "Import annotations…" for the open document. Reads a W3C Web Annotation
 * JSON-LD file (or Hypothesis API JSON), sends it to `importAnnotations`, and shows what happened:
 * how many were anchored, moved and orphaned, with each orphan's reason. Orphans are stored and
 * appear in the annotation list under "Needs review". Annotations made on a page the project does
 * not have are not imported: the list says so for each such page and offers a project document to
 * place them in (the one holding their quotes, when one does), importing only those.
 *
 * Properties: `documentId` (the open document; the button is disabled without one).
 * Events: `marginalia-error` (bubbling, composed) when the import fails; nothing is changed then.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { Methods } from '../../shared/api'
import type { ArgsOf } from '../../shared/api/define'
import type { W3cImportResult, W3cUnmatchedSource } from '../../shared/api/w3c'
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
      .unmatched { margin: 0.4rem 0 0; }
      .unmatched select { font: inherit; max-width: 14rem; }
      code { word-break: break-all; }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property({ type: String }) documentId: string | undefined
  @state() private busy = false
  @state() private result: W3cImportResult | undefined
  @query('input') private input!: HTMLInputElement
  /** The file last imported, kept to place its unmatched pages' annotations without reading it again. */
  private file: { fileName: string; contentBase64: string } | undefined
  /** Project document chosen for each unmatched source IRI. */
  @state() private placeIn: Record<string, string> = {}

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
            ${r.orphans.length || r.problems.length || r.unmatched.length
              ? html`<details ?open=${r.unmatched.length > 0}>
                  <summary>${r.orphans.length ? `${r.orphans.length} need review` : r.unmatched.length ? 'Not imported' : 'Notes'}</summary>
                  ${r.unmatched.map((u) => this.renderUnmatched(u))}
                  <ol>
                    ${r.orphans.map((o) => html`<li><span class="quote">“${o.exact.slice(0, 80)}”</span>: ${o.reason}</li>`)}
                    ${r.problems.map((p) => html`<li>${p}</li>`)}
                  </ol>
                </details>`
              : nothing}`
        : nothing}
    `
  }

  /** A page of the file the project does not have: said in words, with a document to place its annotations in. */
  private renderUnmatched(u: W3cUnmatchedSource) {
    const docs = this.model?.selections.documentList() ?? []
    const chosen = this.placeIn[u.sourceIri] ?? u.suggestedDocumentId ?? ''
    const n = `${u.annotations} annotation${u.annotations === 1 ? '' : 's'}`
    return html`<p class="unmatched">
      ${n} of <code>${u.title ?? u.sourceIri}</code> not imported: that page is not in this project${u.suggestedTitle ? html`; their quotes are in “${u.suggestedTitle}”` : nothing}.
      <select aria-label=${`Document to place the ${n} of ${u.sourceIri} in`} @change=${(e: Event) => (this.placeIn = { ...this.placeIn, [u.sourceIri]: (e.target as HTMLSelectElement).value })}>
        <option value="" ?selected=${!chosen}>Choose a document…</option>
        ${docs.map((d) => html`<option value=${d.id} ?selected=${d.id === chosen}>${d.title}</option>`)}
      </select>
      <button ?disabled=${!chosen || this.busy} @click=${() => this.place(u.sourceIri, chosen)}>Import them there</button>
    </p>`
  }

  private onFile = async (): Promise<void> => {
    const file = this.input.files?.[0]
    this.input.value = ''
    if (!file || !this.documentId) return
    this.result = undefined
    this.placeIn = {}
    await this.run(`Could not import annotations from ${file.name}`, async () => {
      this.file = { fileName: file.name, contentBase64: await fileToBase64(file) }
      return { documentId: this.documentId!, ...this.file }
    })
  }

  /** Imports only the annotations of `sourceIri`, into `documentId` (one more undoable edit). */
  private place(sourceIri: string, documentId: string): Promise<void> {
    const file = this.file
    if (!file || !this.documentId) return Promise.resolve()
    return this.run(`Could not import the annotations of ${sourceIri}`, async () => ({
      documentId: this.documentId!, ...file, sourceMap: { [sourceIri]: documentId }, onlyMapped: true
    }))
  }

  private async run(failure: string, args: () => Promise<ArgsOf<Methods['importAnnotations']>>): Promise<void> {
    this.busy = true
    try {
      this.result = await this.model!.mutate('importAnnotations', await args())
    } catch (err) {
      reportError(this, failure, err)
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

/**
 * `<import-button>`: the toolbar's "Import…". Takes every format the import door reads (TEI, PDF,
 * scans, web pages, Word, EPUB, Markdown, plain text) and runs the import as a job through the
 * model (`runJob('importDocument')`): progress (pages, chapters) and a Cancel that stops the
 * worker, so nothing is added. A plain text is looked at first (`inspectImport`): when it is not
 * UTF-8, or carries a Project Gutenberg header, `<import-preview>` shows the candidate decodings
 * and the header, and the historian decides (an encoding is proposed, never applied silently).
 * A file of another kind that turns out not to be UTF-8 gets the same preview. Scanned pages are
 * read by OCR in the languages chosen beside the button (`<import-ocr-languages>`).
 *
 * Writes through the model from context. Events (bubbling, composed): `document-open` `{ id }`
 * after an import, `marginalia-error` (the message names the file and the problem).
 */
import { consume } from '@lit/context'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { ifDefined } from 'lit/directives/if-defined.js'
import type { ImportedDocument, ImportPreview } from '../../shared/api/documents'
import { fileToBase64 } from '../dom/file-base64'
import { errorMessage, reportError } from '../lib/errors'
import { ApiCallError } from '../model/api-error'
import type { JobProgress } from '../model/job-runner'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import { controlStyles } from '../styles/ui-styles'
import { ocrLanguageName, rememberedOcrLanguages } from './import-ocr-languages'
import type { ImportChoice } from './import-preview'

/** Every extension the import door reads (the content decides the format; the name only helps). */
export const IMPORT_ACCEPT = ['.txt', '.md', '.markdown', '.xml', '.tei', '.html', '.htm', '.pdf', '.docx', '.epub', '.png', '.jpg', '.jpeg', '.tif', '.tiff'].join(',')

/** Names looked at before importing: plain texts may be in another encoding or carry a Gutenberg header. */
const LOOK_FIRST = /\.(txt|text|md|markdown)$|^[^.]*$/i

interface PendingFile {
  name: string
  contentBase64: string
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What an import made, in a sentence a historian can check. */
export function importSummary(d: ImportedDocument): string {
  const r = d.report
  const parts = [
    r.pages ? plural(r.pages, 'page') : '',
    r.notes ? plural(r.notes, 'note') : '',
    r.preAnnotations ? `${plural(r.preAnnotations, 'name')} from the edition's markup (${r.entitiesCreated} new entities, ${r.entitiesReused} existing)` : '',
    d.metadata.ocr ? `read by OCR in ${d.metadata.ocr.languages.map(ocrLanguageName).join(' + ')}` : '',
    r.lowConfidenceWords ? `${plural(r.lowConfidenceWords, 'word')} OCR was unsure of (underlined)` : '',
    r.encoding ? `decoded as ${r.encoding}` : '',
    r.gutenberg ? (r.gutenberg.trimmed ? 'Gutenberg header and licence trimmed' : 'Gutenberg header and licence kept') : ''
  ].filter(Boolean)
  return `Imported “${d.title}”${parts.length ? `: ${parts.join(', ')}` : ''}.`
}

@customElement('import-button')
export class ImportButton extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: inline-flex; align-items: center; gap: 0.4rem; position: relative; }
      input[type='file'] { display: none; }
      .progress { display: inline-flex; align-items: center; gap: 0.4rem; font-size: 0.8rem; color: var(--ink-soft); }
      progress { width: 7rem; }
      .status { font-size: 0.8rem; color: var(--ink-soft); max-width: 28rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @state() private running: { name: string; progress?: JobProgress } | undefined
  @state() private preview: { file: PendingFile; info: ImportPreview } | undefined
  @state() private status = ''
  /** The languages OCR reads scans in (tesseract codes), as chosen beside the button. */
  @state() private ocrLanguages = rememberedOcrLanguages(undefined)
  @query('#import-file') private input!: HTMLInputElement
  private abort: AbortController | undefined

  render() {
    const r = this.running
    const p = r?.progress
    return html`
      <button @click=${() => this.input.click()} ?disabled=${!!r}>${r ? 'Importing…' : 'Import…'}</button>
      <input type="file" id="import-file" aria-label="Import a document" accept=${IMPORT_ACCEPT} @change=${this.picked} />
      <import-ocr-languages .value=${this.ocrLanguages} @ocr-languages-change=${(e: CustomEvent<{ languages: string[] }>) => (this.ocrLanguages = e.detail.languages)}></import-ocr-languages>
      ${r
        ? html`<span class="progress" role="status" aria-live="polite">
            <span>${r.name}${p?.label ? `: ${p.label}` : ''}${p && p.total ? ` (${p.done} of ${p.total})` : ''}</span>
            <progress aria-label=${`Importing ${r.name}`} max=${p?.total || 1} value=${ifDefined(p && p.total ? p.done : undefined)}></progress>
            <button @click=${() => this.abort?.abort()}>Cancel</button>
          </span>`
        : this.status
          ? html`<span class="status" role="status" title=${this.status}>${this.status}</span>`
          : nothing}
      ${this.preview
        ? html`<import-preview
            .preview=${this.preview.info}
            @import-confirm=${(e: CustomEvent<ImportChoice>) => this.confirm(e.detail)}
            @import-cancel=${this.dismissPreview}
          ></import-preview>`
        : nothing}
    `
  }

  private async picked(): Promise<void> {
    const file = this.input.files?.[0]
    this.input.value = ''
    if (!file || !this.model) return
    this.status = ''
    let pending: PendingFile
    try {
      pending = { name: file.name, contentBase64: await fileToBase64(file) }
    } catch (err) {
      return reportError(this, `Could not read ${file.name}`, err)
    }
    if (LOOK_FIRST.test(file.name) && (await this.offerPreview(pending))) return
    await this.run(pending, {})
  }

  /** Looks at a file; shows the preview when there is a choice to make. True when it is shown (or the look failed). */
  private async offerPreview(file: PendingFile): Promise<boolean> {
    try {
      const info = await this.model!.inspectImport({ fileName: file.name, contentBase64: file.contentBase64 })
      if (!info.gutenberg && (!info.encoding || info.encoding.utf8)) {
        if (!info.problem) return false
        reportError(this, `Could not import ${file.name}`, new Error(info.problem))
        return true
      }
      this.preview = { file, info }
      return true
    } catch (err) {
      reportError(this, `Could not look at ${file.name}`, err)
      return true
    }
  }

  private async confirm(choice: ImportChoice): Promise<void> {
    const file = this.preview?.file
    this.preview = undefined
    if (file) await this.run(file, choice)
  }

  private dismissPreview = (): void => {
    const name = this.preview?.file.name
    this.preview = undefined
    this.status = name ? `${name} was not imported.` : ''
  }

  private async run(file: PendingFile, choice: ImportChoice): Promise<void> {
    const model = this.model!
    const abort = (this.abort = new AbortController())
    this.running = { name: file.name }
    // Scanned pages are read in the languages chosen beside the button (those still installed).
    const installed = model.reads.ocrLanguages.get().value
    const ocrLanguages = installed ? this.ocrLanguages.filter((l) => installed.includes(l)) : this.ocrLanguages
    try {
      const doc = await model.runJob(
        'importDocument',
        { fileName: file.name, contentBase64: file.contentBase64, ...choice, ...(ocrLanguages.length ? { ocrLanguages } : {}) },
        { signal: abort.signal, onProgress: (progress) => (this.running = { name: file.name, progress }) }
      )
      this.status = importSummary(doc)
      this.dispatchEvent(new CustomEvent('document-open', { detail: { id: doc.id }, bubbles: true, composed: true }))
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'cancelled') this.status = `Import of ${file.name} cancelled: nothing was added.`
      // Not UTF-8 (an HTML or XML file in a legacy encoding): let the historian choose one.
      else if (choice.encoding || !/not valid UTF-8/i.test(errorMessage(err)) || !(await this.offerPreview(file))) reportError(this, `Could not import ${file.name}`, err)
    } finally {
      if (this.abort === abort) this.abort = undefined
      this.running = undefined
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'import-button': ImportButton
  }
}

/**
 * `<export-dialog>`: the Export dialog. The historian picks a format, the scope (this document or the
 * whole project) and the format's options (BOM, zip, citation style); the export runs as a job with a
 * progress bar and a Cancel button. The scope starts as the one the format is for (./export-scope.ts)
 * and follows the format until the historian picks one by hand. In the browser the CSV tables are
 * zipped by default (one download, not one per table). In the desktop app the files are written into the folder typed
 * (or kept) in the Folder field, with the loss report beside them; in the browser they are downloaded.
 * Either way the dialog then lists what the format could not carry, with counts ("Nothing lost" when
 * the loss report is empty).
 *
 * Properties: `documentId` (the open document, if any), `open`.
 * Events: `close` when dismissed; `marginalia-error` (bubbling, composed) when listing formats fails.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { ExportFormatInfo } from '../../shared/api/exports'
import type { LossItem } from '../../shared/export/types'
import { STYLE_LABELS } from '../lib/citation-styles'
import { downloadFile } from '../lib/download'
import { errorMessage } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { defaultExportScope, scopeNote, type ExportScopeChoice } from './export-scope'
import type { JobProgress } from '../model/job-runner'
import { ModalController } from '../dom/modal-controller'
import { controlStyles, dialogStyles } from '../styles/ui-styles'

const STYLES = Object.entries(STYLE_LABELS)

type Outcome = { kind: 'written'; paths: string[]; losses: LossItem[] } | { kind: 'downloaded'; names: string[]; losses: LossItem[] }

@customElement('export-dialog')
export class ExportDialog extends LitElement {
  static styles = [
    controlStyles,
    dialogStyles,
    css`
      select { font: inherit; font-size: 0.9rem; width: 100%; padding: 0.3rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
      fieldset { border: none; margin: 0; padding: 0; }
      .row { display: flex; gap: 1rem; align-items: center; font-size: 0.9rem; }
      .row label { display: inline-flex; gap: 0.35rem; align-items: center; margin: 0.3rem 0; text-transform: none; letter-spacing: 0; font-size: 0.9rem; color: var(--ink); }
      .row input { width: auto; }
      progress { width: 100%; height: 0.8rem; margin-top: 0.8rem; }
      .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 1rem; }
      .result { margin-top: 0.8rem; font-size: 0.88rem; }
      .result ul { margin: 0.3rem 0; padding-left: 1.2rem; }
      .lossless { color: #2e6b2e; }
      .error { color: var(--danger); margin-top: 0.6rem; font-size: 0.88rem; }
      .scope-note { margin: 0 0 0.4rem; font-size: 0.82rem; color: var(--ink-soft); }
      code { font-size: 0.8rem; word-break: break-all; }
    `
  ]

  @property({ type: String }) documentId: string | undefined
  @property({ type: Boolean }) open = false
  @state() private format = 'json'
  @state() private scope: ExportScopeChoice = 'project'
  /** True once the historian picked a scope by hand: changing the format then keeps it. */
  private scopePicked = false
  @state() private bom = false
  /** Set in `load()`: on by default in the browser, where each file is a separate download. */
  @state() private zip = false
  @state() private cslStyle: string = STYLES[0][0]
  @state() private folder = ''
  /** The export under way (progress in annotations), or the last one's final count. */
  @state() private job: (JobProgress & { running: boolean }) | undefined
  private controller: AbortController | undefined
  private readonly use = new UseModel(this, ['reads', 'project'])
  @state() private outcome: Outcome | undefined
  @state() private failure = ''
  @query('dialog') private dialog!: HTMLDialogElement
  /** Tab stays in the dialog, Escape closes it (not while an export runs), focus returns to Export…. */
  protected readonly modal = new ModalController(this, { container: () => this.dialog, onEscape: () => !this.job?.running && this.dialog?.close() })
  /** True in the desktop app (preload bridge present): files are written by main into `folder`. */
  private readonly desktop = typeof window !== 'undefined' && !!window.marginalia

  /** The system folder chooser (desktop); keeps the typed folder when cancelled. */
  private readonly chooseFolder = async () => {
    const picked = await window.marginalia?.pickFolder()
    if (picked) this.folder = picked
  }

  connectedCallback(): void {
    super.connectedCallback()
    this.load()
  }

  protected updated(): void {
    if (this.open && this.dialog && !this.dialog.open) this.dialog.showModal()
    if (!this.open && this.dialog?.open) this.dialog.close()
  }

  private load(): void {
    this.scope = defaultExportScope(this.format, !!this.documentId)
    this.zip = !this.desktop
    const path = this.use.model?.info?.path
    if (this.desktop && path) this.folder = `${path}/exports`
  }

  private get formats(): ExportFormatInfo[] {
    return this.use.model?.reads.exportFormats.get().value ?? []
  }

  private get current(): ExportFormatInfo | undefined {
    return this.formats.find((f) => f.name === this.format)
  }

  render() {
    const f = this.current
    const running = !!this.job?.running
    return html`<dialog aria-labelledby="export-title" @close=${this.onDialogClose} @cancel=${(e: Event) => running && e.preventDefault()}>
      <h2 id="export-title">Export</h2>
      <label for="format">Format</label>
      <select id="format" .value=${this.format} ?disabled=${running} @change=${(e: Event) => this.pick({ format: (e.target as HTMLSelectElement).value })}>
        ${this.formats.map((x) => html`<option value=${x.name} ?selected=${x.name === this.format}>${x.label}</option>`)}
      </select>
      <fieldset ?disabled=${running}>
        <label>Scope</label>
        <div class="row" role="radiogroup" aria-label="Scope">
          <label><input type="radio" name="scope" .checked=${this.scope === 'document'} ?disabled=${!this.documentId}
            @change=${() => this.pick({ scope: 'document' })} />This document</label>
          <label><input type="radio" name="scope" .checked=${this.scope === 'project'} @change=${() => this.pick({ scope: 'project' })} />Whole project</label>
        </div>
        <p class="scope-note">${scopeNote(this.effectiveScope)}</p>
        ${f?.options.length ? html`<label>Options</label>` : nothing}
        <div class="row">
          ${f?.options.includes('bom') ? html`<label><input type="checkbox" .checked=${this.bom} @change=${(e: Event) => this.pick({ bom: (e.target as HTMLInputElement).checked })} />Byte order mark (for Excel)</label>` : nothing}
          ${f?.options.includes('zip') ? html`<label><input type="checkbox" .checked=${this.zip} @change=${(e: Event) => this.pick({ zip: (e.target as HTMLInputElement).checked })} />Pack into one zip</label>` : nothing}
        </div>
        ${f?.options.includes('style')
          ? html`<label for="style">Citation style</label>
              <select id="style" .value=${this.cslStyle} @change=${(e: Event) => this.pick({ cslStyle: (e.target as HTMLSelectElement).value })}>
                ${STYLES.map(([v, l]) => html`<option value=${v} ?selected=${v === this.cslStyle}>${l}</option>`)}
              </select>`
          : nothing}
        ${this.desktop
          ? html`<label for="folder">Folder</label>
              <div class="row">
                <input id="folder" .value=${this.folder} @input=${(e: Event) => (this.folder = (e.target as HTMLInputElement).value)} />
                <button type="button" @click=${this.chooseFolder}>Choose…</button>
              </div>`
          : nothing}
      </fieldset>
      ${this.job ? html`<progress aria-label="Export progress" max=${this.job.total || 1} value=${this.job.running ? this.job.done : this.job.total || 1}></progress>` : nothing}
      ${this.renderOutcome()}
      ${this.failure ? html`<p class="error" role="alert">${this.failure}</p>` : nothing}
      <div class="actions">
        ${running
          ? html`<button @click=${this.cancel}>Cancel export</button>`
          : html`<button class="quiet" @click=${this.close}>Close</button>
              <button class="primary" ?disabled=${!f || (this.desktop && !this.folder.trim())} @click=${this.run}>${this.desktop ? 'Export' : 'Export and download'}</button>`}
      </div>
    </dialog>`
  }

  private renderOutcome() {
    const o = this.outcome
    if (!o) return nothing
    const files = o.kind === 'written' ? o.paths : o.names
    return html`<div class="result" role="status">
      <div>${o.kind === 'written' ? 'Written' : 'Downloaded'} ${files.length} file${files.length === 1 ? '' : 's'}:
        ${files.map((p, i) => html`${i ? ', ' : ''}<code>${p}</code>`)}</div>
      ${o.losses.length === 0
        ? html`<div class="lossless">Nothing lost: this format carried everything in scope.</div>`
        : html`<div>Not carried by this format (also in the <code>.losses.json</code> report):</div>
            <ul class="losses">${o.losses.map((l) => html`<li>${l.what}: <strong>${l.count}</strong>${l.detail ? html` (${l.detail})` : nothing}</li>`)}</ul>`}
    </div>`
  }

  /** The scope the export will use: "this document" only while a document is open. */
  private get effectiveScope(): ExportScopeChoice {
    return this.scope === 'document' && this.documentId ? 'document' : 'project'
  }

  /** Changes a choice; a previous result no longer applies. */
  private pick(change: { format?: string; scope?: ExportScopeChoice; bom?: boolean; zip?: boolean; cslStyle?: string }): void {
    if (change.format !== undefined) {
      this.format = change.format
      if (!this.scopePicked) this.scope = defaultExportScope(change.format, !!this.documentId)
    }
    if (change.scope !== undefined) {
      this.scope = change.scope
      this.scopePicked = true
    }
    if (change.bom !== undefined) this.bom = change.bom
    if (change.zip !== undefined) this.zip = change.zip
    if (change.cslStyle !== undefined) this.cslStyle = change.cslStyle
    this.outcome = undefined
    this.failure = ''
    this.job = undefined
  }

  private run = async (): Promise<void> => {
    const f = this.current
    if (!f) return
    this.outcome = undefined
    this.failure = ''
    const args = {
      format: f.name,
      ...(this.effectiveScope === 'document' ? { documentId: this.documentId } : {}),
      options: {
        ...(f.options.includes('bom') && this.bom ? { bom: true } : {}),
        ...(f.options.includes('zip') && this.zip ? { zip: true } : {}),
        ...(f.options.includes('style') ? { style: this.cslStyle } : {})
      }
    }
    const model = this.use.model!
    const controller = (this.controller = new AbortController())
    const onProgress = (p: JobProgress) => this.controller === controller && (this.job = { ...p, running: true })
    this.job = { done: 0, total: 0, running: true }
    try {
      if (this.desktop) {
        const w = await model.runJob('writeExport', { ...args, folder: this.folder.trim() }, { signal: controller.signal, onProgress })
        if (this.controller === controller) this.outcome = { kind: 'written', paths: w.paths, losses: w.losses }
      } else {
        const r = await model.runJob('exportProject', args, { signal: controller.signal, onProgress })
        if (this.controller !== controller) return // dismissed or restarted meanwhile
        for (const file of [...r.files, r.lossReport]) downloadFile(file)
        this.outcome = { kind: 'downloaded', names: [...r.files, r.lossReport].map((x) => x.name), losses: r.losses }
      }
    } catch (err) {
      if (this.controller !== controller) return
      this.failure = (err as { code?: string }).code === 'cancelled' ? 'Export cancelled; nothing was written.' : `Export failed: ${errorMessage(err)}`
    } finally {
      if (this.controller === controller && this.job) this.job = { ...this.job, running: false }
    }
  }

  private cancel = (): void => {
    this.controller?.abort()
  }

  private close = (): void => {
    this.dialog?.close()
  }

  private onDialogClose = (): void => {
    if (this.job?.running) this.cancel()
    this.dispatchEvent(new CustomEvent('close'))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'export-dialog': ExportDialog
  }
}

/**
 * `<team-agreement>`: inter-annotator agreement on the open document, as INCEpTION reports it: for
 * each tag (or entity type) and for all together, Cohen's κ per pair of annotators, Fleiss' κ,
 * Krippendorff's α and the unitizing αu. Reads `reads.agreement` through the model (kept current
 * as annotations change). "Save CSV" writes the table through the services into a folder the
 * historian chose (desktop: the project's exports/ folder or one picked with Choose…, granted
 * main-side as for exports); in the browser it is a download.
 * Properties: `documentId`. Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { AgreementRow } from '../../shared/api/team'
import { downloadFile } from '../lib/download'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { ProjectReads } from '../model/project-reads'
import { controlStyles } from '../styles/ui-styles'
import { teamStyles } from './team-styles'

const MEASURE: Record<AgreementRow['measure'], string> = {
  'cohen-kappa': 'Cohen’s κ',
  'fleiss-kappa': 'Fleiss’ κ',
  'krippendorff-alpha': 'Krippendorff’s α',
  'krippendorff-alpha-u': 'Krippendorff’s αu'
}

@customElement('team-agreement')
export class TeamAgreement extends LitElement {
  static styles = [
    controlStyles,
    teamStyles,
    css`
      table { border-collapse: collapse; width: 100%; font-size: 0.78rem; }
      th, td { text-align: left; padding: 0.15rem 0.3rem; border-bottom: 1px solid var(--line); vertical-align: top; }
      td.value { text-align: right; font-variant-numeric: tabular-nums; }
      caption { text-align: left; font-size: 0.78rem; color: var(--ink-soft); padding-bottom: 0.2rem; }
      select { font: inherit; }
    `
  ]
  private readonly use = new UseModel(this, ['reads', 'project'])
  @property() documentId: string | undefined
  @state() private by: 'tag' | 'type' = 'tag'
  @state() private folder: string | undefined
  @state() private busy = false
  @state() private status = ''
  /** True in the desktop app (preload bridge present): main writes the file into a granted folder. */
  private readonly desktop = typeof window !== 'undefined' && !!window.marginalia

  render() {
    const model = this.use.model
    if (!model || !this.documentId) return html`<section><h3>Agreement</h3><p class="muted">Open a document to measure agreement on it.</p></section>`
    const r = model.reads.agreement.of(ProjectReads.agreementKey(this.documentId, this.by)).get()
    const report = r.value
    const folder = this.folder ?? (model.info?.path ? `${model.info.path}/exports` : '')
    return html`<section aria-labelledby="agreement-heading">
      <h3 id="agreement-heading">Agreement between annotators</h3>
      <label>Categories
        <select id="agreement-by" .value=${this.by} @change=${(e: Event) => ((this.by = (e.target as HTMLSelectElement).value as 'tag' | 'type'), (this.status = ''))}>
          <option value="tag" ?selected=${this.by === 'tag'}>Tags</option>
          <option value="type" ?selected=${this.by === 'type'}>Entity types</option>
        </select>
      </label>
      ${r.error ? html`<p class="status">${r.error}</p>` : nothing}
      ${report && report.raters.length < 2
        ? html`<p class="muted">Agreement needs annotations by two or more annotators on this document${report.raters.length ? ` (only ${report.raters[0]} has annotated it)` : ''}.</p>`
        : nothing}
      ${report && report.rows.length
        ? html`<table>
            <caption>${report.raters.join(', ')}, by ${this.by === 'tag' ? 'tag' : 'entity type'}; “all” is every category together</caption>
            <thead><tr><th scope="col">Category</th><th scope="col">Measure</th><th scope="col">Annotators</th><th scope="col">Value</th><th scope="col">Items</th></tr></thead>
            <tbody>
              ${report.rows.map((row) => html`<tr data-category=${row.category ?? '*'} data-measure=${row.measure}>
                <td>${row.category ?? 'all'}</td><td>${MEASURE[row.measure]}</td><td>${row.raters.join(' · ')}</td>
                <td class="value" title=${row.note ?? ''}>${row.value === null ? `— ${row.note ?? ''}` : row.value.toFixed(3)}</td><td>${row.items}</td>
              </tr>`)}
            </tbody>
          </table>
          ${report.stacked.length ? html`<p class="muted">${report.stacked.length} position(s) left out of κ and α: an annotator marked them twice.</p>` : nothing}
          ${report.overlappingUnits ? html`<p class="muted">${report.overlappingUnits} span(s) left out of αu: they overlap the same annotator’s span of the same category.</p>` : nothing}
          ${this.desktop
            ? html`<label>Folder for the CSV
                  <input id="agreement-folder" .value=${folder} @input=${(e: Event) => (this.folder = (e.target as HTMLInputElement).value)} /></label>
                <div class="row">
                  <button @click=${this.chooseFolder}>Choose…</button>
                  <button id="agreement-save" ?disabled=${this.busy || !folder.trim()} @click=${() => this.save(folder.trim())}>Save CSV</button>
                </div>`
            : html`<div class="row"><button id="agreement-save" ?disabled=${this.busy} @click=${() => this.save()}>Download CSV</button></div>`}`
        : nothing}
      <p class="status" role="status">${this.status}</p>
    </section>`
  }

  /** The system folder chooser (desktop): main grants the folder picked for writing. */
  private chooseFolder = async (): Promise<void> => {
    const picked = await window.marginalia?.pickFolder()
    if (picked) this.folder = picked
  }

  /** Writes the CSV into `folder` (desktop) or downloads it (browser). */
  private async save(folder?: string): Promise<void> {
    const model = this.use.model
    if (!model || !this.documentId) return
    const args = { documentId: this.documentId, by: this.by }
    this.busy = true
    try {
      if (folder !== undefined) {
        const { path } = await model.runJob('writeAgreementCsv', { ...args, folder })
        this.status = `Saved ${path}`
      } else {
        const { fileName, content } = await model.runJob('agreementCsv', args)
        downloadFile({ name: fileName, mediaType: 'text/csv', encoding: 'utf-8', content })
        this.status = `Downloaded ${fileName}`
      }
    } catch (err) {
      this.status = ''
      reportError(this, 'Could not save the agreement table', err)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'team-agreement': TeamAgreement
  }
}

/**
 * `<import-preview>`: a modal dialog shown before importing a text that needs a decision.
 * - Not valid UTF-8: each candidate decoding (Windows-1252, ISO-8859-1, ISO-8859-7 Greek, UTF-16)
 *   with the start of the text, the passages where decodings differ and what looks wrong in it.
 *   The services may propose one (marked "proposed"); nothing is chosen for the historian: Import
 *   stays disabled until an encoding is picked.
 * - A Project Gutenberg header and licence: offered for trimming (they are kept in the document's
 *   metadata either way).
 *
 * Properties: `preview` (the result of `inspectImport`).
 * Events: `import-confirm` `{ encoding?, trimGutenberg? }`, `import-cancel` (Cancel or Escape).
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { ImportPreview } from '../../shared/api/documents'
import type { TextEncoding } from '../../shared/import/encodings'
import { controlStyles } from '../styles/ui-styles'

/** What the historian decided: the encoding to decode with, and whether to trim a Gutenberg header. */
export interface ImportChoice {
  encoding?: TextEncoding
  trimGutenberg?: boolean
}

@customElement('import-preview')
export class ImportPreviewDialog extends LitElement {
  static styles = [
    controlStyles,
    css`
      dialog { max-width: min(46rem, 92vw); max-height: 86vh; overflow: auto; border: 1px solid var(--line); border-radius: 10px; padding: 1.1rem 1.3rem; color: var(--ink); }
      dialog::backdrop { background: rgba(43, 39, 34, 0.35); }
      h2 { font-size: 1.05rem; margin: 0 0 0.4rem; }
      .problem { color: var(--danger); margin: 0 0 0.6rem; font-size: 0.9rem; }
      fieldset { border: 0; padding: 0; margin: 0; }
      legend { font-size: 0.85rem; color: var(--ink-soft); margin-bottom: 0.3rem; }
      .candidate { display: grid; grid-template-columns: auto 1fr; gap: 0.2rem 0.6rem; border: 1px solid var(--line); border-radius: 8px; padding: 0.5rem 0.7rem; margin-bottom: 0.5rem; cursor: pointer; text-transform: none; letter-spacing: normal; font-size: 0.9rem; color: var(--ink); }
      .candidate.chosen { border-color: var(--accent); background: var(--accent-soft); }
      .candidate input { width: auto; margin-top: 0.2rem; }
      .name { font-weight: 600; }
      .tag { font-size: 0.72rem; background: #e2efe2; color: #2e6b2e; border-radius: 4px; padding: 0 0.35rem; margin-left: 0.4rem; }
      .text { grid-column: 2; font-family: 'Iowan Old Style', Palatino, 'Noto Serif', Georgia, serif; font-size: 0.9rem; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 5.5em; overflow: hidden; }
      .samples { grid-column: 2; margin: 0; padding-left: 1rem; font-size: 0.85rem; }
      .warn { grid-column: 2; color: var(--danger); font-size: 0.8rem; }
      .gutenberg { margin: 0.8rem 0; font-size: 0.9rem; display: flex; gap: 0.5rem; align-items: baseline; }
      .gutenberg input { width: auto; }
      .gutenberg label { all: unset; }
      .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 0.8rem; }
    `
  ]

  @property({ attribute: false }) preview: ImportPreview | undefined
  @state() private encoding: TextEncoding | undefined
  @state() private trim = false
  @query('dialog') private dialog!: HTMLDialogElement

  protected firstUpdated(): void {
    this.dialog.showModal()
  }

  private get needsEncoding(): boolean {
    return !!this.preview?.encoding && !this.preview.encoding.utf8
  }

  render() {
    const p = this.preview
    if (!p) return nothing
    const enc = p.encoding
    return html`<dialog aria-labelledby="preview-title" @cancel=${this.cancel}>
      <h2 id="preview-title">Import ${p.fileName}</h2>
      ${this.needsEncoding && enc
        ? html`<p class="problem">${p.problem ?? `${p.fileName} is not valid UTF-8.`} Which encoding is it in? Compare the passages below: the right one reads as words.</p>
            <fieldset>
              <legend>Encoding</legend>
              ${enc.candidates.map(
                (c) => html`<label class="candidate ${this.encoding === c.encoding ? 'chosen' : ''}" data-encoding=${c.encoding}>
                  <input type="radio" name="encoding" .value=${c.encoding} .checked=${this.encoding === c.encoding} @change=${() => (this.encoding = c.encoding)} />
                  <span><span class="name">${c.label}</span>${enc.proposed === c.encoding ? html`<span class="tag">proposed</span>` : nothing}</span>
                  <span class="text">${c.preview}</span>
                  ${c.samples.length ? html`<ul class="samples" aria-label="Where the decodings differ">${c.samples.map((s) => html`<li>…${s}…</li>`)}</ul>` : nothing}
                  ${c.problems.map((w) => html`<span class="warn">${w}</span>`)}
                </label>`
              )}
            </fieldset>`
        : nothing}
      ${p.gutenberg
        ? html`<div class="gutenberg">
            <input type="checkbox" id="trim" .checked=${this.trim} @change=${(e: Event) => (this.trim = (e.target as HTMLInputElement).checked)} />
            <label for="trim">Trim the Project Gutenberg header (${p.gutenberg.headerChars.toLocaleString()} characters) and licence
              (${p.gutenberg.licenceChars.toLocaleString()} characters)${p.gutenberg.title ? html` of <em>${p.gutenberg.title}</em>` : nothing}.
              Both are kept in the document's metadata either way.</label>
          </div>`
        : nothing}
      <div class="actions">
        <button @click=${this.cancel}>Cancel</button>
        <button class="primary" ?disabled=${this.needsEncoding && !this.encoding} @click=${this.confirm}>
          ${this.needsEncoding ? (this.encoding ? `Import as ${enc?.candidates.find((c) => c.encoding === this.encoding)?.label ?? this.encoding}` : 'Choose an encoding') : 'Import'}
        </button>
      </div>
    </dialog>`
  }

  private confirm = (): void => {
    const detail: ImportChoice = {}
    if (this.needsEncoding && this.encoding) detail.encoding = this.encoding
    if (this.preview?.gutenberg) detail.trimGutenberg = this.trim
    this.dialog.close()
    this.dispatchEvent(new CustomEvent<ImportChoice>('import-confirm', { detail }))
  }

  private cancel = (e?: Event): void => {
    e?.preventDefault()
    this.dialog.close()
    this.dispatchEvent(new CustomEvent('import-cancel'))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'import-preview': ImportPreviewDialog
  }
}

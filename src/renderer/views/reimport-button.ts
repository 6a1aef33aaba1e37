/**
 * `<reimport-button>`: "New version…" for the open document. The chosen file replaces the
 * document's text and every highlight on it is re-anchored by the service: found where it was,
 * moved, or orphaned (kept and listed under "Needs review", never dropped). One undoable edit.
 * Shows the outcome below the button.
 *
 * Properties: `documentId`. Writes through the model from context. Events (bubbling, composed): `marginalia-error`.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { reportError } from '../lib/errors'
import { fileToBase64 } from '../dom/file-base64'
import { controlStyles } from '../styles/ui-styles'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'

@customElement('reimport-button')
export class ReimportButton extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      button {
        width: 100%;
        font-size: 0.8rem;
      }
      input {
        display: none;
      }
      p {
        margin: 0.4rem 0.1rem 0;
        font-size: 0.78rem;
        color: var(--ink-soft);
        line-height: 1.4;
      }
      p.review {
        color: var(--danger);
      }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property() documentId: string | undefined
  @state() private busy = false
  @state() private outcome: { text: string; review: boolean } | undefined
  @query('input') private input!: HTMLInputElement

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('documentId')) this.outcome = undefined
  }

  render() {
    return html`
      <button ?disabled=${!this.documentId || this.busy} @click=${() => this.input.click()} title="Replace this text by a new version of its file; highlights follow their passages">
        ${this.busy ? 'Re-anchoring…' : 'New version of this text…'}
      </button>
      <input type="file" id="reimport-file" aria-label="New version of the open document" @change=${this.reimport} />
      ${this.outcome ? html`<p class=${this.outcome.review ? 'review' : ''} role="status">${this.outcome.text}</p>` : nothing}
    `
  }

  private async reimport(): Promise<void> {
    const file = this.input.files?.[0]
    this.input.value = ''
    const id = this.documentId
    if (!file || !id) return
    this.busy = true
    try {
      const result = await this.model!.mutate('reimportDocument', { id, fileName: file.name, contentBase64: await fileToBase64(file) })
      const { anchored, moved, orphaned } = result.counts
      this.outcome = result.unchanged
        ? { text: `${file.name} is the version already open: nothing changed.`, review: false }
        : {
            text: `${anchored} highlights in place, ${moved} moved` + (orphaned ? `, ${orphaned} not found: see “Needs review” under Annotations.` : '.'),
            review: orphaned > 0
          }
    } catch (err) {
      reportError(this, `Could not read the new version ${file.name}`, err)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reimport-button': ReimportButton
  }
}

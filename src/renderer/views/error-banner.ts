/**
 * `<error-banner>`: failed operations and edits that could not be saved (and were undone), newest
 * last, each with its message and a Dismiss button. Announced to screen readers (role=alert).
 * Property: `messages` (the model's notices). Event: `dismiss` `{ id }` (not composed; the shell owns it).
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { controlStyles } from '../styles/ui-styles'

/** One message shown in the banner. */
export interface BannerMessage {
  id: number
  /** `rolled-back`: an edit that could not be saved and was undone. */
  kind?: 'error' | 'rolled-back'
  message: string
}

@customElement('error-banner')
export class ErrorBanner extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .msg {
        display: flex;
        align-items: flex-start;
        gap: 0.75rem;
        padding: 0.55rem 0.9rem;
        background: #fbeae7;
        border-bottom: 1px solid #efc9c2;
        color: #6e1c16;
        font-size: 0.9rem;
      }
      .msg span {
        flex: 1;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .msg strong {
        margin-right: 0.3rem;
      }
      button {
        font-size: 0.8rem;
        padding: 0.1rem 0.6rem;
      }
    `
  ]

  @property({ attribute: false }) messages: BannerMessage[] = []

  render() {
    if (!this.messages.length) return nothing
    return html`<div role="alert">
      ${this.messages.map(
        (m) => html`<div class="msg">
          <span class=${m.kind ?? 'error'}><strong>${m.kind === 'rolled-back' ? 'Not saved.' : 'Error.'}</strong>${m.message}</span>
          <button @click=${() => this.dispatchEvent(new CustomEvent('dismiss', { detail: { id: m.id } }))}>Dismiss</button>
        </div>`
      )}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'error-banner': ErrorBanner
  }
}

/**
 * `<document-list>`: the project's documents (title, role), the open one marked.
 * Event (bubbling, composed): `document-open` `{ id }`.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { DocumentRecord } from '../../shared/model'
import { controlStyles } from '../styles/ui-styles'

const ROLE_LABEL: Record<DocumentRecord['role'], string> = { text: 'Text', source: 'Source' }

@customElement('document-list')
export class DocumentList extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button.doc {
        display: block;
        width: 100%;
        text-align: left;
        border: 0;
        border-radius: 6px;
        background: transparent;
        padding: 0.5rem 0.6rem;
        margin-bottom: 0.15rem;
      }
      button.doc[aria-current='true'] {
        background: #fff;
        box-shadow: inset 3px 0 0 var(--accent), 0 1px 2px rgba(43, 39, 34, 0.08);
      }
      .title {
        display: block;
        font-weight: 500;
        line-height: 1.3;
      }
      .meta {
        display: block;
        margin-top: 0.15rem;
        font-size: 0.74rem;
        color: var(--ink-soft);
      }
      .role {
        display: inline-block;
        padding: 0 0.35rem;
        border-radius: 3px;
        background: #ebe4d8;
        margin-right: 0.3rem;
      }
      .role.source {
        background: #dfe8ee;
      }
      .empty {
        color: var(--ink-soft);
        font-size: 0.85rem;
        padding: 0.4rem 0.6rem;
      }
    `
  ]

  @property({ attribute: false }) documents: DocumentRecord[] = []
  @property() currentId: string | undefined

  render() {
    if (!this.documents.length) return html`<p class="empty">No documents yet. Use Import… to add one.</p>`
    return html`<ul aria-label="Documents">
      ${this.documents.map(
        (d) => html`<li>
          <button class="doc" aria-current=${d.id === this.currentId ? 'true' : 'false'} @click=${() => this.open(d.id)}>
            <span class="title">${d.title}</span>
            <span class="meta"><span class="role ${d.role}">${ROLE_LABEL[d.role] ?? d.role}</span>${d.fileName}</span>
          </button>
        </li>`
      )}
    </ul>`
  }

  private open(id: string): void {
    this.dispatchEvent(new CustomEvent('document-open', { detail: { id }, bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'document-list': DocumentList
  }
}

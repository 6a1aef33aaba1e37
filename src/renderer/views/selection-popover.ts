/**
 * `<selection-popover>`: the small form that appears beside a fresh selection in the document
 * view. Tag(s) (comma-separated, suggested from the project's tags), an optional note, and a
 * Highlight button. Enter submits (Shift+Enter makes a new line in the note); Escape closes.
 *
 * Events (bubbling, composed):
 * - `highlight-submit`, detail: the annotation body to create (`{ tags, note }`); other panels
 *   may add fields (entityIds, citations) to it before it is dispatched.
 * - `popover-close`: the user dismissed the popover.
 */
import { LitElement, css, html } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import { parseTags } from '../lib/tags'
import { controlStyles } from '../styles/ui-styles'

/** Detail of `highlight-submit`: fields of `createAnnotation` besides the passage. */
export interface HighlightBody {
  tags: string[]
  note: string
  [field: string]: unknown
}


@customElement('selection-popover')
export class SelectionPopover extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host {
        position: fixed;
        z-index: 20;
        width: 19rem;
        display: block;
        background: var(--paper);
        border: 1px solid var(--line);
        border-radius: 10px;
        box-shadow: 0 10px 30px rgba(43, 39, 34, 0.18), 0 2px 6px rgba(43, 39, 34, 0.1);
        padding: 0.6rem 0.75rem 0.7rem;
        font-size: 0.9rem;
      }
      .quote {
        font-family: 'Iowan Old Style', 'Palatino Linotype', Palatino, 'Noto Serif', Georgia, serif;
        font-style: italic;
        color: var(--ink-soft);
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
        margin: 0 0 0.2rem;
      }
      .actions {
        display: flex;
        justify-content: flex-end;
        gap: 0.4rem;
        margin-top: 0.6rem;
      }
      .hint {
        margin-right: auto;
        align-self: center;
        font-size: 0.72rem;
        color: var(--ink-soft);
      }
    `
  ]

  /** The selected passage, shown as a reminder. */
  @property() quote = ''
  /** Existing tag names, offered as suggestions. */
  @property({ attribute: false }) knownTags: string[] = []
  /** Viewport coordinates (px) of the selection's bottom-left corner; the popover sits below it. */
  @property({ type: Number }) x = 0
  @property({ type: Number }) y = 0
  /** True while the annotation is being created (the button is disabled). */
  @property({ type: Boolean }) busy = false

  @state() private tagText = ''
  @state() private note = ''
  @query('#tag') private tagInput!: HTMLInputElement

  /** Moves keyboard focus into the form (the tag field). */
  focusForm(): void {
    this.updateComplete.then(() => this.tagInput?.focus())
  }

  /** Clears the fields for a new selection. */
  reset(): void {
    this.tagText = ''
    this.note = ''
    ;(this.renderRoot?.querySelector('citation-picker') as { reset?: () => void } | null)?.reset?.()
    ;(this.renderRoot?.querySelector('entity-picker') as { reset?: () => void } | null)?.reset?.()
  }

  protected updated(): void {
    // Keep the popover inside the window: below the selection when there is room, else above it.
    const w = this.offsetWidth || 300
    const h = this.offsetHeight || 180
    const left = Math.max(8, Math.min(this.x, window.innerWidth - w - 8))
    const below = this.y + 8
    const top = below + h > window.innerHeight - 8 ? Math.max(8, this.y - h - 36) : below
    this.style.setProperty('left', `${left}px`)
    this.style.setProperty('top', `${top}px`)
  }

  render() {
    return html`
      <form role="dialog" aria-label="New highlight" @submit=${this.submit} @keydown=${this.onKey}>
        <p class="quote" title=${this.quote}>“${this.quote}”</p>
        <label for="tag">Tags</label>
        <input
          id="tag"
          list="known-tags"
          autocomplete="off"
          placeholder="e.g. person, claim"
          .value=${this.tagText}
          @input=${(e: Event) => (this.tagText = (e.target as HTMLInputElement).value)}
        />
        <datalist id="known-tags">${this.knownTags.map((t) => html`<option value=${t}></option>`)}</datalist>
        <label for="note">Note</label>
        <textarea
          id="note"
          rows="2"
          placeholder="Optional"
          .value=${this.note}
          @input=${(e: Event) => (this.note = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <citation-picker></citation-picker>
        <entity-picker .quote=${this.quote}></entity-picker>
        <div class="actions">
          <span class="hint">Enter ↵ · Esc</span>
          <button type="button" class="quiet" @click=${this.close}>Cancel</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>Highlight</button>
        </div>
      </form>
    `
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      this.close()
    } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      // Enter submits from any field; Shift+Enter keeps a line break in the note.
      e.preventDefault()
      this.submit()
    }
  }

  private submit(e?: Event): void {
    e?.preventDefault()
    if (this.busy) return
    const detail: HighlightBody = { tags: parseTags(this.tagText), note: this.note.trim() }
    // The citation picker (views/citation-picker.ts), when an item was chosen.
    const cited = (this.renderRoot.querySelector('citation-picker') as { value?: unknown } | null)?.value
    if (cited) detail.citations = [cited]
    // The entity picker (views/entity-picker.ts): entities chosen or created.
    const linked = (this.renderRoot.querySelector('entity-picker') as { value?: string[] } | null)?.value
    if (linked?.length) detail.entityIds = linked
    this.dispatchEvent(new CustomEvent('highlight-submit', { detail, bubbles: true, composed: true }))
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('popover-close', { bubbles: true, composed: true }))
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'selection-popover': SelectionPopover
  }
}

/**
 * `<annotation-card>`: one annotation in the side panel: the quoted passage, its tags as coloured
 * chips and its note. Activating the card (click, Enter, Space) selects the annotation and asks
 * the shell to scroll to and flash its passage. Edit (tags, note) and delete happen inline; both
 * are undoable with Ctrl+Z like every edit.
 *
 * Properties: `annotation`, `colour` (its highlight colour), `tagColours`, `knownTags`, `selected`.
 * Writes (`updateAnnotation`, `deleteAnnotation`) go through the model from context; the card
 * shows what the model then holds, nothing is re-read.
 * Events (bubbling, composed): `annotation-select` `{ id, reveal: true }`, `marginalia-error`.
 */
import { consume } from '@lit/context'
import { LitElement, css, html, nothing, unsafeCSS } from 'lit'
import { customElement, property, query, state } from 'lit/decorators.js'
import type { Annotation } from '../../shared/model'
import { authorshipText } from '../../shared/team/authorship'
import { cssVars } from '../dom/css-vars'
import { UNTAGGED_COLOUR } from '../lib/colours'
import { reportError } from '../lib/errors'
import { parseTags } from '../lib/tags'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import { controlStyles } from '../styles/ui-styles'

@customElement('annotation-card')
export class AnnotationCard extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .card {
        position: relative;
        padding: 0.65rem 0.75rem 0.6rem 0.95rem;
        border: 1px solid var(--line);
        border-radius: 8px;
        background: #fff;
        cursor: pointer;
      }
      .card::before {
        content: '';
        position: absolute;
        left: 0;
        top: 0.5rem;
        bottom: 0.5rem;
        width: 4px;
        border-radius: 0 3px 3px 0;
        background: var(--tag, ${unsafeCSS(UNTAGGED_COLOUR)});
      }
      .card:hover {
        border-color: #d8cfc2;
      }
      .card.selected {
        border-color: #b79b82;
        box-shadow: 0 0 0 2px rgba(122, 62, 29, 0.14);
      }
      button.quote:hover:not(:disabled) {
        background: none;
      }
      /* The quote is the card's keyboard handle: a button that looks like text. */
      button.quote {
        display: -webkit-box;
        width: 100%;
        margin: 0;
        padding: 0;
        border: 0;
        border-radius: 0;
        background: none;
        text-align: left;
        color: var(--ink);
        font-family: 'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, 'Noto Serif', 'Liberation Serif', serif;
        font-size: 0.95rem;
        line-height: 1.4;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin-top: 0.45rem;
      }
      .note {
        margin: 0.4rem 0 0;
        font-size: 0.86rem;
        color: var(--ink-soft);
        white-space: pre-wrap;
      }
      /* Edit/Delete float over the card's top-right corner so hidden tools take no room. */
      .tools {
        position: absolute;
        top: 0.3rem;
        right: 0.35rem;
        display: flex;
        gap: 0.1rem;
        padding-left: 1.2rem;
        background: linear-gradient(to right, transparent, #fff 1.1rem);
        opacity: 0;
        pointer-events: none;
      }
      .card:hover .tools,
      .card:focus-within .tools,
      .card.selected .tools {
        opacity: 1;
        pointer-events: auto;
      }
      /* The selected card is the one being worked on: its tools sit in the flow, covering nothing. */
      .card.selected .tools {
        position: static;
        justify-content: flex-end;
        padding: 0;
        margin-top: 0.3rem;
        background: none;
      }
      .tools button {
        font-size: 0.78rem;
        padding: 0.15rem 0.5rem;
      }
      .by {
        margin: 0.3rem 0 0;
        font-size: 0.72rem;
        color: var(--ink-soft);
      }
      form .actions {
        display: flex;
        gap: 0.4rem;
        justify-content: flex-end;
        margin-top: 0.5rem;
      }
    `
  ]

  @consume({ context: modelContext }) model: ProjectModel | undefined
  @property({ attribute: false }) annotation!: Annotation
  /** The colour the highlight is painted in (the side stripe shows it). */
  @property() colour = UNTAGGED_COLOUR
  @property({ attribute: false }) tagColours: ReadonlyMap<string, string> = new Map()
  @property({ attribute: false }) knownTags: string[] = []
  @property({ type: Boolean }) selected = false

  @state() private editing = false
  @state() private busy = false
  @query('#tags') private tagsInput: HTMLInputElement | undefined

  render() {
    const a = this.annotation
    return html`
      <div class="card ${this.selected ? 'selected' : ''}" ${cssVars({ '--tag': this.colour })} @click=${this.select}>
        <button
          class="quote"
          aria-pressed=${this.selected ? 'true' : 'false'}
          title="Go to the passage (Delete removes the highlight)"
          @keydown=${this.onKey}
        >${a.target.exact}</button>
        ${this.editing ? this.renderEditor() : this.renderBody()}
      </div>
    `
  }

  private renderBody() {
    const a = this.annotation
    return html`
      ${a.tags.length
        ? html`<div class="tags">
            ${a.tags.map((t) => html`<span class="chip" ${cssVars({ '--tag': this.tagColours.get(t) ?? UNTAGGED_COLOUR })}>${t}</span>`)}
          </div>`
        : nothing}
      ${a.note ? html`<p class="note">${a.note}</p>` : nothing}
      ${a.entityIds.length ? html`<entity-links .ids=${a.entityIds}></entity-links>` : nothing}
      ${a.citations.length ? html`<citation-links .links=${a.citations}></citation-links>` : nothing}
      <p class="by" title=${[a.createdBy?.orcid, a.modifiedBy?.orcid].filter(Boolean).map((o) => `ORCID ${o}`).join(', ')}>${authorshipText(a)}</p>
      <div class="tools">
        <button class="quiet" @click=${this.startEdit} aria-label="Edit highlight">Edit</button>
        <button class="quiet danger" @click=${this.deleteHighlight} ?disabled=${this.busy} aria-label="Delete highlight">Delete</button>
      </div>
    `
  }

  private renderEditor() {
    const a = this.annotation
    return html`
      <form @submit=${this.save} @click=${(e: Event) => e.stopPropagation()} @keydown=${this.onEditorKey}>
        <label for="tags">Tags</label>
        <input id="tags" name="tags" list="tag-options" .value=${a.tags.join(', ')} autocomplete="off" />
        <datalist id="tag-options">${this.knownTags.map((t) => html`<option value=${t}></option>`)}</datalist>
        <label for="note">Note</label>
        <textarea id="note" name="note" rows="3" .value=${a.note}></textarea>
        <citation-picker .annotation=${a}></citation-picker>
        <entity-picker .annotation=${a} .quote=${a.target.exact}></entity-picker>
        <div class="actions">
          <button type="button" class="quiet" @click=${this.cancelEdit}>Cancel</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>Save</button>
        </div>
      </form>
    `
  }

  private select(): void {
    this.dispatchEvent(new CustomEvent('annotation-select', { detail: { id: this.annotation.id, reveal: true }, bubbles: true, composed: true }))
  }

  /** Enter and Space activate the quote button natively (its click bubbles to the card). */
  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Delete') {
      e.preventDefault()
      this.deleteHighlight(e)
    }
  }

  private onEditorKey(e: KeyboardEvent): void {
    e.stopPropagation()
    if (e.key === 'Escape') this.cancelEdit()
    else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault()
      this.save()
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      this.save()
    }
  }

  private startEdit(e: Event): void {
    e.stopPropagation()
    this.editing = true
    this.updateComplete.then(() => this.tagsInput?.focus())
  }

  private cancelEdit(): void {
    this.editing = false
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.quote')?.focus())
  }

  private async save(e?: Event): Promise<void> {
    e?.preventDefault()
    const form = this.renderRoot.querySelector('form')
    if (!form || this.busy) return
    const data = new FormData(form)
    this.busy = true
    try {
      await this.model!.mutate('updateAnnotation', {
        id: this.annotation.id,
        tags: parseTags(String(data.get('tags') ?? '')),
        note: String(data.get('note') ?? '').trim()
      })
      this.editing = false
    } catch (err) {
      reportError(this, 'Could not save the highlight', err)
    } finally {
      this.busy = false
    }
  }

  private async deleteHighlight(e: Event): Promise<void> {
    e.stopPropagation()
    if (this.busy) return
    this.busy = true
    try {
      await this.model!.mutate('deleteAnnotation', { id: this.annotation.id })
    } catch (err) {
      reportError(this, 'Could not delete the highlight', err)
    } finally {
      this.busy = false
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'annotation-card': AnnotationCard
  }
}

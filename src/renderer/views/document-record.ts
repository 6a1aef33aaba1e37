/**
 * `<document-record>`: the open document as a record, under the document list. "Details…" opens a
 * form to rename it and edit its metadata — title, author, date, language, source, URL, and the
 * bibliography item this document *is* (so a citation of that item finds it: "Go to cited page").
 * "Delete" removes it with its highlights; each is one undoable edit, and a deletion says how to
 * bring it back (Undo here, or the toolbar's).
 *
 * Properties: `doc` (the open document's record). Writes through the model from context;
 * the bibliography comes from the model's selections.
 * Events (bubbling, composed): `marginalia-error`.
 */
import { LitElement, css, html, nothing } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Methods } from '../../shared/api'
import type { ArgsOf } from '../../shared/api/define'
import type { DocumentRecord } from '../../shared/model'
import { reportError } from '../lib/errors'
import { UseModel } from '../model/model-context'
import { controlStyles } from '../styles/ui-styles'

type Field = 'title' | 'author' | 'date' | 'language' | 'source' | 'url'
const FIELDS: [Field, string][] = [
  ['title', 'Title'], ['author', 'Author'], ['date', 'Date'], ['language', 'Language'], ['source', 'Source'], ['url', 'URL']
]

/** The record's current value of each field (the title is the record's, the rest its metadata's). */
function valuesOf(doc: DocumentRecord): Record<Field, string> & { citationId: string } {
  const m = doc.metadata
  return { title: doc.title, author: m.author ?? '', date: m.date ?? '', language: m.language ?? '', source: m.source ?? '', url: m.url ?? '', citationId: m.citationId ?? '' }
}

@customElement('document-record')
export class DocumentRecordView extends LitElement {
  static styles = [
    controlStyles,
    css`
      :host { display: block; margin: 0.6rem 0.6rem 0; font-size: 0.85rem; }
      .bar { display: flex; gap: 0.3rem; }
      .bar button { flex: 1; font-size: 0.8rem; }
      form { display: grid; gap: 0.1rem; margin-top: 0.4rem; }
      select { font: inherit; font-size: 0.85rem; width: 100%; padding: 0.3rem; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
      .actions { display: flex; justify-content: flex-end; gap: 0.3rem; margin-top: 0.5rem; }
      p.status { margin: 0.4rem 0.1rem 0; font-size: 0.78rem; color: var(--ink-soft); line-height: 1.4; }
    `
  ]

  @property({ attribute: false }) doc: DocumentRecord | undefined
  @state() private editing = false
  @state() private draft: ReturnType<typeof valuesOf> | undefined
  @state() private status = ''
  @state() private busy = false
  private deletedId: string | undefined
  private readonly use = new UseModel(this, ['citations', 'history'])

  protected willUpdate(changed: Map<string, unknown>): void {
    const prev = changed.get('doc') as DocumentRecord | undefined
    if (changed.has('doc') && prev?.id !== this.doc?.id) {
      this.editing = false
      // A deletion's notice (with its Undo) stays while the next document opens.
      if (prev?.id !== this.deletedId) this.status = ''
    }
  }

  render() {
    const doc = this.doc
    return html`
      ${doc
        ? html`<div class="bar">
            <button aria-expanded=${this.editing ? 'true' : 'false'} @click=${this.toggle} title="Rename, edit the author, date, language, source, and which bibliography item this is">Details…</button>
            <button class="danger" ?disabled=${this.busy} @click=${this.deleteDocument} title="Delete this document and its highlights (Undo brings them back)">Delete</button>
          </div>`
        : nothing}
      ${doc && this.editing && this.draft ? this.renderForm(this.draft) : nothing}
      ${this.status
        ? html`<p class="status" role="status">${this.status}
            ${this.status.startsWith('Deleted') && this.use.model?.history.canUndo ? html`<button class="quiet" @click=${this.undo}>Undo</button>` : nothing}</p>`
        : nothing}
    `
  }

  private renderForm(d: ReturnType<typeof valuesOf>) {
    const items = this.use.model?.selections.citationList() ?? []
    const set = (f: keyof typeof d) => (e: Event) => (this.draft = { ...d, [f]: (e.target as HTMLInputElement | HTMLSelectElement).value })
    return html`<form aria-label="Document details" @submit=${this.save}>
      ${FIELDS.map(([f, label]) => html`<label for="f-${f}">${label}</label><input id="f-${f}" name=${f} .value=${d[f]} @input=${set(f)} ?required=${f === 'title'} />`)}
      <label for="f-citation">This document is</label>
      <select id="f-citation" name="citationId" @change=${set('citationId')}>
        <option value="" ?selected=${!d.citationId}>— no bibliography item —</option>
        ${items.map((c) => html`<option value=${c.id} ?selected=${c.id === d.citationId}>${c.label}</option>`)}
      </select>
      <div class="actions">
        <button type="button" @click=${() => (this.editing = false)}>Cancel</button>
        <button type="submit" class="primary" ?disabled=${this.busy}>Save</button>
      </div>
    </form>`
  }

  private toggle = (): void => {
    this.editing = !this.editing
    if (this.editing && this.doc) this.draft = valuesOf(this.doc)
  }

  /** Saves what changed: a title alone is a rename; anything else one metadata edit (one Undo either way). */
  private save = async (e: Event): Promise<void> => {
    e.preventDefault()
    const doc = this.doc
    const d = this.draft
    const model = this.use.model
    if (!doc || !d || !model) return
    const before = valuesOf(doc)
    const changed = (Object.keys(d) as (keyof typeof d)[]).filter((k) => d[k].trim() !== before[k])
    if (!changed.length) return void (this.editing = false)
    this.busy = true
    try {
      if (changed.length === 1 && changed[0] === 'title') await model.mutate('renameDocument', { id: doc.id, title: d.title })
      else {
        const args: ArgsOf<Methods['updateDocumentMetadata']> = { id: doc.id }
        for (const k of changed) {
          if (k === 'citationId') args.citationId = d.citationId || null
          else args[k] = d[k]
        }
        await model.mutate('updateDocumentMetadata', args)
      }
      this.editing = false
      this.status = 'Saved.'
    } catch (err) {
      reportError(this, `Could not save the details of “${doc.title}”`, err)
    } finally {
      this.busy = false
    }
  }

  private deleteDocument = async (): Promise<void> => {
    const doc = this.doc
    if (!doc || !this.use.model) return
    this.busy = true
    try {
      this.deletedId = doc.id
      await this.use.model.mutate('deleteDocument', { id: doc.id })
      this.status = `Deleted “${doc.title}” and its highlights.`
    } catch (err) {
      reportError(this, `Could not delete “${doc.title}”`, err)
    } finally {
      this.busy = false
    }
  }

  private undo = async (): Promise<void> => {
    try {
      await this.use.model!.mutate('undo', {})
      this.status = ''
      this.deletedId = undefined
    } catch (err) {
      reportError(this, 'Could not undo', err)
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'document-record': DocumentRecordView
  }
}

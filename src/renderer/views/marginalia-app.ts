/**
 * `<marginalia-app>`: the application shell, and the owner of the project model (model/), which
 * it provides to every view by Lit context. Toolbar (Import…, Export…, Undo, Redo), the document
 * list, the open document, and a side panel with tabs: Annotations, Entities, Bibliography,
 * Verify. Only the shown tab is in the page (the others are kept aside by Lit's `cache`), so
 * hidden panels do no work. A status line shows the undo/redo state and running jobs; failures
 * and rolled-back edits show in the banner.
 *
 * Listens (from any descendant, bubbling + composed): `annotation-select` `{ id, documentId?,
 * reveal? }` (selects it; unless `reveal === false`, scrolls to and flashes its passage, opening
 * its document if needed), `document-open` `{ id }`, `marginalia-error` `{ message }`.
 */
import { provide } from '@lit/context'
import { LitElement, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { cache } from 'lit/directives/cache.js'
import { fileToBase64 } from '../dom/file-base64'
import { errorMessage, type ErrorDetail } from '../lib/errors'
import { historyShortcut, isMacPlatform, isTypingTarget } from '../lib/shortcuts'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import { windowModel } from '../model/window-model'
import { appStyles } from '../styles/app-styles'
import { controlStyles } from '../styles/ui-styles'
import type { DocumentView } from './document-view'

type TabId = 'annotations' | 'entities' | 'bibliography' | 'verify' | 'team'
const TABS: { id: TabId; label: string }[] = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'entities', label: 'Entities' },
  { id: 'bibliography', label: 'Bibliography' },
  { id: 'verify', label: 'Verify' },
  { id: 'team', label: 'Team' }
]

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

const IS_MAC = isMacPlatform(navigator.platform)
const MOD = IS_MAC ? '⌘' : 'Ctrl'

@customElement('marginalia-app')
export class MarginaliaApp extends LitElement {
  static styles = [controlStyles, appStyles]

  /** The project model every view reads and writes through; replaced only in tests. */
  @provide({ context: modelContext }) model: ProjectModel = windowModel()

  @state() private tab: TabId = 'annotations'
  @state() private selectedAnnotationId: string | undefined
  @state() private notice = ''
  @state() private exportOpen = false
  @state() private importing = false
  @query('document-view') private view: DocumentView | undefined
  @query('#import-file') private fileInput!: HTMLInputElement

  private noticeTimer: number | undefined
  private unsubscribe: (() => void) | undefined

  connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKeyDown)
    this.addEventListener('marginalia-error', this.onErrorEvent as EventListener)
    this.addEventListener('annotation-select', this.onAnnotationSelect as unknown as EventListener)
    this.addEventListener('document-open', this.onDocumentOpen as EventListener)
    this.unsubscribe = this.model.subscribe(() => this.requestUpdate())
    void this.model.start()
  }

  disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('keydown', this.onKeyDown)
    this.unsubscribe?.()
    this.model.stop()
  }

  protected updated(): void {
    const doc = this.model.open?.doc
    const title = doc ? `${doc.title} — Marginalia` : 'Marginalia'
    if (document.title !== title) document.title = title
  }

  render() {
    const m = this.model
    const open = m.open
    const docId = open?.doc.id
    const h = m.history
    const palette = m.selections.palette()
    const tags = m.selections.tagNames()
    const jobs = m.jobs.running.size
    return html`
      <header>
        <span class="brand">Marginalia</span>
        <span class="project" title=${m.info?.path ?? ''}>${m.info?.name ?? ''}</span>
        <button @click=${() => this.fileInput.click()} ?disabled=${this.importing}>${this.importing ? 'Importing…' : 'Import…'}</button>
        <input type="file" id="import-file" aria-label="Import a document" accept=".txt,.md,.markdown,.html,.htm,.xml,.tei,.pdf,.docx,text/plain" @change=${this.importFile} />
        <button @click=${() => (this.exportOpen = true)}>Export…</button>
        <w3c-import-button .documentId=${docId}></w3c-import-button>
        <span class="sep"></span>
        <button @click=${() => this.history('undo')} ?disabled=${!h.canUndo} title=${`Undo ${h.undoLabel ?? ''} (${MOD}+Z)`} aria-label="Undo">↶ Undo</button>
        <button @click=${() => this.history('redo')} ?disabled=${!h.canRedo} title=${`Redo ${h.redoLabel ?? ''} (${MOD}+Shift+Z)`} aria-label="Redo">↷ Redo</button>
      </header>
      <error-banner .messages=${m.notices} @dismiss=${(e: CustomEvent<{ id: number }>) => m.dismiss(e.detail.id)}></error-banner>
      <main>
        <nav class="docs" aria-label="Project documents">
          <h2 class="heading">Documents</h2>
          <document-list .documents=${m.selections.documentList()} .currentId=${docId}></document-list>
          ${docId ? html`<reimport-button .documentId=${docId}></reimport-button>` : nothing}
        </nav>
        <document-view
          .doc=${open?.doc}
          .annotations=${open?.annotations}
          .version=${open?.annotations.version ?? 0}
          .palette=${palette}
          .knownTags=${tags}
          .selectedAnnotationId=${this.selectedAnnotationId}
        ></document-view>
        <aside>
          <div role="tablist" aria-label="Side panels" @keydown=${this.onTabKey}>
            ${TABS.map(
              (t) => html`<button
                role="tab"
                id="tab-${t.id}"
                aria-controls="panel-${t.id}"
                aria-selected=${this.tab === t.id ? 'true' : 'false'}
                tabindex=${this.tab === t.id ? 0 : -1}
                @click=${() => (this.tab = t.id)}
              >${t.label}</button>`
            )}
          </div>
          ${TABS.map(
            (t) => html`<section role="tabpanel" id="panel-${t.id}" aria-labelledby="tab-${t.id}" ?hidden=${this.tab !== t.id}>
              ${cache(this.tab === t.id ? this.renderPanel(t.id) : nothing)}
            </section>`
          )}
        </aside>
      </main>
      <footer aria-live="polite">
        <span>${m.loading ? 'Loading…' : `${plural(m.documents.size, 'document')} · ${plural(open?.annotations.size ?? 0, 'highlight')} in this document`}</span>
        <span>${h.canUndo ? html`<kbd>${MOD}+Z</kbd> undo ${h.undoLabel ?? 'last edit'}` : 'Nothing to undo'}</span>
        <span>${h.canRedo ? html`<kbd>${MOD}+Shift+Z</kbd> redo ${h.redoLabel ?? 'edit'}` : ''}</span>
        <span class="notice">${jobs ? `${plural(jobs, 'job')} running · ` : ''}${this.notice}</span>
      </footer>
      ${this.exportOpen
        ? html`<export-dialog .open=${true} .documentId=${docId} @close=${() => (this.exportOpen = false)}></export-dialog>`
        : nothing}
    `
  }

  /** The content of one tab (only the shown one is rendered; `cache` keeps the others' state aside). */
  private renderPanel(id: TabId) {
    const m = this.model
    const open = m.open
    const docId = open?.doc.id
    switch (id) {
      case 'annotations':
        return html`<annotation-list
          .annotations=${open?.annotations}
          .version=${open?.annotations.version ?? 0}
          .palette=${m.selections.palette()}
          .knownTags=${m.selections.tagNames()}
          .selectedAnnotationId=${this.selectedAnnotationId}
        ></annotation-list>`
      case 'entities':
        return html`<entity-panel .documentId=${docId}></entity-panel>`
      case 'bibliography':
        return html`<citation-panel .documentId=${docId}></citation-panel>`
      case 'verify':
        return html`<verify-panel .annotation=${this.selectedAnnotationId ? open?.annotations.get(this.selectedAnnotationId) : undefined}></verify-panel>`
      case 'team':
        return html`<team-panel .documentId=${docId}></team-panel>`
    }
  }

  private onTabKey = (e: KeyboardEvent): void => {
    const i = TABS.findIndex((t) => t.id === this.tab)
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    e.preventDefault()
    this.tab = TABS[(i + step + TABS.length) % TABS.length].id
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus())
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    const action = historyShortcut(e, IS_MAC)
    if (!action || isTypingTarget(e.composedPath())) return
    e.preventDefault()
    void this.history(action)
  }

  private async history(action: 'undo' | 'redo'): Promise<void> {
    const label = action === 'undo' ? this.model.history.undoLabel : this.model.history.redoLabel
    try {
      await this.model.mutate(action, {})
      this.flashNotice(`${action === 'undo' ? 'Undone' : 'Redone'}${label ? `: ${label}` : ''}`)
    } catch (err) {
      this.model.notify('error', `Could not ${action}: ${errorMessage(err)}`)
    }
  }

  private onErrorEvent = (e: CustomEvent<ErrorDetail>): void => this.model.notify('error', e.detail.message)

  private onDocumentOpen = (e: CustomEvent<{ id: string }>): void => {
    this.selectedAnnotationId = undefined
    void this.model.openDocument(e.detail.id)
  }

  private onAnnotationSelect = async (e: CustomEvent<{ id: string; documentId?: string; reveal?: boolean }>): Promise<void> => {
    const { id, reveal } = e.detail
    this.selectedAnnotationId = id
    if (reveal === false) return
    if (!this.model.open?.annotations.get(id)) {
      // Selected from another panel: open the annotation's document first.
      try {
        const documentId = e.detail.documentId ?? (await this.model.documentOf(id))
        if (!documentId) return this.model.notify('error', 'That annotation no longer exists.')
        await this.model.openDocument(documentId)
      } catch (err) {
        return this.model.notify('error', `Could not open the annotation: ${errorMessage(err)}`)
      }
    }
    await this.updateComplete
    await this.view?.updateComplete
    this.view?.reveal(id)
  }

  private async importFile(): Promise<void> {
    const file = this.fileInput.files?.[0]
    this.fileInput.value = ''
    if (!file) return
    this.importing = true
    try {
      const contentBase64 = await fileToBase64(file)
      const record = await this.model.mutate('importDocument', { fileName: file.name, contentBase64 })
      this.flashNotice(`Imported “${record.title}”`)
      await this.model.openDocument(record.id)
    } catch (err) {
      this.model.notify('error', `Could not import ${file.name}: ${errorMessage(err)}`)
    } finally {
      this.importing = false
    }
  }

  private flashNotice(text: string): void {
    this.notice = text
    window.clearTimeout(this.noticeTimer)
    this.noticeTimer = window.setTimeout(() => (this.notice = ''), 4000)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'marginalia-app': MarginaliaApp
  }
}

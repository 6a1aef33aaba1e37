/**
 * `<marginalia-app>`: the application shell. Toolbar (Import…, Export…, Undo, Redo), the document
 * list, the open document, and a side panel with tabs: Annotations, Entities, Bibliography, Verify
 * (the last three are other panels' elements, given `documentId` and `selectedAnnotationId`).
 * A status line shows the undo/redo state. Everything shown is re-read after each change event.
 *
 * Listens (from any descendant, bubbling + composed): `annotation-select` `{ id, reveal? }`
 * (selects it; unless `reveal === false`, scrolls to and flashes its passage, opening its document
 * if needed), `document-open` `{ id }`, `marginalia-error` `{ message }`, `project-changed`.
 * `<export-dialog>` is rendered while open and closed on its `close` event.
 */
import { LitElement, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { api, call } from '../api-client'
import { appStyles } from '../lib/app-styles'
import { errorMessage, type ErrorDetail } from '../lib/errors'
import { fileToBase64 } from '../lib/file-base64'
import { ProjectState } from '../lib/project-state'
import { historyShortcut, isMacPlatform, isTypingTarget } from '../lib/shortcuts'
import { controlStyles } from '../lib/ui-styles'
import type { DocumentView } from './document-view'
import type { BannerMessage } from './error-banner'

type TabId = 'annotations' | 'entities' | 'bibliography' | 'verify'
const TABS: { id: TabId; label: string; tag?: string }[] = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'entities', label: 'Entities', tag: 'entity-panel' },
  { id: 'bibliography', label: 'Bibliography', tag: 'citation-panel' },
  { id: 'verify', label: 'Verify', tag: 'verify-panel' }
]

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

const IS_MAC = isMacPlatform(navigator.platform)
const MOD = IS_MAC ? '⌘' : 'Ctrl'

@customElement('marginalia-app')
export class MarginaliaApp extends LitElement {
  static styles = [controlStyles, appStyles]

  private readonly state = new ProjectState(this, (m) => this.showError(m))

  @state() private tab: TabId = 'annotations'
  @state() private selectedAnnotationId: string | undefined
  @state() private errors: BannerMessage[] = []
  @state() private notice = ''
  @state() private exportOpen = false
  @state() private importing = false
  @query('document-view') private view: DocumentView | undefined
  @query('#import-file') private fileInput!: HTMLInputElement

  private nextErrorId = 1
  private noticeTimer: number | undefined

  connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKeyDown)
    this.addEventListener('marginalia-error', this.onErrorEvent as EventListener)
    this.addEventListener('project-changed', this.onProjectChanged)
    this.addEventListener('annotation-select', this.onAnnotationSelect as unknown as EventListener)
    this.addEventListener('document-open', this.onDocumentOpen as EventListener)
  }

  disconnectedCallback(): void {
    super.disconnectedCallback()
    window.removeEventListener('keydown', this.onKeyDown)
  }

  protected updated(): void {
    const title = this.state.doc ? `${this.state.doc.title} — Marginalia` : 'Marginalia'
    if (document.title !== title) document.title = title
  }

  render() {
    const s = this.state
    const docId = s.doc?.id
    const h = s.history
    return html`
      <header>
        <span class="brand">Marginalia</span>
        <span class="project" title=${s.info?.path ?? ''}>${s.info?.name ?? ''}</span>
        <button @click=${() => this.fileInput.click()} ?disabled=${this.importing}>${this.importing ? 'Importing…' : 'Import…'}</button>
        <input type="file" id="import-file" aria-label="Import a document" accept=".txt,.md,.markdown,.html,.htm,.xml,.tei,.pdf,.docx,text/plain" @change=${this.importFile} />
        <button @click=${this.openExport}>Export…</button>
        <w3c-import-button .documentId=${docId}></w3c-import-button>
        <span class="sep"></span>
        <button @click=${() => this.history('undo')} ?disabled=${!h.canUndo} title=${`Undo ${h.undoLabel ?? ''} (${MOD}+Z)`} aria-label="Undo">↶ Undo</button>
        <button @click=${() => this.history('redo')} ?disabled=${!h.canRedo} title=${`Redo ${h.redoLabel ?? ''} (${MOD}+Shift+Z)`} aria-label="Redo">↷ Redo</button>
      </header>
      <error-banner .messages=${this.errors} @dismiss=${(e: CustomEvent<{ id: number }>) => this.dismiss(e.detail.id)}></error-banner>
      <main>
        <nav class="docs" aria-label="Project documents">
          <h2 class="heading">Documents</h2>
          <document-list .documents=${s.documents} .currentId=${docId}></document-list>
          ${docId ? html`<reimport-button .documentId=${docId}></reimport-button>` : nothing}
        </nav>
        <document-view
          .doc=${s.doc}
          .annotations=${s.annotations}
          .tagColours=${s.tagColours}
          .knownTags=${s.tagNames}
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
              ${this.renderPanel(t.id, t.tag)}
            </section>`
          )}
        </aside>
      </main>
      <footer aria-live="polite">
        <span>${s.loading ? 'Loading…' : `${plural(s.documents.length, 'document')} · ${plural(s.annotations.length, 'highlight')} in this document`}</span>
        <span>${h.canUndo ? html`<kbd>${MOD}+Z</kbd> undo ${h.undoLabel ?? 'last edit'}` : 'Nothing to undo'}</span>
        <span>${h.canRedo ? html`<kbd>${MOD}+Shift+Z</kbd> redo ${h.redoLabel ?? 'edit'}` : ''}</span>
        <span class="notice">${this.notice}</span>
      </footer>
      ${this.exportOpen
        ? html`<export-dialog
            .open=${true}
            .documentId=${docId}
            .selectedAnnotationId=${this.selectedAnnotationId}
            @close=${() => (this.exportOpen = false)}
          ></export-dialog>`
        : nothing}
    `
  }

  private renderPanel(id: TabId, tag: string | undefined) {
    const s = this.state
    if (id === 'annotations') {
      return html`<annotation-list
        .annotations=${s.annotations}
        .tagColours=${s.tagColours}
        .knownTags=${s.tagNames}
        .selectedAnnotationId=${this.selectedAnnotationId}
      ></annotation-list>`
    }
    if (!tag || !customElements.get(tag)) return html`<p class="missing">This panel is not part of this build.</p>`
    const el = document.createElement(tag) as HTMLElement & { documentId?: string; selectedAnnotationId?: string }
    return this.panelElement(tag, el)
  }

  /** One instance per panel element, kept across renders so panels keep their own state. */
  private panels = new Map<string, HTMLElement & { documentId?: string; selectedAnnotationId?: string }>()
  private panelElement(tag: string, fresh: HTMLElement & { documentId?: string; selectedAnnotationId?: string }) {
    const el = this.panels.get(tag) ?? fresh
    this.panels.set(tag, el)
    el.documentId = this.state.doc?.id
    el.selectedAnnotationId = this.selectedAnnotationId
    return el
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
    const label = action === 'undo' ? this.state.history.undoLabel : this.state.history.redoLabel
    const result = await api[action]({})
    if (!result.ok) {
      this.showError(`Could not ${action}: ${result.error.message}`)
      return
    }
    this.flashNotice(`${action === 'undo' ? 'Undone' : 'Redone'}${label ? `: ${label}` : ''}`)
    await this.state.reload()
  }

  private onErrorEvent = (e: CustomEvent<ErrorDetail>): void => this.showError(e.detail.message)
  private onProjectChanged = (): void => void this.state.reload()

  private onDocumentOpen = (e: CustomEvent<{ id: string }>): void => {
    this.selectedAnnotationId = undefined
    void this.state.open(e.detail.id)
  }

  private onAnnotationSelect = async (e: CustomEvent<{ id: string; reveal?: boolean }>): Promise<void> => {
    const { id, reveal } = e.detail
    this.selectedAnnotationId = id
    if (reveal === false) return
    if (!this.state.annotations.some((a) => a.id === id)) {
      // Selected from another panel: open the annotation's document first.
      try {
        const all = await call('listAnnotations', {})
        const target = all.find((a) => a.id === id)
        if (!target) return this.showError('That annotation no longer exists.')
        await this.state.open(target.documentId)
      } catch (err) {
        return this.showError(`Could not open the annotation: ${errorMessage(err)}`)
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
      const record = await call('importDocument', { fileName: file.name, contentBase64 })
      this.flashNotice(`Imported “${record.title}”`)
      await this.state.open(record.id)
    } catch (err) {
      this.showError(`Could not import ${file.name}: ${errorMessage(err)}`)
    } finally {
      this.importing = false
    }
  }

  private openExport(): void {
    if (!customElements.get('export-dialog')) return this.showError('Export is not part of this build.')
    this.exportOpen = true
  }

  private showError(message: string): void {
    this.errors = [...this.errors, { id: this.nextErrorId++, message }]
  }

  private dismiss(id: number): void {
    this.errors = this.errors.filter((m) => m.id !== id)
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

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
 * its document if needed), `document-open` `{ id }`, `cited-page-open` `{ documentId, locator }`
 * (opens the source where the locator falls), `marginalia-error` `{ message }`.
 */
import { provide } from '@lit/context'
import { LitElement, html, nothing } from 'lit'
import { customElement, query, state } from 'lit/decorators.js'
import { cache } from 'lit/directives/cache.js'
import { unresolvedMessage } from '../lib/document-locator'
import { afterNextFrame } from '../lib/after-next-frame'
import { errorMessage, type ErrorDetail } from '../lib/errors'
import { historyShortcut, isMacPlatform, isTypingTarget } from '../lib/shortcuts'
import { modelContext } from '../model/model-context'
import type { ProjectModel } from '../model/project-model'
import { windowModel } from '../model/window-model'
import { appStyles } from '../styles/app-styles'
import { controlStyles } from '../styles/ui-styles'
import type { DocumentView } from './document-view'
import { savedSideWidth } from './panel-resizer'
import type { CorpusTab, CorpusView } from './corpus/corpus-view'
import type { PassageOpenDetail } from './corpus/corpus-events'
import type { FindDetail, SearchBar } from './search-bar'
import { searchShortcut } from './search-shortcut'
import { loadLaterViews } from '../lazy-views'

type TabId = 'annotations' | 'entities' | 'bibliography' | 'verify' | 'team' | 'scan'
const TABS: { id: TabId; label: string }[] = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'entities', label: 'Entities' },
  { id: 'bibliography', label: 'Bibliography' },
  { id: 'verify', label: 'Verify' },
  { id: 'team', label: 'Team' }
]
/** Shown only for a document with scanned pages. */
const SCAN_TAB: { id: TabId; label: string } = { id: 'scan', label: 'Page image' }

/** Search hits drawn in a document the find or the search was not about: none. */
const NO_HITS: FindDetail['hits'] = []

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
  @state() private projectsOpen = false
  /** Width of the side panel (CSS px) chosen with the resizer; undefined: the layout's default. */
  @state() private sideWidth: number | undefined = savedSideWidth()
  @query('document-view') private view: DocumentView | undefined
  /** The corpus views (search, table, pictures) in place of the text, and which tab. */
  @state() private corpusTab: CorpusTab | undefined
  /** The printed page at the text's reading line (`page-visible` from the document view), which the page image follows. */
  @state() private visiblePage: { documentId: string; page: number } | undefined
  /** Find in the document (Ctrl+F) or a project search hit: the bar open, the document, its hits (code point spans), the current one. */
  @state() private find: { open: boolean; documentId?: string } & FindDetail = { open: false, hits: [], current: -1 }
  @query('corpus-view') private corpusView: CorpusView | undefined
  @query('search-bar') private searchBar: SearchBar | undefined

  private noticeTimer: number | undefined
  /** The later views' code, once asked for (loadViewsShown). */
  private laterViews: Promise<unknown> | undefined
  private unsubscribe: (() => void) | undefined

  connectedCallback(): void {
    super.connectedCallback()
    window.addEventListener('keydown', this.onKeyDown)
    this.addEventListener('marginalia-error', this.onErrorEvent as EventListener)
    this.addEventListener('annotation-select', this.onAnnotationSelect as unknown as EventListener)
    this.addEventListener('document-open', this.onDocumentOpen as EventListener)
    this.addEventListener('passage-open', this.onPassageOpen as unknown as EventListener)
    this.addEventListener('cited-page-open', this.onCitedPageOpen as unknown as EventListener)
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
    this.loadViewsShown()
  }

  /**
   * The views the first screen does not show come in their own chunk (lazy-views.ts): asked for
   * at once when one is shown (another tab, the corpus, the find bar, a dialog), else after the
   * frame that paints the first document (or once the project is read, when it has none), so that
   * code does not stand before that paint.
   */
  private loadViewsShown(): void {
    if (this.laterViews) return
    const m = this.model
    const shown = this.shownTab(this.tabs()) !== 'annotations' || this.corpusTab || this.find.open || this.exportOpen || this.projectsOpen
    if (shown) this.laterViews = loadLaterViews()
    else if (m.open || !m.loading) this.laterViews = afterNextFrame().then(loadLaterViews)
  }

  render() {
    const m = this.model
    const open = m.open
    const docId = open?.doc.id
    const h = m.history
    const palette = m.selections.palette()
    const tags = m.selections.tagNames()
    const jobs = m.jobs.running.size
    const tokenProblem = m.tokenProblem
    if (tokenProblem) return html`<project-token-page ?refused=${tokenProblem === 'refused'}></project-token-page>`
    const tabs = this.tabs()
    const tab = this.shownTab(tabs)
    return html`
      <header>
        <span class="brand">Marginalia</span>
        <button class="project" title=${m.info ? `${m.info.name} — ${m.info.path}. Open, create or switch projects` : 'Open, create or switch projects'}
          aria-haspopup="dialog" @click=${() => (this.projectsOpen = true)}><span class="project-label">Project:</span> ${m.info?.name ?? '…'}</button>
        <import-button></import-button>
        <button @click=${() => (this.exportOpen = true)}>Export…</button>
        <w3c-import-button .documentId=${docId}></w3c-import-button>
        <button @click=${() => this.openCorpus(this.corpusTab ? undefined : 'table')} aria-pressed=${this.corpusTab ? 'true' : 'false'} title=${`Search and see the whole project (${MOD}+Shift+F)`}>Corpus</button>
        <span class="sep"></span>
        <button @click=${() => this.history('undo')} ?disabled=${!h.canUndo} title=${`Undo ${h.undoLabel ?? ''} (${MOD}+Z)`} aria-label="Undo">↶ Undo</button>
        <button @click=${() => this.history('redo')} ?disabled=${!h.canRedo} title=${`Redo ${h.redoLabel ?? ''} (${MOD}+Shift+Z)`} aria-label="Redo">↷ Redo</button>
      </header>
      <error-banner .messages=${m.notices} @dismiss=${(e: CustomEvent<{ id: number }>) => m.dismiss(e.detail.id)}></error-banner>
      <main style=${this.sideWidth ? `--side-width: ${this.sideWidth}px` : ''}>
        <nav class="docs" aria-label="Project documents" @keydown=${this.backToText}>
          <h2 class="heading">Documents</h2>
          <document-list .documents=${m.selections.documentList()} .currentId=${docId}></document-list>
          <document-record .doc=${open?.doc}></document-record>
          ${docId ? html`<reimport-button .documentId=${docId}></reimport-button>` : nothing}
        </nav>
        ${this.corpusTab
          ? html`<corpus-view style="grid-column: 2 / -1" .tab=${this.corpusTab} @tab-change=${(e: CustomEvent<{ tab: CorpusTab }>) => (this.corpusTab = e.detail.tab)} @corpus-close=${() => this.closeCorpus()}></corpus-view>`
          : nothing}
        ${this.find.open && !this.corpusTab
          ? html`<search-bar .documentId=${docId} @find-hits=${(e: CustomEvent<FindDetail>) => this.onFindHits(e.detail)} @find-close=${this.closeFind}></search-bar>`
          : nothing}
        <document-view
          style=${this.corpusTab ? 'display:none' : ''}
          .only=${m.corpus.highlighted(docId)}
          .searchHits=${this.find.documentId === docId ? this.find.hits : NO_HITS}
          .currentHit=${this.find.documentId === docId ? this.find.current : -1}
          .doc=${open?.doc}
          .partial=${open?.partialText ?? false}
          .annotations=${open?.annotations}
          .version=${open?.annotations.version ?? 0}
          .palette=${palette}
          .knownTags=${tags}
          .selectedAnnotationId=${this.selectedAnnotationId}
          @page-visible=${(e: CustomEvent<{ documentId: string; page: number }>) => (this.visiblePage = e.detail)}
        ></document-view>
        ${this.corpusTab
          ? nothing
          : html`<panel-resizer .width=${this.sideWidth ?? this.renderRoot.querySelector('aside')?.getBoundingClientRect().width ?? 360}
              .max=${Math.max(256, Math.round(window.innerWidth * 0.5))}
              @panel-resize=${(e: CustomEvent<{ width: number }>) => (this.sideWidth = e.detail.width)}></panel-resizer>`}
        <aside style=${this.corpusTab ? 'display:none' : ''} @keydown=${this.backToText}>
          <div role="tablist" aria-label="Side panels" @keydown=${this.onTabKey}>
            ${tabs.map(
              (t) => html`<button
                role="tab"
                id="tab-${t.id}"
                aria-controls="panel-${t.id}"
                aria-selected=${tab === t.id ? 'true' : 'false'}
                tabindex=${tab === t.id ? 0 : -1}
                @click=${() => (this.tab = t.id)}
              >${t.label}</button>`
            )}
          </div>
          ${tabs.map(
            (t) => html`<section role="tabpanel" id="panel-${t.id}" aria-labelledby="tab-${t.id}" ?hidden=${tab !== t.id}>
              ${cache(tab === t.id ? this.renderPanel(t.id) : nothing)}
            </section>`
          )}
        </aside>
      </main>
      <footer aria-live="polite">
        <span>${m.loading || open?.complete === false ? 'Loading…' : `${plural(m.documents.size, 'document')} · ${plural(open?.annotations.size ?? 0, 'highlight')} in this document`}</span>
        <span>${h.canUndo ? html`<kbd>${MOD}+Z</kbd> undo ${h.undoLabel ?? 'last edit'}` : 'Nothing to undo'}</span>
        <span>${h.canRedo ? html`<kbd>${MOD}+Shift+Z</kbd> redo ${h.redoLabel ?? 'edit'}` : ''}</span>
        <span class="notice">${jobs ? `${plural(jobs, 'job')} running · ` : ''}${this.notice}</span>
      </footer>
      ${this.exportOpen
        ? html`<export-dialog .open=${true} .documentId=${docId} @close=${() => (this.exportOpen = false)}></export-dialog>`
        : nothing}
      ${this.projectsOpen
        ? html`<project-chooser @close=${() => (this.projectsOpen = false)}
            @project-opened=${(e: CustomEvent<{ name: string; created: boolean }>) => {
              this.selectedAnnotationId = undefined
              this.flashNotice(`${e.detail.created ? 'Created' : 'Opened'} the project “${e.detail.name}”`)
            }}></project-chooser>`
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
      case 'scan':
        return html`<page-image-pane .doc=${open?.doc} .page=${this.visiblePage?.documentId === docId ? this.visiblePage?.page : undefined}
          @page-turn=${(e: CustomEvent<{ page: number }>) => this.view?.revealPage(e.detail.page)}></page-image-pane>`
      case 'verify':
        return html`<verify-panel .annotation=${this.selectedAnnotationId ? open?.annotations.get(this.selectedAnnotationId) : undefined}></verify-panel>`
      case 'team':
        return html`<team-panel .documentId=${docId} .annotationId=${this.selectedAnnotationId}></team-panel>`
    }
  }

  /**
   * Escape in a side panel or the document list (when nothing there used it) takes focus home to
   * the text: to the selected highlight's start, else where the caret last was.
   */
  private backToText = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || isTypingTarget(e.composedPath())) return
    e.preventDefault()
    const selected = this.selectedAnnotationId ? this.model.open?.annotations.get(this.selectedAnnotationId) : undefined
    this.view?.focusText(selected?.target.start)
  }

  /** The side panel's tabs: "Page image" only for a document with scanned pages. */
  private tabs(): { id: TabId; label: string }[] {
    return this.model.open?.doc.metadata.pageImages?.length ? [...TABS, SCAN_TAB] : TABS
  }

  /** The chosen tab, or Annotations when it is not offered for this document. */
  private shownTab(tabs: { id: TabId }[]): TabId {
    return tabs.some((t) => t.id === this.tab) ? this.tab : 'annotations'
  }

  private onTabKey = (e: KeyboardEvent): void => {
    const tabs = this.tabs()
    const i = tabs.findIndex((t) => t.id === this.shownTab(tabs))
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
    if (!step) return
    e.preventDefault()
    this.tab = tabs[(i + step + tabs.length) % tabs.length].id
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus())
  }

  private onKeyDown = (e: KeyboardEvent): void => {
    const search = searchShortcut(e, IS_MAC)
    if (search) {
      e.preventDefault()
      if (search === 'project') return this.openCorpus('search')
      this.corpusTab = undefined
      this.find = { ...this.find, open: true }
      void this.updateComplete.then(loadLaterViews).then(() => this.searchBar?.focusInput())
      return
    }
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

  /** Shows the corpus views on `tab` (closes them when undefined). */
  private openCorpus(tab: CorpusTab | undefined): void {
    if (!tab) return this.closeCorpus()
    this.corpusTab = tab
    if (tab === 'search') void this.updateComplete.then(loadLaterViews).then(() => this.corpusView?.focusSearch())
  }

  private closeCorpus(): void {
    this.corpusTab = undefined
    void this.updateComplete.then(() => this.view?.focus())
  }

  private closeFind = (): void => {
    this.find = { open: false, hits: [], current: -1 }
    void this.updateComplete.then(() => this.view?.focus())
  }

  /** The find bar's hits changed: draw them and bring the current one into view. */
  private async onFindHits(d: FindDetail): Promise<void> {
    const moved = d.current !== this.find.current || d.hits !== this.find.hits
    this.find = { ...this.find, ...d, documentId: this.model.open?.doc.id }
    const hit = d.hits[d.current]
    if (!moved || !hit) return
    await this.updateComplete
    this.view?.revealSpan(hit.start, hit.end)
  }

  /** A passage chosen in a corpus view (a search hit, a concordance line): open its document there. */
  private onPassageOpen = async (e: CustomEvent<PassageOpenDetail>): Promise<void> => {
    const { documentId, start, end, hits } = e.detail
    this.corpusTab = undefined
    if (this.model.open?.doc.id !== documentId) await this.model.openDocument(documentId)
    const spans = hits ?? [{ start, end }]
    const current = Math.max(0, spans.findIndex((h) => h.start === start && h.end === end))
    this.find = { open: false, hits: spans, current, documentId }
    await this.updateComplete
    await this.view?.updateComplete
    this.view?.revealSpan(start, end)
  }

  private onErrorEvent = (e: CustomEvent<ErrorDetail>): void => this.model.notify('error', e.detail.message)

  private onDocumentOpen = (e: CustomEvent<{ id: string }>): void => {
    this.selectedAnnotationId = undefined
    void this.model.openDocument(e.detail.id)
  }

  /** "Go to cited page": opens the source document where the locator falls (its page blocks and labels). */
  private onCitedPageOpen = async (e: CustomEvent<{ documentId: string; locator: string }>): Promise<void> => {
    const { documentId, locator } = e.detail
    if (this.model.open?.doc.id !== documentId) await this.model.openDocument(documentId)
    else await this.model.settled() // a locator resolves against the whole text (its headings), not its first screens
    await this.updateComplete
    await this.view?.updateComplete
    const doc = this.model.open?.doc
    if (doc?.id !== documentId) return
    const found = this.view?.revealLocator(locator)
    if (found) this.flashNotice(`${doc.title}, ${found.label}`)
    else this.model.notify('error', unresolvedMessage(doc, locator))
  }

  private onAnnotationSelect = async (e: CustomEvent<{ id: string; documentId?: string; reveal?: boolean; panel?: TabId }>): Promise<void> => {
    const { id, reveal, panel } = e.detail
    this.selectedAnnotationId = id
    if (reveal === false) return
    this.corpusTab = undefined
    if (panel) this.tab = panel
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

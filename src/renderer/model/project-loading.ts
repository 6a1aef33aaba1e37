/**
 * How the project model reads the project: the first load (`start()`), a document opened in two
 * steps, a read again after a failed write or a lost event stream, and the change events held while
 * any of these reads is under way. The model (project-model.ts) owns the state; this fills it.
 * Offsets are code points of a document's normalised text.
 */
import type { ChangeEvent, Methods } from '../../shared/api'
import type { FirstScreens } from '../../shared/api/annotations'
import type { ResultOf } from '../../shared/api/define'
import type { DocumentWithText } from '../../shared/model'
import { ApiCallError } from './api-error'
import type { ApiTransport } from './api-transport'
import { applyEvent } from './apply-changes'
import type { ProjectModel } from './project-model'

/**
 * Code points of a document whose annotations are read first when it opens: well beyond what the
 * first screens show (about 3,000 code points each), a few hundred annotations on a whole book.
 */
export const FIRST_SCREENS = 30_000

export class ProjectLoading {
  /** True when the services refused this window's session token. */
  tokenRefused = false
  /** The load begun by `start()`, until `stop()`. */
  private started: Promise<void> | undefined
  private unsubscribe: (() => void) | undefined
  private unresume: (() => void) | undefined
  private openTicket = 0
  /** Aborts the reads of the open under way (its first screens, its whole list) when another open supersedes it. */
  private openReads: AbortController | undefined
  /** The reads of the open under way (the last one begun), settled or not. */
  private openDone: Promise<void> = Promise.resolve()
  /** The document an `openDocument` call is opening, until it is open (a reload meanwhile opens it too). */
  private opening: string | undefined
  /** Reads under way whose results replace parts of the model; events are held meanwhile. */
  private holding = 0
  /** Change events that arrived while `holding`, in order. */
  private held: ChangeEvent[] = []
  /** `counts.epoch` when the outermost hold began. */
  private holdEpoch = 0

  /**
   * @param beforeWholeList awaited between a document's first screens and the read of all its
   *   annotations (see ModelOptions)
   */
  constructor(
    private readonly model: ProjectModel,
    private readonly transport: ApiTransport,
    private readonly beforeWholeList: () => Promise<unknown> = () => Promise.resolve()
  ) {}

  /** See ProjectModel.start. */
  start(): Promise<void> {
    return (this.started ??= this.start_())
  }

  private async start_(): Promise<void> {
    const m = this.model
    if (this.transport.missingToken) {
      m.loading = false
      return m.changed('project')
    }
    this.unsubscribe ??= this.transport.onChange((e) => this.onEvent(e))
    this.unresume ??= this.transport.onResume?.(() => void this.resync())
    try {
      await this.transport.ready?.()
      await this.load()
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'forbidden') this.tokenRefused = true
      else m.notify('error', `Could not read the project: ${(err as Error).message}`)
    } finally {
      m.loading = false
      m.changed('project')
    }
  }

  stop(): void {
    this.started = undefined
    this.unsubscribe?.()
    this.unresume?.()
    this.unsubscribe = this.unresume = undefined
  }

  /**
   * Reads the project's lists and opens a document (the open one if it still exists, else the
   * first text). Reads race with edits: change events that arrive while they are under way are
   * held and applied after what was read is in place (each event carries its records' current
   * values, so one the read already saw changes nothing, and one it missed is applied).
   */
  private load(): Promise<void> {
    const m = this.model
    return this.holdingEvents(async () => {
      // Nothing shown yet: one call brings the document to show (the one being opened, else the
      // first text) with its first screens' annotations, and the lists wait for its answer. Before,
      // the document list came first: every document's structure (135 KB a book, 1.4 MB for ten),
      // sent and parsed before the text was asked for. A browser opens at most six connections to
      // the services (one is the event stream), and one server answers them all.
      let chosen: Promise<void> | undefined
      if (!m.open) {
        const first = m.read('getFirstScreens', { id: this.opening, end: FIRST_SCREENS })
        chosen = this.openChosen(first)
        chosen.catch(() => undefined) // its failure is the load's, reported below (or by the list read)
        await first.catch(() => undefined)
      }
      const documents = await m.read('listDocuments', {})
      m.documents.clear()
      for (const d of documents) m.documents.set(d.id, d)
      m.changed('documents')
      let opening = chosen
      if (!opening) {
        // The document being opened (e.g. one just imported) wins over the one shown.
        const shown = this.opening ?? m.open?.doc.id
        const keep = shown && m.documents.has(shown) ? shown : undefined
        const next = keep ?? (documents.find((d) => d.role === 'text') ?? documents[0])?.id
        opening = next ? this.open_(next) : Promise.resolve(m.closeDocument())
      }
      // open_ has asked for the document's reads (synchronously): now the lists.
      const lists = Promise.all([
        m.read('getProjectInfo', {}), m.read('listTags', {}), m.read('getHistory', {}), m.read('listEntities', {}), m.read('listCitations', {})
      ])
      const [info, tags, history, entities, citations] = await lists
      m.info = info
      m.history = history
      m.tags.clear()
      for (const t of tags) m.tags.set(t.id, t)
      m.setEntities(entities)
      m.setCitations(citations)
      m.written.clear() // what was read replaces what the model's writes had applied
      m.reads.invalidateEverything()
      m.corpus.invalidate()
      m.changed('project', 'tags', 'history', 'entities', 'citations', 'palette', 'reads', 'corpus')
      await opening
    })
  }

  /**
   * Runs reads whose results replace parts of the model; change events arriving meanwhile are
   * held and applied, in order, once the last such read is in place (reads may nest: a reload
   * opens a document).
   */
  private async holdingEvents<T>(reads: () => Promise<T>): Promise<T> {
    const m = this.model
    if (this.holding++ === 0) this.holdEpoch = m.counts.epoch
    try {
      return await reads()
    } finally {
      if (--this.holding === 0) {
        const held = this.held
        this.held = []
        for (const e of held) applyEvent(m, e)
        // Counts read (or kept) while links moved may or may not include those moves: read them again when shown.
        if (m.counts.epoch !== this.holdEpoch) {
          m.counts.unknownChange()
          m.changed('entities', 'citations')
        }
      }
    }
  }

  /** See ProjectModel.openDocument. */
  async openDocument(id: string): Promise<void> {
    this.opening = id
    try {
      await this.open_(id)
    } catch (err) {
      this.model.notify('error', `Could not open the document: ${(err as Error).message}`)
    } finally {
      if (this.opening === id) this.opening = undefined
    }
  }

  /** See ProjectModel.settled: waits for the last open begun, and for any begun meanwhile. */
  async settled(): Promise<void> {
    for (let seen = -1; seen !== this.openTicket; ) {
      seen = this.openTicket
      await this.openDone.catch(() => undefined)
    }
  }

  /** Keeps `reads` as the open under way (for `settled`) and returns it. */
  private tracked(reads: Promise<void>): Promise<void> {
    this.openDone = reads
    return reads
  }

  /**
   * A new open: it supersedes the one under way, whose reads are aborted (on a switch right after
   * a book opened, its 4.5 MB whole list held a connection and the services for 0.2–1.5 s before
   * the new document's first screens were answered). Returns the open's ticket and abort signal.
   */
  private beginOpen(): { ticket: number; signal: AbortSignal } {
    this.openReads?.abort()
    this.openReads = new AbortController()
    return { ticket: ++this.openTicket, signal: this.openReads.signal }
  }

  /** Runs an open's reads; one superseded by a later open ends quietly (its reads were aborted). */
  private async superseded(ticket: number, reads: () => Promise<void>): Promise<void> {
    try {
      await reads()
    } catch (err) {
      if (ticket !== this.openTicket) return
      throw err
    }
  }

  /**
   * Reads a document and its annotations. A document not shown yet comes in two steps: one call
   * (`getFirstScreens`, asked before anything else) brings the first part of its text (a book's
   * first screens, tens of KB of its megabytes) with the annotations of those screens
   * (FIRST_SCREENS, a small list), shown at once; then the whole text and all its annotations (on
   * a whole book, megabytes to send and parse) replace them. The document stays `complete: false`
   * (and `partialText` until its text is whole) in between; change events are held until all is
   * read. The rest is asked for once `beforeWholeList` resolves (the window's: once the first
   * screens are painted). A later open aborts these reads.
   */
  private open_(id: string): Promise<void> {
    const m = this.model
    const { ticket, signal } = this.beginOpen()
    const shown = m.open?.doc.id === id
    // An edit announced while reading may or may not be in what was read: its event is applied after.
    return this.tracked(this.holdingEvents(() => this.superseded(ticket, async () => {
      if (shown) return this.readWholeList(id, m.read('getDocument', { id }, signal), ticket, signal)
      const first = await m.read('getFirstScreens', { id, end: FIRST_SCREENS }, signal)
      // The services answer another document when this one is gone: this open fails as getDocument's would.
      if (first?.document.id !== id) throw new ApiCallError('not-found', `no document with id ${id}`)
      if (ticket !== this.openTicket) return // a later openDocument() won
      await this.showFirst(first, ticket, signal)
    })))
  }

  /** The first open: the document the services chose, with its first screens (`first`), then the rest. */
  private openChosen(first: Promise<ResultOf<Methods['getFirstScreens']>>): Promise<void> {
    const m = this.model
    const { ticket, signal } = this.beginOpen()
    return this.tracked(this.holdingEvents(() => this.superseded(ticket, async () => {
      const chosen = await first
      if (ticket !== this.openTicket) return
      if (!chosen) return m.closeDocument()
      await this.showFirst(chosen, ticket, signal)
    })))
  }

  /** Shows a document's first screens, then (after `beforeWholeList`) reads the rest: its whole text unless it came whole, and all its annotations. */
  private async showFirst(first: FirstScreens, ticket: number, signal: AbortSignal): Promise<void> {
    const m = this.model
    const doc: DocumentWithText = { ...first.document, text: first.text }
    m.setOpen(doc, first.annotations, false, !first.whole)
    await this.beforeWholeList()
    if (ticket !== this.openTicket) return
    const id = doc.id
    await this.readWholeList(id, first.whole ? Promise.resolve(doc) : m.read('getDocument', { id }, signal), ticket, signal)
  }

  /**
   * The second step: the whole text (`doc`), put in as soon as it comes (the view lays the rest of
   * the book out meanwhile), and every annotation of document `id`, replacing its first screens'.
   * Both (megabytes on a book) would share the connections and the services with what paints those
   * first screens (the views' code on the first open), so they are asked for after
   * `beforeWholeList`; never for a document a later open has replaced, and aborted when one does
   * meanwhile.
   */
  private async readWholeList(id: string, doc: Promise<DocumentWithText>, ticket: number, signal: AbortSignal): Promise<void> {
    if (ticket !== this.openTicket) return
    const list = this.model.read('listAnnotations', { documentId: id }, signal)
    list.catch(() => undefined) // its failure is reported below, unless the text's came first
    const text = await doc
    if (ticket !== this.openTicket) return
    const grew = this.model.open?.doc.id === id && this.model.open.partialText
    this.model.setWholeText(text)
    const annotations = await list
    if (ticket !== this.openTicket) return
    // After a first part: the document as setWholeText put it in (its structure the one laid out).
    this.model.setOpen(grew && this.model.open?.doc.id === id ? this.model.open.doc : text, annotations)
  }

  /** A change event from the services: applied now, or after the reads under way. */
  private onEvent(e: ChangeEvent): void {
    if (this.holding) this.held.push(e)
    else applyEvent(this.model, e)
  }

  /** See ProjectModel.resync. */
  async resync(message?: string): Promise<void> {
    if (message) this.model.notify('rolled-back', message)
    try {
      await this.load()
    } catch (err) {
      this.model.notify('error', `Could not read the project again: ${(err as Error).message}`)
    }
  }
}

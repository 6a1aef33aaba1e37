/**
 * The renderer's one project model, owned by `<marginalia-app>` and handed to views by Lit
 * context (model-context.ts). It is the only reader of the API and the only subscriber to change
 * events:
 * - it loads the project's lists once, and one document at a time (its text and its annotations
 *   only: a project's other annotations stay on the services);
 * - it applies every ChangeEvent record by record (apply-changes.ts): one new highlight is one
 *   insertion in the open document's AnnotationIndex, never a reload;
 * - writes go through `mutate()`, whose result is applied at once and returned (not re-read);
 * - long work goes through `runJob()` (typed result, progress, cancel);
 * - views read typed, memoised selections (selections.ts) and cached reads (project-reads.ts),
 *   and subscribe to the slices they show.
 * Offsets everywhere are code points of a document's normalised text.
 */
import type { ChangeEvent, MethodName, Methods } from '../../shared/api'
import type { HistoryState } from '../../shared/api/annotations'
import type { CitationSummary } from '../../shared/api/citations'
import type { ArgsOf, ResultOf } from '../../shared/api/define'
import type { ProjectInfo } from '../../shared/api/documents'
import type { EntitySummary } from '../../shared/api/entities'
import type { DocumentRecord, DocumentWithText, Predicate, Tag } from '../../shared/model'
import { AnnotationIndex } from './annotation-index'
import { ApiCallError, valueOf } from './api-error'
import { applyEvent, applyRecords } from './apply-changes'
import { compactAnnotations } from './compact-annotations'
import { type JobOptions, JobRunner } from './job-runner'
import { LinkCounts } from './link-counts'
import { recordsOfResult } from './mutation-results'
import { CorpusReads } from './corpus-reads'
import { ProjectReads } from './project-reads'
import { ProjectSwitch } from './project-switch'
import { Selections } from './selections'
import { SuggestionLists } from './suggestion-lists'
import type { ApiTransport } from './api-transport'

/** Parts of the model a view can subscribe to; a change names the slices it touched. */
export type Slice =
  | 'project' | 'documents' | 'document' | 'annotations' | 'entities' | 'citations' | 'tags'
  | 'predicates' | 'history' | 'reads' | 'suggestions' | 'notices' | 'jobs'
  /** The corpus views' reads and their shared filter (corpus-reads.ts). */
  | 'corpus'
  /** What highlight colours depend on: tag colours and the types of entities. */
  | 'palette'

/** A message for the historian: a failed load, or an edit that could not be saved and was undone. */
export interface Notice {
  id: number
  kind: 'error' | 'rolled-back'
  message: string
}

/** The open document: its record with its text, and its annotations in document order. */
export interface OpenDocument {
  doc: DocumentWithText
  annotations: AnnotationIndex
  /** False while only the annotations of the document's first screens are in (see `open_`). */
  complete: boolean
}

/**
 * Code points of a document whose annotations are read first when it opens: well beyond what the
 * first screens show (about 3,000 code points each), a few hundred annotations on a whole book.
 */
export const FIRST_SCREENS = 30_000

export class ProjectModel {
  info: ProjectInfo | undefined
  /** Every document record (no text), in import order. */
  readonly documents = new Map<string, DocumentRecord>()
  open: OpenDocument | undefined
  readonly entities = new Map<string, EntitySummary>()
  readonly citations = new Map<string, CitationSummary>()
  readonly tags = new Map<string, Tag>()
  /** The project's own predicates (the built-in ones are added by `selections.predicates()`). */
  readonly predicates = new Map<string, Predicate>()
  history: HistoryState = { canUndo: false, canRedo: false }
  /** True until the project's lists and first document have loaded. */
  loading = true
  notices: Notice[] = []
  /** Per-slice counters: a selection is recomputed only when the slices it reads moved. */
  readonly versions = new Map<Slice, number>()

  readonly counts = new LinkCounts(this.entities, this.citations)
  readonly jobs = new JobRunner((m, a) => this.transport.call(m, a), () => this.changed('jobs'))
  readonly reads = new ProjectReads((m, a) => this.read(m, a), () => this.selections.citedIds(), () => this.changed('reads'))
  readonly corpus = new CorpusReads((m, a) => this.read(m, a), (m, a, o) => this.runJob(m, a, o), () => this.changed('corpus'))
  readonly suggestions = new SuggestionLists(
    (documentId, opts) => this.runJob('suggestMentions', { documentId }, opts),
    () => ({ documentId: this.open?.doc.id, text: this.open?.doc.text, annotations: this.open?.annotations.all ?? [], entities: this.entities.values() }),
    () => this.changed('suggestions')
  )
  readonly selections = new Selections(this)
  /** Recent projects, open, create, the sample (project-switch.ts). */
  readonly projects = new ProjectSwitch(this)

  /** Revision of the last change event applied. */
  revision = 0
  /** Revision of the last event that set each record (`collection\0id`), so late write results never overwrite newer state. */
  readonly touched = new Map<string, number>()
  /**
   * Records (`collection\0id` → JSON of the value) this window's writes applied from their results
   * and whose change event has not arrived yet: that event then re-applies nothing (apply-changes.ts).
   */
  readonly written = new Map<string, string>()

  private readonly listeners = new Set<(changed: ReadonlySet<Slice>) => void>()
  private pending = new Set<Slice>()
  private flushing = false
  private unsubscribe: (() => void) | undefined
  private unresume: (() => void) | undefined
  private openTicket = 0
  /** The document an `openDocument` call is opening, until it is open (a reload meanwhile opens it too). */
  private opening: string | undefined
  /** Reads under way whose results replace parts of the model; events are held meanwhile. */
  private holding = 0
  /** Change events that arrived while `holding`, in order. */
  private held: ChangeEvent[] = []
  /** `counts.epoch` when the outermost hold began. */
  private holdEpoch = 0
  private nextNotice = 1
  /** Rolled-back notices heard so far (shown, or folded into one already shown). */
  private rollbacksTold = 0

  /** @param transport the services' door (this window's: see window-model.ts; tests give an in-process one) */
  constructor(private readonly transport: ApiTransport) {}

  /**
   * True when the services refused this window's session token (a browser opened on the server's
   * address without the `?token=` it printed): the shell shows how to get in instead of the project.
   */
  get tokenProblem(): 'missing' | 'refused' | undefined {
    return this.transport.missingToken ? 'missing' : this.tokenRefused ? 'refused' : undefined
  }

  private tokenRefused = false

  /**
   * Loads the project and opens its first text; subscribes to change events first, so no edit goes
   * unheard. Called again before `stop()`, it returns the same load: the window's entry (main.ts)
   * starts the model while the views' code is still loading, and the shell calls it on connect.
   */
  start(): Promise<void> {
    return (this.started ??= this.start_())
  }

  /** The load begun by `start()`, until `stop()`. */
  private started: Promise<void> | undefined

  private async start_(): Promise<void> {
    if (this.transport.missingToken) {
      this.loading = false
      return this.changed('project')
    }
    this.unsubscribe ??= this.transport.onChange((e) => this.onEvent(e))
    this.unresume ??= this.transport.onResume?.(() => void this.resync())
    try {
      await this.transport.ready?.()
      await this.load()
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'forbidden') this.tokenRefused = true
      else this.notify('error', `Could not read the project: ${(err as Error).message}`)
    } finally {
      this.loading = false
      this.changed('project')
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
    return this.holdingEvents(async () => {
      // The document list first, then the document's reads, then the other lists: a browser opens
      // at most six connections to the services (one is the event stream), so lists asked first
      // held the connections the document's text waited for (bench/profile-render.ts open).
      const documents = await this.read('listDocuments', {})
      this.documents.clear()
      for (const d of documents) this.documents.set(d.id, d)
      this.changed('documents')
      // The document being opened (e.g. one just imported) wins over the one shown.
      const shown = this.opening ?? this.open?.doc.id
      const keep = shown && this.documents.has(shown) ? shown : undefined
      const next = keep ?? (documents.find((d) => d.role === 'text') ?? documents[0])?.id
      const opening = next ? this.open_(next) : Promise.resolve(this.closeDocument())
      // open_ has asked for the text and the first screens' annotations (synchronously): now the lists.
      const lists = Promise.all([
        this.read('getProjectInfo', {}), this.read('listTags', {}), this.read('getHistory', {}), this.read('listEntities', {}), this.read('listCitations', {})
      ])
      const [info, tags, history, entities, citations] = await lists
      this.info = info
      this.history = history
      this.tags.clear()
      for (const t of tags) this.tags.set(t.id, t)
      this.setEntities(entities)
      this.setCitations(citations)
      this.written.clear() // what was read replaces what the model's writes had applied
      this.reads.invalidateEverything()
      this.corpus.invalidate()
      this.changed('project', 'tags', 'history', 'entities', 'citations', 'palette', 'reads', 'corpus')
      await opening
    })
  }

  /**
   * Runs reads whose results replace parts of the model; change events arriving meanwhile are
   * held and applied, in order, once the last such read is in place (reads may nest: a reload
   * opens a document).
   */
  private async holdingEvents<T>(reads: () => Promise<T>): Promise<T> {
    if (this.holding++ === 0) this.holdEpoch = this.counts.epoch
    try {
      return await reads()
    } finally {
      if (--this.holding === 0) {
        const held = this.held
        this.held = []
        for (const e of held) applyEvent(this, e)
        // Counts read (or kept) while links moved may or may not include those moves: read them again when shown.
        if (this.counts.epoch !== this.holdEpoch) {
          this.counts.unknownChange()
          this.changed('entities', 'citations')
        }
      }
    }
  }

  /** Opens a document: reads its text and its annotations (only its own). The last call wins. */
  async openDocument(id: string): Promise<void> {
    this.opening = id
    try {
      await this.open_(id)
    } catch (err) {
      this.notify('error', `Could not open the document: ${(err as Error).message}`)
    } finally {
      if (this.opening === id) this.opening = undefined
    }
  }

  /**
   * Reads a document and its annotations. A document not shown yet comes in two steps: its text
   * with the annotations of its first screens (FIRST_SCREENS, a small answer) is shown at once, then
   * all its annotations (on a whole book, megabytes to send and parse) replace them. The document
   * stays `complete: false` in between; change events are held until all is read.
   */
  private open_(id: string): Promise<void> {
    const ticket = ++this.openTicket
    const shown = this.open?.doc.id === id
    // An edit announced while reading may or may not be in what was read: its event is applied after.
    return this.holdingEvents(async () => {
      const doc = this.read('getDocument', { id })
      if (!shown) {
        const [text, first] = await Promise.all([doc, this.read('listAnnotations', { documentId: id, start: 0, end: FIRST_SCREENS })])
        if (ticket !== this.openTicket) return // a later openDocument() won
        this.setOpen(text, first, false)
      }
      // Asked for after the first screens' answers, so the services send those first.
      const [text, annotations] = await Promise.all([doc, this.read('listAnnotations', { documentId: id })])
      if (ticket !== this.openTicket) return
      this.setOpen(text, annotations)
    })
  }

  /**
   * Puts a freshly read document in front (internal: also used when its text changed).
   * `complete`: false when `annotations` are only those of the first screens (the rest follows).
   */
  setOpen(doc: DocumentWithText, annotations: Parameters<typeof AnnotationIndex.prototype.upsert>[0][], complete = true): void {
    if (this.open?.doc.id !== doc.id) this.suggestions.clear()
    compactAnnotations(annotations)
    this.open = { doc, annotations: new AnnotationIndex(doc.id, annotations), complete }
    this.written.clear() // what was read replaces what the model's writes had applied
    this.counts.reset(annotations)
    this.selections.noteTags(annotations)
    this.changed('document', 'annotations')
  }

  /** The id of the document an annotation belongs to (asking the services when it is not in the open one). */
  async documentOf(annotationId: string): Promise<string | undefined> {
    if (this.open?.annotations.get(annotationId)) return this.open.doc.id
    try {
      return (await this.read('getAnnotation', { id: annotationId })).documentId
    } catch (err) {
      if (err instanceof ApiCallError && err.code === 'not-found') return undefined
      throw err
    }
  }

  /**
   * Makes an edit (a method the contract marks `mutates`; reads go through selections and reads).
   * Resolves to the method's result (already applied to the model), or rejects
   * with ApiCallError. When a write fails after the services announced it, the project is read
   * again so that no view keeps showing the lost edit.
   */
  async mutate<K extends MethodName>(method: K, args: ArgsOf<Methods[K]>): Promise<ResultOf<Methods[K]>> {
    const since = this.revision
    const rollbacks = this.rollbacksTold
    const result = await this.transport.call(method, args)
    if (!result.ok) {
      if (result.error.code === 'io') void this.afterFailedWrite(result.error.message, rollbacks)
      throw new ApiCallError(result.error.code, result.error.message)
    }
    applyRecords(this, recordsOfResult(method, result.value), since)
    return result.value as ResultOf<Methods[K]>
  }

  /**
   * A write failed on disk. The services announce the rollback with a `rolled-back` event; until
   * every store does (and in case that event is lost), the project is read again so no view keeps
   * the lost edit, and the historian is told once.
   */
  private async afterFailedWrite(message: string, rollbacks: number): Promise<void> {
    // Counted since the write began (the event can arrive before the write's answer), not looked up
    // in `notices`: the historian may have dismissed the services' notice already.
    await new Promise((r) => setTimeout(r, 300))
    const told = this.rollbacksTold > rollbacks
    await this.resync(told ? undefined : `Could not save the change: ${message}`)
  }

  /** Runs long work as a job on the services; see job-runner.ts. */
  runJob<K extends MethodName>(method: K, args: ArgsOf<Methods[K]>, opts: JobOptions = {}): Promise<ResultOf<Methods[K]>> {
    return this.jobs.run(method, args, opts)
  }

  /** A claim beside its source: the ranked candidate passages (computed by the services, not cached). */
  compare(args: ArgsOf<Methods['compareClaim']>): Promise<ResultOf<Methods['compareClaim']>> {
    return this.read('compareClaim', args)
  }

  /** What a file would import as (format, encodings with previews, a Gutenberg header); read each time, not cached. */
  inspectImport(args: ArgsOf<Methods['inspectImport']>): Promise<ResultOf<Methods['inspectImport']>> {
    return this.read('inspectImport', args)
  }

  /** A passage of a source chosen by hand, with its text and its discrepancies with the claim (not cached). */
  checkPassage(args: ArgsOf<Methods['checkPassage']>): Promise<ResultOf<Methods['checkPassage']>> {
    return this.read('checkPassage', args)
  }

  /** A document with its text: the open one as held, another read once and cached. */
  async documentText(id: string): Promise<DocumentWithText> {
    if (this.open?.doc.id === id) return this.open.doc
    const r = this.reads.texts.of(id)
    if (r.value) return r.value
    return this.read('getDocument', { id }).then((doc) => {
      r.update(() => doc)
      return doc
    })
  }

  /** Calls a reading method (for the model's own modules; views use selections and reads). */
  async read<K extends MethodName>(method: K, args: ArgsOf<Methods[K]>): Promise<ResultOf<Methods[K]>> {
    return valueOf(await this.transport.call(method, args)) as ResultOf<Methods[K]>
  }

  /** Calls `listener` (batched, after the current task) with the slices that changed. */
  subscribe(listener: (changed: ReadonlySet<Slice>) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Records that slices changed; listeners hear of it once per microtask. */
  changed(...slices: Slice[]): void {
    for (const s of slices) {
      this.versions.set(s, (this.versions.get(s) ?? 0) + 1)
      this.pending.add(s)
    }
    if (this.flushing) return
    this.flushing = true
    queueMicrotask(() => {
      this.flushing = false
      const batch = this.pending
      this.pending = new Set()
      for (const l of this.listeners) l(batch)
    })
  }

  /** Adds a notice for the historian (shown by the shell until dismissed). */
  notify(kind: Notice['kind'], message: string): void {
    if (kind === 'rolled-back') this.rollbacksTold++
    if (this.notices.some((n) => n.message === message)) return // the same failure, heard twice
    this.notices = [...this.notices, { id: this.nextNotice++, kind, message }]
    this.changed('notices')
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id)
    this.changed('notices')
  }

  /** Replaces the entity summaries (counts included) by a fresh read. */
  setEntities(list: EntitySummary[]): void {
    this.entities.clear()
    for (const e of list) this.entities.set(e.id, e)
    this.counts.entitiesStale = false
  }

  setCitations(list: CitationSummary[]): void {
    this.citations.clear()
    for (const c of list) this.citations.set(c.id, c)
    this.counts.citationsStale = false
  }

  private onEvent(e: ChangeEvent): void {
    if (this.holding) this.held.push(e)
    else applyEvent(this, e)
  }

  /**
   * Reads again what views show (after a failed write, a lost event stream, or an event too large
   * to carry records). Not a path of ordinary edits.
   */
  async resync(message?: string): Promise<void> {
    if (message) this.notify('rolled-back', message)
    try {
      await this.load()
    } catch (err) {
      this.notify('error', `Could not read the project again: ${(err as Error).message}`)
    }
  }

  /** No document is open (the project has none left). */
  closeDocument(): void {
    this.open = undefined
    this.suggestions.clear()
    this.changed('document', 'annotations')
  }
}

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
import type { MethodName, Methods } from '../../shared/api'
import type { HistoryState } from '../../shared/api/annotations'
import type { CitationSummary } from '../../shared/api/citations'
import type { ArgsOf, ResultOf } from '../../shared/api/define'
import type { ProjectInfo } from '../../shared/api/documents'
import type { EntitySummary } from '../../shared/api/entities'
import type { DocumentRecord, DocumentWithText, Predicate, Tag } from '../../shared/model'
import { AnnotationIndex } from './annotation-index'
import { ApiCallError, valueOf } from './api-error'
import { applyRecords } from './apply-changes'
import { compactAnnotations } from './compact-annotations'
import { type JobOptions, JobRunner } from './job-runner'
import { LinkCounts } from './link-counts'
import { recordsOfResult } from './mutation-results'
import { CorpusReads } from './corpus-reads'
import { ProjectLoading } from './project-loading'
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
  /**
   * The record with its text. While `partialText`, `doc.text` holds only the first screens' part
   * (code points [0, its length)): nothing may read it as the whole text (search it, quote from
   * it, anchor in it); use `wholeText()`, or wait for the open to settle (`settled()`).
   */
  doc: DocumentWithText
  annotations: AnnotationIndex
  /** False while only the document's first screens (their annotations, maybe their text) are in (see `open_`). */
  complete: boolean
  /** True while `doc.text` is only the first part of the text (the rest follows; `complete` is false meanwhile). */
  partialText: boolean
}

/** The open document's whole text, or undefined while only its first part is in. */
export function wholeText(open: OpenDocument | undefined): string | undefined {
  return open && !open.partialText ? open.doc.text : undefined
}

/** How a window's model is set up beside its transport. */
export interface ModelOptions {
  /**
   * Awaited after a document's first screens are in the model and before all its annotations are
   * asked for. The window's (window-model.ts): until the views' code has loaded and painted those
   * screens, so the whole list (4.5 MB on a book of 10,000 highlights) does not compete with them.
   * Default: at once.
   */
  beforeWholeList?: () => Promise<unknown>
}

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
    () => ({ documentId: this.open?.doc.id, text: wholeText(this.open), annotations: this.open?.annotations.all ?? [], entities: this.entities.values() }),
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
  /** The first load, documents opened, reads again, and the events held meanwhile (project-loading.ts). */
  private readonly loading_: ProjectLoading
  private nextNotice = 1
  /** Rolled-back notices heard so far (shown, or folded into one already shown). */
  private rollbacksTold = 0

  /** @param transport the services' door (this window's: see window-model.ts; tests give an in-process one) */
  constructor(private readonly transport: ApiTransport, options: ModelOptions = {}) {
    this.loading_ = new ProjectLoading(this, transport, options.beforeWholeList)
  }

  /**
   * True when the services refused this window's session token (a browser opened on the server's
   * address without the `?token=` it printed): the shell shows how to get in instead of the project.
   */
  get tokenProblem(): 'missing' | 'refused' | undefined {
    return this.transport.missingToken ? 'missing' : this.loading_.tokenRefused ? 'refused' : undefined
  }

  /**
   * Loads the project and opens its first text; subscribes to change events first, so no edit goes
   * unheard. Called again before `stop()`, it returns the same load: the window's entry (main.ts)
   * starts the model while the views' code is still loading, and the shell calls it on connect.
   * (project-loading.ts)
   */
  start(): Promise<void> {
    return this.loading_.start()
  }

  stop(): void {
    this.loading_.stop()
  }

  /**
   * Opens a document: reads its text and its annotations (only its own), in two steps for a
   * document not shown yet (its first screens' annotations, then all). The last call wins.
   */
  openDocument(id: string): Promise<void> {
    return this.loading_.openDocument(id)
  }

  /**
   * Resolves once the open under way (if any) has read everything it reads: the open document's
   * whole text and all its annotations are then in, unless it failed or another open replaced it.
   */
  settled(): Promise<void> {
    return this.loading_.settled()
  }

  /**
   * Puts a freshly read document in front (internal: also used when its text changed).
   * `complete`: false when `annotations` are only those of the first screens (the rest follows);
   * `partialText`: true when `doc.text` is only the first part of the text (then `complete` is false).
   */
  setOpen(doc: DocumentWithText, annotations: Parameters<typeof AnnotationIndex.prototype.upsert>[0][], complete = true, partialText = false): void {
    if (this.open?.doc.id !== doc.id) this.suggestions.clear()
    compactAnnotations(annotations)
    this.open = { doc, annotations: new AnnotationIndex(doc.id, annotations), complete: complete && !partialText, partialText }
    this.written.clear() // what was read replaces what the model's writes had applied
    this.counts.reset(annotations)
    this.selections.noteTags(annotations)
    this.changed('document', 'annotations')
  }

  /**
   * The rest of the open document's text has come (`doc`, read whole): it replaces the first part,
   * the annotations stay. Ignored when `doc` is not the open document or its text was whole.
   * The same version of the text keeps the structure already held (the view laid the text out
   * with it: a second copy of a book's 2,321 blocks would stay in memory beside it).
   */
  setWholeText(doc: DocumentWithText): void {
    const open = this.open
    if (open?.doc.id !== doc.id || !open.partialText) return
    const sameText = doc.sha256 === open.doc.sha256 && doc.textFile === open.doc.textFile && doc.length === open.doc.length
    this.open = { ...open, doc: sameText ? { ...doc, structure: open.doc.structure } : doc, partialText: false }
    this.changed('document')
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

  /** A document with its whole text: the open one as held (once all of it is in), another read once and cached. */
  async documentText(id: string): Promise<DocumentWithText> {
    if (this.open?.doc.id === id && !this.open.partialText) return this.open.doc
    const r = this.reads.texts.of(id)
    if (r.value) return r.value
    return this.read('getDocument', { id }).then((doc) => {
      r.update(() => doc)
      return doc
    })
  }

  /**
   * Calls a reading method (for the model's own modules; views use selections and reads). When
   * `signal` aborts, the read may be cancelled: it then rejects with ApiCallError `cancelled`.
   */
  async read<K extends MethodName>(method: K, args: ArgsOf<Methods[K]>, signal?: AbortSignal): Promise<ResultOf<Methods[K]>> {
    return valueOf(await this.transport.call(method, args, signal)) as ResultOf<Methods[K]>
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

  /**
   * Reads again what views show (after a failed write, a lost event stream, or an event too large
   * to carry records). Not a path of ordinary edits.
   */
  resync(message?: string): Promise<void> {
    return this.loading_.resync(message)
  }

  /** No document is open (the project has none left). */
  closeDocument(): void {
    this.open = undefined
    this.suggestions.clear()
    this.changed('document', 'annotations')
  }
}

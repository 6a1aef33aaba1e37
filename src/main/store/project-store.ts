/**
 * The one owner of a project folder (docs/storage.md):
 *   project.json          the snapshot: every record, one per line, schemaVersion inside
 *   journal.jsonl         edits since the snapshot, appended and fdatasync'ed one batch at a time
 *   sources/SHA256.EXT    original bytes of every imported file, never modified
 *   texts/FILE.txt        each document version's normalised text, checked against its sha256
 *   backups/              rotating, verified copies of project.json, one per different state
 * Edits apply in memory at once and are acknowledged (promise resolved, change event sent) only
 * after their journal line is durable; edits made while a write is in flight share the next one.
 * A failed write rolls back that edit and every edit queued after it, and each gets a
 * `rolled-back` event. The journal is folded into project.json (compaction) in the background when
 * it grows past a quarter of the snapshot, and on close.
 */
import type { CollectionName, ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { CodePointIndex } from '../../shared/text/code-points'
import { snapshotData } from './collections'
import { Compactor } from './compactor'
import { type Edit, History, type RecordChange } from './history'
import { type JournalChange, type JournalEntry, journalLine, JournalWriter } from './journal'
import { jsonLinesLayout } from './json-lines-snapshot'
import { openProject, type OpenOptions } from './open-project'
import { applyEntry, prepareWritable } from './replay'
import { recordProblem } from './record-schema'
import { TextFiles } from './text-files'
import type { ProjectStore, RecordListener, StoreChange, TextProblem, Transaction } from './types'

export type { OpenOptions }
export { PROJECT_FILE } from './json-lines-snapshot'
export { restoreNewestBackup } from './restore'

interface Pending {
  line: string
  change: Omit<StoreChange, 'kind'>
  /** Puts memory and history back as they were before this entry. */
  revert: () => void
  resolve: () => void
  reject: (err: Error) => void
}

const toJournal = (changes: RecordChange[], side: 'before' | 'after'): JournalChange[] =>
  changes.map((c) => ({ c: c.collection, id: c.id, v: c[side] ?? null }))

export class FileProjectStore implements ProjectStore {
  private readonly files: TextFiles
  private readonly listeners = new Set<(change: StoreChange) => void>()
  private readonly recordListeners = new Set<RecordListener>()
  private queue: Pending[] = []
  private flushing: Promise<void> | undefined
  private seq: number
  private closed = false
  private changes = 0

  private constructor(
    readonly dir: string,
    readonly history: History,
    private readonly state: ProjectData,
    private readonly journal: JournalWriter | undefined,
    private readonly compactor: Compactor | undefined,
    private readonly unlock: () => Promise<void>,
    readonly readOnly: string | undefined,
    readonly warnings: string[],
    seq: number
  ) {
    this.seq = seq
    this.files = new TextFiles(dir, () => this.state.documents, jsonLinesLayout.file(dir))
    this.history.onClear = () => {
      if (!this.readOnly && !this.closed) void this.enqueue('clear-history', 'Clear history', [], [], () => undefined).catch(() => undefined)
    }
  }

  get generation(): number {
    return this.changes
  }

  get data(): Readonly<ProjectData> {
    return this.state
  }

  /** Opens (or with `create`, creates) the project in `dir`, taking its single-writer lock. */
  static async open(dirPath: string, opts: OpenOptions = {}): Promise<FileProjectStore> {
    const opened = await openProject(dirPath, opts)
    try {
      const history = new History()
      history.load(opened.snapshot.history)
      const data = opened.snapshot.data
      let seq = opened.snapshot.meta.seq
      for (const entry of opened.journal.entries) {
        applyEntry(data, history, entry)
        seq = entry.seq
      }
      let journal: JournalWriter | undefined
      let compactor: Compactor | undefined
      if (!opened.readOnly) ({ journal, compactor } = await prepareWritable(opened, data, history, seq))
      return new FileProjectStore(opened.dir, history, data, journal, compactor, opened.unlock, opened.readOnly, opened.warnings, seq)
    } catch (err) {
      await opened.unlock()
      throw err
    }
  }

  private refuse(): MarginaliaError | undefined {
    if (this.closed) return new MarginaliaError('conflict', 'the project is closed')
    if (this.readOnly) return new MarginaliaError('io', `${this.readOnly}. Free some space (or open it from a writable place) and open it again to edit.`)
    return undefined
  }

  transact<T>(label: string, fn: (tx: Transaction) => T): Promise<T> {
    const refused = this.refuse()
    if (refused) return Promise.reject(refused)
    const changes = new Map<string, RecordChange>()
    const data = this.state as unknown as Record<CollectionName, Record<string, unknown>>
    const tx: Transaction = {
      get: (c, id) => data[c][id] as never,
      put: (c, record) => {
        const copy = structuredClone(record) as { id: string; textFile?: string; textSha256?: string }
        const id = copy?.id
        if (c === 'documents') {
          const written = this.files.written.get(copy.textFile ?? `${id}.txt`)
          if (written) copy.textSha256 = written
        }
        const problem = typeof id === 'string' ? recordProblem(c, id, copy) : 'it has no id'
        if (problem) throw new MarginaliaError('internal', `${label}: refused to store ${c} ${JSON.stringify(id)}: ${problem}`)
        const key = `${c}\u0000${id}`
        if (!changes.has(key)) changes.set(key, { collection: c, id, before: data[c][id], after: copy })
        else changes.get(key)!.after = copy
        this.set(c, id, copy)
      },
      remove: (c, id) => {
        const key = `${c}\u0000${id}`
        if (!changes.has(key)) changes.set(key, { collection: c, id, before: data[c][id], after: undefined })
        else changes.get(key)!.after = undefined
        this.set(c, id, undefined)
      }
    }
    let value: T
    try {
      value = fn(tx)
    } catch (err) {
      this.apply([...changes.values()].reverse(), 'before') // nothing changes
      return Promise.reject(err)
    }
    const edit: Edit = { label, changes: [...changes.values()].filter((c) => c.before !== c.after) }
    if (edit.changes.length === 0) return Promise.resolve(value)
    const redo = this.history.redoEdits()
    this.history.record(edit)
    return this.enqueue('edit', label, edit.changes, toJournal(edit.changes, 'after'), () => {
      this.apply([...edit.changes].reverse(), 'before')
      this.history.forget(edit, redo)
    }).then(() => value)
  }

  /** Puts back the `before` (undo) or `after` (redo) side of changes. */
  private apply(changes: RecordChange[], side: 'before' | 'after'): void {
    this.changes++
    for (const change of changes) this.set(change.collection, change.id, change[side])
  }

  /** The one place memory changes after open: sets (undefined: removes) a record and tells the record listeners. */
  private set(c: CollectionName, id: string, value: unknown): void {
    const records = (this.state as unknown as Record<CollectionName, Record<string, unknown>>)[c]
    const before = records[id]
    if (value === undefined) delete records[id]
    else records[id] = value
    this.changes++
    for (const listener of this.recordListeners) {
      try {
        listener(c, id, before, value)
      } catch {
        // a listener's failure must not stop an edit half-way; listeners guard their own state
      }
    }
  }

  onRecord(listener: RecordListener): () => void {
    this.recordListeners.add(listener)
    return () => this.recordListeners.delete(listener)
  }

  async undo(): Promise<string | undefined> {
    const refused = this.refuse()
    if (refused) throw refused
    const edit = this.history.popUndo()
    if (!edit) return undefined
    this.apply([...edit.changes].reverse(), 'before')
    this.history.pushRedo(edit)
    const inverted = edit.changes.map((c) => ({ ...c, before: c.after, after: c.before }))
    await this.enqueue('undo', `Undo ${edit.label}`, inverted, toJournal(edit.changes, 'before'), () => {
      this.apply(edit.changes, 'after')
      this.history.popRedo()
      this.history.pushUndo(edit)
    })
    return edit.label
  }

  async redo(): Promise<string | undefined> {
    const refused = this.refuse()
    if (refused) throw refused
    const edit = this.history.popRedo()
    if (!edit) return undefined
    this.apply(edit.changes, 'after')
    this.history.pushUndo(edit)
    await this.enqueue('redo', `Redo ${edit.label}`, edit.changes, toJournal(edit.changes, 'after'), () => {
      this.apply([...edit.changes].reverse(), 'before')
      this.history.popUndo()
      this.history.pushRedo(edit)
    })
    return edit.label
  }

  onChange(listener: (change: StoreChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private emit(change: StoreChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change)
      } catch {
        // a listener's failure must not undo a durable edit or stop the others
      }
    }
  }

  /** Queues a journal entry; resolves once it is durable, rejects (after `revert`) if it cannot be written. */
  private enqueue(op: JournalEntry['op'], label: string, changes: RecordChange[], journalChanges: JournalChange[], revert: () => void): Promise<void> {
    const entry: JournalEntry = { seq: ++this.seq, op, label, changes: journalChanges }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line: journalLine(entry), change: { label, changes, history: this.history.state() }, revert, resolve, reject })
      this.flushing ??= this.flush().finally(() => (this.flushing = undefined))
    })
  }

  /** Writes queued entries, a batch per fdatasync, until the queue is empty. */
  private async flush(): Promise<void> {
    await Promise.resolve() // edits made in the same tick share the write
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0)
      try {
        await this.compactor!.exclusive(() => this.journal!.append(batch.map((p) => p.line).join('')))
      } catch (err) {
        this.rollBack([...batch, ...this.queue.splice(0)], err)
        continue
      }
      this.compactor!.appended(batch.map((p) => p.line))
      for (const p of batch) {
        p.resolve()
        this.emit({ kind: 'applied', ...p.change })
      }
    }
    this.compactor!.maybeStart(this.journal!.length, () => this.consistentView())
  }

  private rollBack(entries: Pending[], err: unknown): void {
    for (const p of [...entries].reverse()) p.revert()
    this.seq -= entries.length
    const error = new MarginaliaError('io', `could not save ${this.journal!.path}: ${(err as Error).message}. The last change was not applied.`)
    for (const p of entries) {
      p.reject(error)
      const changes = p.change.changes.map((c) => ({ ...c, before: c.after, after: c.before }))
      this.emit({ kind: 'rolled-back', label: p.change.label, changes, history: this.history.state(), error: { code: error.code, message: error.message } })
    }
  }

  /** The state as of the last durable entry, once nothing is queued (compaction folds exactly this). */
  private async consistentView(): Promise<{ data: ProjectData; seq: number; history: ReturnType<History['toStored']> }> {
    while (this.flushing || this.queue.length > 0) await (this.flushing ?? Promise.resolve())
    return { data: snapshotData(this.state), seq: this.seq, history: this.history.toStored() }
  }

  readText(documentId: string): Promise<string> {
    return this.files.readText(documentId)
  }

  textIndex(documentId: string): Promise<CodePointIndex> {
    return this.files.textIndex(documentId)
  }

  saveSource(bytes: Uint8Array, ext: string): Promise<string> {
    const refused = this.refuse()
    return refused ? Promise.reject(refused) : this.files.saveSource(bytes, ext)
  }

  saveText(documentId: string, text: string, fileName?: string): Promise<string> {
    const refused = this.refuse()
    return refused ? Promise.reject(refused) : this.files.saveText(documentId, text, fileName)
  }

  async checkTexts(): Promise<TextProblem[]> {
    this.files.forget()
    const out: TextProblem[] = []
    for (const id of Object.keys(this.state.documents)) {
      const problem = await this.files.check(id)
      if (problem) out.push(problem)
    }
    return out
  }

  useVerifiedText(documentId: string, text: string): void {
    this.files.useVerifiedText(documentId, text)
  }

  snapshot(): ProjectData {
    return snapshotData(this.state)
  }

  /** Waits for pending writes, folds the journal into project.json, then releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return
    if (this.compactor && this.journal) {
      await this.consistentView() // every queued edit written (or rolled back)
      this.closed = true
      await this.compactor.finish(() => this.consistentView())
      await this.journal.close()
    }
    this.closed = true
    await this.unlock()
  }
}


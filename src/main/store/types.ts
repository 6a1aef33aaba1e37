/**
 * The store's surface as the services see it. One ProjectStore owns one project folder: it alone
 * writes project.json, journal.jsonl and the files under sources/ and texts/. Every edit goes
 * through `transact`, which records it for undo/redo and resolves once it is durable.
 */
import type { HistoryState } from '../../shared/api/annotations'
import type { CodePointIndex } from '../../shared/text/code-points'
import type { CollectionName, Collections, ProjectData } from '../../shared/model'
import type { RecordChange } from './history'
import type { TextProblem } from './text-files'

export type { TextProblem }

export type RecordOf<C extends CollectionName> = Collections[C][string]

/** The edit being made; reads see the edit's own writes. */
export interface Transaction {
  get<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined
  /** Stores a copy of `record`; throws (and the edit changes nothing) if it is not a valid record. */
  put<C extends CollectionName>(collection: C, record: RecordOf<C>): void
  remove<C extends CollectionName>(collection: C, id: string): void
}

/** What the store tells its listeners, only once an edit is durable or has been rolled back. */
export interface StoreChange {
  kind: 'applied' | 'rolled-back'
  /** The edit's label (`Undo …`/`Redo …` for those). */
  label: string
  /** Each touched record: `before` and `after` as the edit made them (for a rollback, `before` is the value again). */
  changes: RecordChange[]
  /** Undo/redo state right after this edit (after the rollback, for `rolled-back`). */
  history: HistoryState
  error?: { code: string; message: string }
}

/**
 * Told synchronously of each change of a record in memory: `before` and `after` are the values just
 * before and just after it (undefined: absent). See ProjectStore.onRecord.
 */
export type RecordListener = (collection: CollectionName, id: string, before: unknown, after: unknown) => void

/** Undo/redo state and control. */
export interface StoreHistory {
  state(): HistoryState
  /** Forgets every edit (e.g. after setting up a sample project); saved like an edit. */
  clear(): void
}

export interface ProjectStore {
  /** Absolute path of the project folder. */
  readonly dir: string
  /** The current state. Read it freely; never mutate it: change it only through `transact`. Collections have null prototypes. */
  readonly data: Readonly<ProjectData>
  /**
   * Increases with every change of `data` in memory (an edit, its rollback, an undo or redo): a
   * cache computed from `data` is current while this has not moved.
   */
  readonly generation: number
  /** Why the project is open read-only (full disk, read-only medium, asked for), or undefined when writable. */
  readonly readOnly: string | undefined
  /** Things found on open that the historian should know (a dropped torn journal line, a journal set aside…). */
  readonly warnings: readonly string[]
  readonly history: StoreHistory
  /**
   * Applies `fn`'s puts and removes as one undoable edit named `label`, then resolves once the edit
   * is durably on disk. If `fn` throws, nothing changes; if the write fails, the edit is rolled back
   * in memory and the promise rejects with an `io` error.
   */
  transact<T>(label: string, fn: (tx: Transaction) => T): Promise<T>
  /** Reverts the last edit (durably); resolves with its label, or undefined when there is none. */
  undo(): Promise<string | undefined>
  redo(): Promise<string | undefined>
  /** Calls `listener` after each edit is durable, and after an edit is rolled back. Returns an unsubscribe function. */
  onChange(listener: (change: StoreChange) => void): () => void
  /**
   * Calls `listener` synchronously for every record that changes in `data` after the store opened:
   * each put or remove of an edit (as it is made, before it is durable), and each record an undo,
   * redo, refused edit or rollback puts back. For state derived from `data` kept current per change
   * (services/derived/) instead of recomputed by a scan; a listener must be cheap and must not
   * throw (a throw is ignored). Returns an unsubscribe function.
   */
  onRecord(listener: RecordListener): () => void
  /** The normalised text of a document (cached), checked against its recorded sha256. */
  readText(documentId: string): Promise<string>
  /** A code point index over a document's text (cached). */
  textIndex(documentId: string): Promise<CodePointIndex>
  /** Stores original bytes under sources/<sha256><ext> (no-op if present); returns the sha256. */
  saveSource(bytes: Uint8Array, ext: string): Promise<string>
  /**
   * Writes a document's text atomically to texts/<fileName> (default `<documentId>.txt`) and returns its
   * sha256; a document record put afterwards naming that file gets `textSha256` set to it.
   */
  saveText(documentId: string, text: string, fileName?: string): Promise<string>
  /** Every document whose text file differs from its recorded sha256 or is missing (files are read again). */
  checkTexts(): Promise<TextProblem[]>
  /** Serves `text` as the document's text once its sha256 matches the record (e.g. the original, re-made from its source). */
  useVerifiedText(documentId: string, text: string): void
  /** A consistent shallow copy of every collection (null prototypes), for long reads such as exports. */
  snapshot(): ProjectData
  /** Waits for pending writes, compacts the journal into project.json, releases the lock. */
  close(): Promise<void>
}

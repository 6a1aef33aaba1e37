/**
 * The store's surface as the services see it. One ProjectStore owns one project folder:
 * it alone writes project.json (atomically, fsynced, serialised) and the files under
 * sources/ and texts/. Every edit goes through `transact`, which records it for undo/redo.
 */
import type { CodePointIndex } from '../../shared/text/code-points'
import type { CollectionName, Collections, ProjectData } from '../../shared/model'

export type RecordOf<C extends CollectionName> = Collections[C][string]

/** The edit being made; reads see the edit's own writes. */
export interface Transaction {
  get<C extends CollectionName>(collection: C, id: string): RecordOf<C> | undefined
  put<C extends CollectionName>(collection: C, record: RecordOf<C>): void
  remove<C extends CollectionName>(collection: C, id: string): void
}

export interface ProjectStore {
  /** Absolute path of the project folder. */
  readonly dir: string
  /** The current state. Read it freely; never mutate it: change it only through `transact`. */
  readonly data: Readonly<ProjectData>
  /**
   * Applies `fn`'s puts and removes as one undoable edit named `label`, then resolves once the
   * new project.json is durably on disk. If `fn` throws, nothing changes.
   */
  transact<T>(label: string, fn: (tx: Transaction) => T): Promise<T>
  /** The normalised text of a document (cached). */
  readText(documentId: string): Promise<string>
  /** A code point index over a document's text (cached). */
  textIndex(documentId: string): Promise<CodePointIndex>
  /** Stores original bytes under sources/<sha256><ext> (no-op if present); returns the sha256. */
  saveSource(bytes: Uint8Array, ext: string): Promise<string>
  /** Writes a document's text atomically to texts/<fileName> (default `<documentId>.txt`). */
  saveText(documentId: string, text: string, fileName?: string): Promise<void>
}

/** What every service gets: the open project's store and a few shared helpers. */
import type { DocumentFormat, DocumentRecord, DocumentRole } from '../../shared/model'
import type { ProjectStore } from '../store/types'

export interface ImportOptions {
  format?: DocumentFormat
  role?: DocumentRole
  title?: string
}

export interface ServiceContext {
  store: ProjectStore
  /** Name recorded as the author of annotations and verdicts (OS user name by default). */
  author: string
  /** Current time as an ISO 8601 string with timezone. */
  now(): string
  /** A new unique id with a readable prefix, e.g. `ann_…`, `ent_…`, `cit_…`. */
  newId(prefix: string): string
  /** Absolute path of the folder holding files the app ships (documents/, resources/). */
  appRoot: string
  /**
   * Imports a file as a document (any format the importers know), storing its original bytes
   * and normalised text. Used by the documents service and by anyone attaching a source.
   * Throws MarginaliaError('invalid-file', '<file name>: <problem>') and changes nothing on bad input.
   */
  importBytes(fileName: string, bytes: Uint8Array, options: ImportOptions): Promise<DocumentRecord>
}

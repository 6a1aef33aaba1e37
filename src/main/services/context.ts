/** What every service gets: the open project's store and a few shared helpers. */
import type { ImportedDocument } from '../../shared/api/documents'
import type { CallContext } from '../../shared/api/define'
import type { TextEncoding } from '../../shared/import/encodings'
import type { DocumentFormat, DocumentRole, Person } from '../../shared/model'
import type { ProjectStore } from '../store/types'
import type { ProjectIndex } from './derived/project-index'

export interface ImportOptions {
  format?: DocumentFormat
  role?: DocumentRole
  title?: string
  /** Decode a text file with this encoding instead of strict UTF-8. */
  encoding?: TextEncoding
  /** Cut a recognised Project Gutenberg header and licence (kept in metadata). */
  trimGutenberg?: boolean
  /** OCR scanned pages and images (default true), in these languages (default eng). */
  ocr?: boolean
  ocrLanguages?: string[]
}

export interface ServiceContext {
  store: ProjectStore
  /** Sizes, tallies and per-document lists derived from the store's data, kept current per change. */
  readonly index: ProjectIndex
  /** Name recorded as the author of annotations and verdicts: `person.name`. */
  readonly author: string
  /**
   * The current author (installation's config, `--author`, or set from the app); every record the
   * services put is stamped with it as creator or last modifier (authorship-store.ts).
   */
  readonly person: Person
  /** Makes `person` the current author of this session's edits from now on. */
  setPerson(person: Person): void
  /** Current time as an ISO 8601 string with timezone. */
  now(): string
  /** A new unique id with a readable prefix, e.g. `ann_…`, `ent_…`, `cit_…`. */
  newId(prefix: string): string
  /** Absolute path of the folder holding files the app ships (documents/, resources/). */
  appRoot: string
  /**
   * Imports a file as a document (any format the importers know, parsed in a worker thread),
   * storing its original bytes and normalised text. Used by the documents service and by anyone
   * attaching a source; `call` carries progress and cancellation.
   * Throws MarginaliaError('invalid-file', '<file name>: <problem>') and changes nothing on bad input.
   */
  importBytes(fileName: string, bytes: Uint8Array, options: ImportOptions, call?: CallContext): Promise<ImportedDocument>
}

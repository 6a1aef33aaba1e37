/**
 * The one typed contract between the UI, the CLI and the services: every operation, by domain.
 * Adding an operation = one declaration in src/shared/api/<domain>.ts + one handler in
 * src/main/services/<domain>-service.ts; the transports, preload and clients follow from this list.
 */
import { annotationMethods, type HistoryState } from './api/annotations'
import { annotationBatchMethods } from './api/annotation-batch'
import { citationsMethods } from './api/citations'
import { compareMethods } from './api/compare'
import { corpusMethods } from './api/corpus'
import type { ApiOf, HandlersOf } from './api/define'
import { documentMethods } from './api/documents'
import { entitiesMethods } from './api/entities'
import { exportsMethods } from './api/exports'
import { jobMethods, startJobMethod } from './api/jobs'
import { teamMethods } from './api/team'
import { searchMethods } from './api/search'
import { storeMethods } from './api/store'
import { projectsMethods } from './api/projects'
import { w3cMethods } from './api/w3c'
import type { CollectionName } from './model'

export const methods = {
  ...documentMethods,
  ...annotationMethods, ...annotationBatchMethods,
  ...entitiesMethods,
  ...citationsMethods,
  ...exportsMethods,
  ...compareMethods,
  ...w3cMethods,
  ...teamMethods,
  ...searchMethods, ...corpusMethods,
  ...jobMethods,
  ...startJobMethod,
  ...storeMethods,
  ...projectsMethods
}

export type Methods = typeof methods
export type MethodName = keyof Methods
export type MarginaliaApi = ApiOf<Methods>
export type MarginaliaHandlers = HandlersOf<Methods>
export const METHOD_NAMES = Object.keys(methods) as MethodName[]

/** One record put or removed by an edit. */
export interface ChangedRecord {
  collection: CollectionName
  id: string
  /** The record as it now is in the store; `null` when the edit removed it. */
  record: unknown | null
}

/**
 * A change to the project, pushed to every open window. It leaves the store only after the write
 * is durable (`kind: 'applied'`); when a write fails and the edit is rolled back in memory, a
 * `kind: 'rolled-back'` event carries the records as they are again, and the error.
 * The renderer's project model applies `changes` incrementally; it re-reads the named
 * `collections` only when `reload` is set (an edit too large to carry, e.g. a whole import).
 */
export interface ChangeEvent {
  /** Monotonic counter of events since the project was opened. */
  revision: number
  /** The edit's label, e.g. `Create annotation`, `Undo Create annotation`. */
  method: string
  kind: 'applied' | 'rolled-back'
  /** Collections that changed (documents, annotations, entities, …). */
  collections: CollectionName[]
  /** Every record the edit put or removed, with its current value; empty when `reload` is set. */
  changes: ChangedRecord[]
  /** Ids of the documents whose record, text or annotations changed. */
  documents: string[]
  /** True when `changes` was left out because the edit was too large: re-read `collections`. */
  reload?: boolean
  /** Undo/redo state after this event. */
  history: HistoryState
  /** Why the edit was rolled back (only with `kind: 'rolled-back'`). */
  error?: { code: string; message: string }
}

/**
 * The one typed contract between the UI, the CLI and the services: every operation, by domain.
 * Adding an operation = one declaration in src/shared/api/<domain>.ts + one handler in
 * src/main/services/<domain>-service.ts; the transports, preload and clients follow from this list.
 */
import { annotationMethods } from './api/annotations'
import { citationsMethods } from './api/citations'
import { compareMethods } from './api/compare'
import type { ApiOf, HandlersOf } from './api/define'
import { documentMethods } from './api/documents'
import { entitiesMethods } from './api/entities'
import { exportsMethods } from './api/exports'
import { jobMethods, startJobMethod } from './api/jobs'
import { w3cMethods } from './api/w3c'

export const methods = {
  ...documentMethods,
  ...annotationMethods,
  ...entitiesMethods,
  ...citationsMethods,
  ...exportsMethods,
  ...compareMethods,
  ...w3cMethods,
  ...jobMethods,
  ...startJobMethod
}

export type Methods = typeof methods
export type MethodName = keyof Methods
export type MarginaliaApi = ApiOf<Methods>
export type MarginaliaHandlers = HandlersOf<Methods>
export const METHOD_NAMES = Object.keys(methods) as MethodName[]

/** A change made by a mutating call, pushed to every open window so it re-reads what it shows. */
export interface ChangeEvent {
  /** Monotonic counter of edits since the project was opened. */
  revision: number
  /** The edit's label, e.g. `Create annotation`, `Undo Create annotation`. */
  method: string
  /** Collections that changed (documents, annotations, entities, …). */
  collections: string[]
}

import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import type { W3cImportReport } from '../import/w3c-materialise'
import type { W3cUnmatchedSource } from '../import/w3c-targets'
import { method } from './define'
import { id } from './schemas'

/** What `importAnnotations` did: counts, and every orphan with its reason. */
export interface W3cImportResult extends W3cImportReport {
  documentId: string
  fileName: string
  /** Annotations stored per document (the import's own document, or those their sources name). */
  documents: { documentId: string; imported: number }[]
  /**
   * Sources (`target.source` IRIs) the project does not have and none of whose passages is in
   * `documentId`: their annotations were not imported. Map one to a project document with
   * `sourceMap` (e.g. its `suggestedDocumentId`) and import again to place them there.
   */
  unmatched: W3cUnmatchedSource[]
}

/** Operations of the w3c domain; see src/main/services/w3c-service.ts. */
export type { W3cUnmatchedSource }

export const w3cMethods = {
  /**
   * Imports W3C Web Annotations (JSON-LD: one annotation, an array, an AnnotationCollection, an
   * AnnotationPage, or Hypothesis API rows) made on document `documentId`. Each target goes to
   * the document its `source` names (a project document by its W3C IRI or URL, or as `sourceMap`
   * says), else to `documentId`; a source the project does not have is kept out unless its
   * passages are found in `documentId` (see `unmatched`). Each is anchored in its document's text
   * (quote, context, position in code points); those that cannot be anchored are still stored,
   * with status `orphaned`, and listed in `orphans` with the reason. A negative or reversed
   * position makes the file `invalid-file`. Entities and
   * citations named by the bodies are linked (reused when the project has them, else created).
   * One undoable edit. A file that is not JSON or holds no annotations changes nothing
   * (`invalid-file`). Reports progress in annotations and can be cancelled as a job.
   */
  importAnnotations: method<W3cImportResult>()(
    limitFileContent(
      z.object({
        documentId: id, fileName: z.string().min(1).max(500), contentBase64: z.string(),
        /** Source IRIs of the file → project documents to place their annotations in (the historian's choice). */
        sourceMap: z.record(z.string().min(1).max(4000), id).optional(),
        /** Import only the annotations of the sources in `sourceMap` (placing an unmatched source after a first import). */
        onlyMapped: z.boolean().optional()
      }),
      'contentBase64',
      LIMITS.w3cFile
    ),
    { mutates: true }
  )
}

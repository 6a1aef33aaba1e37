import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import type { W3cImportReport } from '../import/w3c-materialise'
import { method } from './define'
import { id } from './schemas'

/** What `importAnnotations` did: counts, and every orphan with its reason. */
export interface W3cImportResult extends W3cImportReport {
  documentId: string
  fileName: string
}

/** Operations of the w3c domain; see src/main/services/w3c-service.ts. */
export const w3cMethods = {
  /**
   * Imports W3C Web Annotations (JSON-LD: one annotation, an array, an AnnotationCollection, an
   * AnnotationPage, or Hypothesis API rows) made on document `documentId`. Each is anchored in the
   * document's text (quote, context, position in code points); those that cannot be anchored are
   * still stored, with status `orphaned`, and listed in `orphans` with the reason. Entities and
   * citations named by the bodies are linked (reused when the project has them, else created).
   * One undoable edit. A file that is not JSON or holds no annotations changes nothing
   * (`invalid-file`). Reports progress in annotations and can be cancelled as a job.
   */
  importAnnotations: method<W3cImportResult>()(
    limitFileContent(z.object({ documentId: id, fileName: z.string().min(1).max(500), contentBase64: z.string() }), 'contentBase64', LIMITS.w3cFile),
    { mutates: true }
  )
}

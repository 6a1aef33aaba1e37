import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import type { DocumentRecord, DocumentWithText } from '../model'
import { method } from './define'
import { documentFormat, documentRole, id } from './schemas'

export interface ProjectInfo {
  name: string
  /** Absolute path of the project folder. */
  path: string
  schemaVersion: number
  counts: { documents: number; annotations: number; entities: number; citations: number; relations: number }
}

/** Outcome of re-importing a new version of a document (DESIGN.md §5). */
export interface ReimportResult {
  document: DocumentRecord
  /** True when the new file has the same bytes as the current version (nothing changed). */
  unchanged: boolean
  /** Annotations of the document by outcome. */
  counts: { anchored: number; moved: number; orphaned: number }
  /** What could not be found confidently in the new text; kept with the old target for review. */
  orphans: { annotationId: string; exact: string; reason?: string; kind: 'annotation' | 'verified-source' }[]
}

export const documentMethods = {
  /** The open project's name, folder and record counts. */
  getProjectInfo: method<ProjectInfo>()(z.object({})),
  /** Documents in import order, without their text. */
  listDocuments: method<DocumentRecord[]>()(z.object({ role: documentRole.optional() })),
  /** One document with its normalised text. */
  getDocument: method<DocumentWithText>()(z.object({ id })),
  /**
   * Imports a file's bytes (base64) as a new document. The format is detected from the name and
   * content unless given. Invalid input changes nothing and fails with `invalid-file`.
   */
  importDocument: method<DocumentRecord>()(
    limitFileContent(z.object({
      fileName: z.string().min(1).max(500),
      contentBase64: z.string(),
      format: documentFormat.optional(),
      role: documentRole.optional(),
      title: z.string().max(500).optional()
    }), 'contentBase64', LIMITS.documentFile),
    { mutates: true }
  ),
  /**
   * Replaces a document's text by a new version of the file and re-anchors every annotation on it
   * (and every verdict's source passage in it): anchored, moved or orphaned — orphans are kept and
   * reported, never dropped or silently moved. One undoable edit; the old text is kept on disk.
   */
  reimportDocument: method<ReimportResult>()(
    limitFileContent(z.object({ id, fileName: z.string().min(1).max(500), contentBase64: z.string(), format: documentFormat.optional() }), 'contentBase64', LIMITS.documentFile),
    { mutates: true }
  ),
  /** Removes a document and its annotations (undoable); its source bytes stay on disk. */
  deleteDocument: method<{ id: string }>()(z.object({ id }), { mutates: true })
}

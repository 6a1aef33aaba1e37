import { z } from 'zod'
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
    z.object({
      fileName: z.string().min(1).max(500),
      contentBase64: z.string(),
      format: documentFormat.optional(),
      role: documentRole.optional(),
      title: z.string().max(500).optional()
    }),
    { mutates: true }
  ),
  /** Removes a document and its annotations (undoable); its source bytes stay on disk. */
  deleteDocument: method<{ id: string }>()(z.object({ id }), { mutates: true })
}

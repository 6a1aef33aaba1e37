/**
 * What a document is to the project: a text under study, or a source attached to a citation.
 * The one list the model, the API contract, the UI and the CLI use; the zod schema is the source.
 */
import { z } from 'zod'

export const documentRoleSchema = z.enum(['text', 'source'])

export type DocumentRole = z.infer<typeof documentRoleSchema>

export const DOCUMENT_ROLES: readonly DocumentRole[] = documentRoleSchema.options

export const DOCUMENT_ROLE_LABELS: Readonly<Record<DocumentRole, string>> = {
  text: 'Text under study',
  source: 'Cited source'
}

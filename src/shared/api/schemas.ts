/** zod schemas reused by several method declarations. Offsets are code points. */
import { z } from 'zod'
import { documentFormatSchema } from '../model/document-formats'
import { documentRoleSchema } from '../model/document-roles'
import { verificationStatusSchema } from '../model/verdicts'

export const id = z.string().min(1).max(200)
export const offset = z.number().int().nonnegative()
/** The vocabularies' own schemas (src/shared/model), under the names the method declarations use. */
export const documentRole = documentRoleSchema
export const documentFormat = documentFormatSchema
export const tagName = z.string().trim().min(1).max(100)
export const cssColor = z.string().regex(/^(#[0-9a-fA-F]{3,8}|[a-z]{3,20}|(rgb|hsl)a?\([\d\s.,%]+\))$/, 'a CSS colour such as #ffcc00')
export const verificationStatus = verificationStatusSchema
export const citationLink = z.object({
  citationId: id,
  locator: z.string().max(200).optional()
})

/** zod schemas reused by several method declarations. Offsets are code points. */
import { z } from 'zod'
import { documentFormatSchema } from '../model/document-formats'
import { documentRoleSchema } from '../model/document-roles'
import { verificationStatusSchema } from '../model/verdicts'

/**
 * Ids of records as callers pass them: 1–200 characters from a plain set (letters, digits and
 * `_ . : ~ @ + = -`, not starting with a punctuation mark other than `_`). Ids the app makes
 * (`ann_3f…`, `doc_…`) fit; whitespace, control characters, quotes, slashes and backslashes never
 * do. Names that are also Object.prototype members (`constructor`, `__proto__`) are valid ids: the
 * store keeps records in null-prototype maps, so they are ordinary keys there.
 */
export const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:~@+=-]*$/
export const id = z.string().min(1).max(200).regex(ID_PATTERN, 'an id of letters, digits and _ . : ~ @ + = - (at most 200)')
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

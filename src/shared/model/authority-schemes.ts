/**
 * Authority files an entity can be identified in. The one list of schemes the model, the API
 * contract, the exporters, the UI and the CLI use; the zod schema is the source. How each id is
 * checked and turned into a URI is src/shared/entities/authority.ts.
 */
import { z } from 'zod'

export const authoritySchemeSchema = z.enum(['wikidata', 'viaf', 'geonames', 'pleiades', 'gnd', 'loc'])

export type AuthorityScheme = z.infer<typeof authoritySchemeSchema>

export const AUTHORITY_SCHEMES: readonly AuthorityScheme[] = authoritySchemeSchema.options

export const AUTHORITY_SCHEME_LABELS: Readonly<Record<AuthorityScheme, string>> = {
  wikidata: 'Wikidata',
  viaf: 'VIAF',
  geonames: 'GeoNames',
  pleiades: 'Pleiades',
  gnd: 'GND',
  loc: 'Library of Congress'
}

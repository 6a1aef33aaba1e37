/**
 * The CSL citation styles Marginalia ships (resources/csl/): the one list the API contract, the
 * formatter, the exporters, the UI and the CLI use. The zod schema is the source.
 */
import { z } from 'zod'

export const citationStyleSchema = z.enum(['chicago-notes-bibliography', 'chicago-author-date'])

export type CitationStyle = z.infer<typeof citationStyleSchema>

/** Every shipped style; each is `resources/csl/<name>.csl`. */
export const CITATION_STYLES: readonly CitationStyle[] = citationStyleSchema.options

/** The style used when none is chosen. */
export const DEFAULT_CITATION_STYLE: CitationStyle = 'chicago-notes-bibliography'

export const CITATION_STYLE_LABELS: Readonly<Record<CitationStyle, string>> = {
  'chicago-notes-bibliography': 'Chicago (notes and bibliography)',
  'chicago-author-date': 'Chicago (author-date)'
}

/** True when `name` is a shipped style. */
export function isCitationStyle(name: string): name is CitationStyle {
  return (CITATION_STYLES as readonly string[]).includes(name)
}

/**
 * File formats a bibliography is imported from: the one list the API contract, the reader
 * (src/shared/bib/read-bibliography.ts), the UI and the CLI use. The zod schema is the source.
 */
import { z } from 'zod'

export const bibliographyFormatSchema = z.enum(['bibtex', 'ris', 'csl-json'])

/** `bibtex` (BibTeX and BibLaTeX), `ris` or `csl-json`. */
export type BibliographyFormat = z.infer<typeof bibliographyFormatSchema>

export const BIBLIOGRAPHY_FORMATS: readonly BibliographyFormat[] = bibliographyFormatSchema.options

export const BIBLIOGRAPHY_FORMAT_LABELS: Readonly<Record<BibliographyFormat, string>> = {
  bibtex: 'BibTeX / BibLaTeX',
  ris: 'RIS',
  'csl-json': 'CSL-JSON'
}

/**
 * Loads the CSL styles and locale the app ships (`<appRoot>/resources/csl/`) into citation-js,
 * once per process. The styles are read from disk here, in main, so src/shared stays pure.
 * Importing this loads citation-js (~0.3 s): the CSL worker does, and the exports service only when
 * a bibliography is exported; the style names are checked without it (./csl-style-check.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hasCslStyle, registerCslLocale, registerCslStyle } from '../../shared/bib/citation-js'
import { DEFAULT_CITATION_STYLE } from '../../shared/model/citation-styles'
import { MarginaliaError } from '../../shared/result'
import { checkCitationStyle, CSL_LOCALE } from './csl-style-check'


/** Registers `style` and the en-US locale from `<appRoot>/resources/csl/` (no-op when done). */
export function ensureCslStyle(appRoot: string, style: string): void {
  checkCitationStyle(style)
  if (hasCslStyle(style)) return
  const dir = join(appRoot, 'resources', 'csl')
  try {
    registerCslLocale(CSL_LOCALE, readFileSync(join(dir, `locales-${CSL_LOCALE}.xml`), 'utf8'))
    registerCslStyle(style, readFileSync(join(dir, `${style}.csl`), 'utf8'))
  } catch (err) {
    throw new MarginaliaError('io', `cannot read the CSL style ${style} from ${dir}: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/**
 * Options for the pure `exportBibliography` exporter (src/shared/export/bibliography.ts): registers
 * the style first, so the exporter can format with it.
 */
export function bibliographyExportOptions(appRoot: string, style: string = DEFAULT_CITATION_STYLE): { style: string } {
  ensureCslStyle(appRoot, style)
  return { style }
}

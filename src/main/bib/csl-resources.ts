/**
 * Loads the CSL styles and locale the app ships (`<appRoot>/resources/csl/`) into citation-js,
 * once per process. The styles are read from disk here, in main, so src/shared stays pure.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { hasCslStyle, registerCslLocale, registerCslStyle } from '../../shared/bib/citation-js'
import { MarginaliaError } from '../../shared/result'

/** Styles the app ships, by the name used in the API and CLI (`--style`). */
export const SHIPPED_STYLES = ['chicago-notes-bibliography', 'chicago-author-date'] as const
export type ShippedStyle = (typeof SHIPPED_STYLES)[number]

/** The locale every shipped style is rendered in. */
export const CSL_LOCALE = 'en-US'

/** Registers `style` and the en-US locale from `<appRoot>/resources/csl/` (no-op when done). */
export function ensureCslStyle(appRoot: string, style: string): void {
  if (!(SHIPPED_STYLES as readonly string[]).includes(style)) {
    throw new MarginaliaError('invalid-argument', `unknown citation style "${style}"; use one of ${SHIPPED_STYLES.join(', ')}`)
  }
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
export function bibliographyExportOptions(appRoot: string, style: string = 'chicago-notes-bibliography'): { style: string } {
  ensureCslStyle(appRoot, style)
  return { style }
}

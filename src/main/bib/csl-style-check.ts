/**
 * The shipped citation styles' names and locale, checked without loading citation-js (which
 * ./csl-resources.ts does): the services check a style on every formatting request in main,
 * while the formatting itself runs in the CSL worker.
 */
import { CITATION_STYLES, isCitationStyle } from '../../shared/model/citation-styles'
import { MarginaliaError } from '../../shared/result'

/** The locale every shipped style is rendered in. */
export const CSL_LOCALE = 'en-US'

/** Throws `invalid-argument` unless `style` is one the app ships (src/shared/model/citation-styles.ts). */
export function checkCitationStyle(style: string): void {
  if (!isCitationStyle(style)) {
    throw new MarginaliaError('invalid-argument', `unknown citation style "${style}"; use one of ${CITATION_STYLES.join(', ')}`)
  }
}

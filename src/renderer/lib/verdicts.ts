/**
 * How verdicts on citation links read: their labels and badge symbols (colours are in colours.ts),
 * and which one an annotation shows when it cites several works.
 */
import type { Annotation, VerificationStatus } from '../../shared/model'

export const VERDICT_LABELS: Record<VerificationStatus, string> = {
  supported: 'Supported', 'partially-supported': 'Partially supported', contradicted: 'Contradicted', 'not-found': 'Not found', unchecked: 'Unchecked'
}

export const VERDICT_SYMBOLS: Record<VerificationStatus, string> = { supported: '✓', 'partially-supported': '◐', contradicted: '✗', 'not-found': '?', unchecked: '' }

/** Worst verdict first: a highlight citing two works shows the more worrying one. */
const ORDER: VerificationStatus[] = ['contradicted', 'not-found', 'partially-supported', 'supported']

/** The verdict to show for an annotation, or undefined when none of its citations was checked. */
export function verdictOf(a: Annotation): VerificationStatus | undefined {
  const statuses = a.citations.map((c) => c.verification?.status).filter((s): s is VerificationStatus => !!s && s !== 'unchecked')
  return ORDER.find((s) => statuses.includes(s))
}

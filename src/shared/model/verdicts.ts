/**
 * Verdicts on a citation link (does the cited passage support the claim?): the one list of
 * statuses, their labels and symbols, and their order of concern. The zod schema is the source.
 */
import { z } from 'zod'

export const verificationStatusSchema = z.enum(['supported', 'partially-supported', 'contradicted', 'not-found', 'unchecked'])

/** `supported`, `partially-supported`, `contradicted`, `not-found` or `unchecked`. */
export type VerificationStatus = z.infer<typeof verificationStatusSchema>

/** Every status, in the order a verdict form offers them. */
export const VERIFICATION_STATUSES: readonly VerificationStatus[] = verificationStatusSchema.options

/** The label of each status, as the UI, the verification report and the CLI write it. */
export const VERDICT_LABELS: Readonly<Record<VerificationStatus, string>> = {
  supported: 'Supported',
  'partially-supported': 'Partially supported',
  contradicted: 'Contradicted',
  'not-found': 'Not found',
  unchecked: 'Unchecked'
}

/** A one-character mark of each status for badges ('' for unchecked: no badge). */
export const VERDICT_SYMBOLS: Readonly<Record<VerificationStatus, string>> = {
  supported: '✓', 'partially-supported': '◐', contradicted: '✗', 'not-found': '?', unchecked: ''
}

/** Checked statuses, most worrying first: a passage citing two works shows the worse verdict. */
export const VERDICTS_WORST_FIRST: readonly VerificationStatus[] = ['contradicted', 'not-found', 'partially-supported', 'supported']

/** The most worrying checked status among `statuses`, or undefined when none was checked. */
export function worstVerdict(statuses: Iterable<VerificationStatus | undefined>): VerificationStatus | undefined {
  const seen = new Set(statuses)
  return VERDICTS_WORST_FIRST.find((s) => seen.has(s))
}

/**
 * The verification overview: every claim with a citation (one row per citation link), its verdict
 * or `unchecked`, the source passage and the discrepancies, under the corpus filter, with the
 * progress of the checking ("31 of 48 claims checked"). The rows and their CSV and HTML are the
 * cite engineer's verification report (src/shared/export/verification-report.ts), reused as is.
 */
import type { VerificationRow } from '../api/compare'
import { verificationRows } from '../export/verification-report'
import { type ProjectData, VERIFICATION_STATUSES, type VerificationStatus } from '../model'
import { type AnnotationFilter, compileFilter, isEmptyFilter } from './annotation-filter'
import { tableRows } from './annotation-rows'

/** Every verdict, in the model's one list's order. */
export const STATUSES: readonly VerificationStatus[] = VERIFICATION_STATUSES

export interface VerificationProgress {
  /** Claims (citation links) under the filter, whatever their verdict. */
  claims: number
  /** Of those, claims with a verdict other than `unchecked`. */
  checked: number
  byStatus: Record<VerificationStatus, number>
  /** e.g. `31 of 48 claims checked` */
  summary: string
}

export interface VerificationOverview {
  rows: VerificationRow[]
  progress: VerificationProgress
}

/** Progress counts of a set of report rows. */
export function verificationProgress(rows: readonly VerificationRow[]): VerificationProgress {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<VerificationStatus, number>
  for (const r of rows) byStatus[r.status]++
  const checked = rows.length - byStatus.unchecked
  return { claims: rows.length, checked, byStatus, summary: `${checked} of ${rows.length} claim${rows.length === 1 ? '' : 's'} checked` }
}

/**
 * The overview under `filter`. The annotation fields of the filter select annotations; its
 * `verdicts` and `citationIds` select citation links (a claim citing two works is two rows).
 * Progress counts every link the filter keeps without its `verdicts`, so choosing
 * `contradicted` still reads "31 of 48 claims checked".
 */
export function verificationOverview(data: ProjectData, filter: AnnotationFilter = {}): VerificationOverview {
  const { verdicts, citationIds, ...annotationFields } = filter
  let rows = verificationRows(data)
  if (!isEmptyFilter(annotationFields)) {
    const compiled = compileFilter(annotationFields)
    const kept = new Set(tableRows(data).filter((r) => compiled.test(r)).map((r) => r.id))
    rows = rows.filter((r) => kept.has(r.annotationId))
  }
  if (citationIds?.length) rows = rows.filter((r) => citationIds.includes(r.citationId))
  const progress = verificationProgress(rows)
  if (verdicts?.length) rows = rows.filter((r) => (verdicts as string[]).includes(r.status))
  return { rows, progress }
}

/**
 * The verification report: every claim with a citation link, its verdict, both passages and the
 * discrepancies, as CSV (RFC 4180, UTF-8, code point offsets) and as a readable HTML page.
 * Pure: rows come from the project data; every text is escaped (the page runs no script).
 */
import { csvRecords } from './csv-write'
import type { VerificationRow } from '../api/compare'
import { itemLabel } from '../citations/csl-item'
import { type Discrepancy, type ProjectData, VERDICT_LABELS } from '../model'
import type { ExportInput, ExportOutput } from './types'

/** Rows of the report, by document title then claim position; `documentId` limits it to one document. */
export function verificationRows(data: ProjectData, documentId?: string): VerificationRow[] {
  const rows: VerificationRow[] = []
  for (const a of Object.values(data.annotations)) {
    if (documentId && a.documentId !== documentId) continue
    for (const link of a.citations) {
      const citation = data.citations[link.citationId]
      const v = link.verification
      const sourceId = v?.source?.documentId ?? citation?.sourceDocumentId
      const row: VerificationRow = {
        annotationId: a.id,
        documentId: a.documentId,
        documentTitle: data.documents[a.documentId]?.title ?? a.documentId,
        claimStart: a.target.start,
        claimEnd: a.target.end,
        claim: a.target.exact,
        citationId: link.citationId,
        citationLabel: citation ? itemLabel(citation.item) : link.citationId,
        status: v?.status ?? 'unchecked',
        discrepancies: v?.discrepancies ?? [],
        note: v?.note ?? ''
      }
      if (link.locator) row.locator = link.locator
      if (sourceId) {
        row.sourceDocumentId = sourceId
        row.sourceTitle = data.documents[sourceId]?.title ?? sourceId
      }
      if (v?.source) {
        row.sourceStart = v.source.start
        row.sourceEnd = v.source.end
        row.sourceExact = v.source.exact
      }
      if (v) {
        row.by = v.by
        row.at = v.at
      }
      rows.push(row)
    }
  }
  return rows.sort((x, y) => x.documentTitle.localeCompare(y.documentTitle) || x.claimStart - y.claimStart || x.citationLabel.localeCompare(y.citationLabel))
}

/** One discrepancy as text: `date: 1379 ≠ 1373`, `name: Bayezid ~ Bajazet (variant)`, `place: Thessalonica ≠ (absent)`. */
export function discrepancyText(d: Discrepancy): string {
  if (d.variant) return `${d.kind}: ${d.claim} ~ ${d.source} (variant)`
  return `${d.kind}: ${d.claim} ≠ ${d.source || '(absent)'}`
}

export const REPORT_COLUMNS = [
  'document', 'claim_start', 'claim_end', 'claim', 'citation', 'locator', 'status', 'source_document',
  'source_start', 'source_end', 'source_passage', 'discrepancies', 'note', 'by', 'at', 'annotation_id', 'citation_id'
] as const

/** The report as CSV text (header row, CRLF records). Offsets are code points. */
export function verificationCsv(rows: VerificationRow[]): string {
  const cells = rows.map((r) => [
    r.documentTitle, String(r.claimStart), String(r.claimEnd), r.claim, r.citationLabel, r.locator ?? '', r.status,
    r.sourceTitle ?? '', r.sourceStart === undefined ? '' : String(r.sourceStart), r.sourceEnd === undefined ? '' : String(r.sourceEnd),
    r.sourceExact ?? '', r.discrepancies.map(discrepancyText).join('; '), r.note, r.by ?? '', r.at ?? '', r.annotationId, r.citationId
  ])
  return csvRecords([[...REPORT_COLUMNS], ...cells])
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const STATUS_LABELS: Readonly<Record<string, string>> = VERDICT_LABELS

/** The report as a standalone HTML page (inline CSS, no script). */
export function verificationHtml(rows: VerificationRow[], title: string, exportedAt: string): string {
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1)
  const summary = Object.keys(STATUS_LABELS).filter((s) => counts.get(s)).map((s) => `${STATUS_LABELS[s]}: ${counts.get(s)}`).join(' · ')
  const body = rows.map((r) => `
<section class="row ${escapeHtml(r.status)}">
  <h2><span class="badge">${escapeHtml(STATUS_LABELS[r.status] ?? r.status)}</span> ${escapeHtml(r.documentTitle)} <small>[${r.claimStart}–${r.claimEnd}]</small></h2>
  <div class="pair">
    <blockquote class="claim"><p>${escapeHtml(r.claim)}</p><footer>cites ${escapeHtml(r.citationLabel)}${r.locator ? `, ${escapeHtml(r.locator)}` : ''}</footer></blockquote>
    <blockquote class="source">${r.sourceExact ? `<p>${escapeHtml(r.sourceExact)}</p><footer>${escapeHtml(r.sourceTitle ?? '')} [${r.sourceStart}–${r.sourceEnd}]</footer>` : '<p class="none">No source passage recorded.</p>'}</blockquote>
  </div>
  ${r.discrepancies.length ? `<ul class="discrepancies">${r.discrepancies.map((d) => `<li class="${d.variant ? 'variant' : 'differs'}">${escapeHtml(discrepancyText(d))}</li>`).join('')}</ul>` : ''}
  ${r.note ? `<p class="note">${escapeHtml(r.note)}</p>` : ''}
  ${r.by ? `<p class="by">${escapeHtml(r.by)}, ${escapeHtml(r.at ?? '')}</p>` : ''}
</section>`).join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{font:15px/1.5 Georgia,serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
.row{border-top:1px solid #ccc;padding:.5rem 0 1rem}.row h2{font-size:1rem;margin:.5rem 0}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}blockquote{margin:0;padding:.5rem .75rem;background:#f7f5ef;border-left:3px solid #aaa}
footer,small,.by{color:#666;font-size:.85rem}.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#ddd;font-family:sans-serif;font-size:.8rem}
.supported .badge{background:#cdeccd}.partially-supported .badge{background:#f4e7b0}.contradicted .badge{background:#f3c4c4}.not-found .badge{background:#ddd}
.differs{color:#a00}.variant{color:#555}.none{color:#888;font-style:italic}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
<p>${rows.length} cited claim${rows.length === 1 ? '' : 's'}. ${escapeHtml(summary)}. Exported ${escapeHtml(exportedAt)}. Offsets are Unicode code points.</p>
${body}
</body></html>
`
}

/** Exporter form (`options.format`: 'csv' or 'html'). */
export function exportVerificationReport(input: ExportInput): ExportOutput {
  const rows = verificationRows(input.data, input.scope.documentId)
  const format = input.options.format === 'html' ? 'html' : 'csv'
  const content = format === 'html' ? verificationHtml(rows, `Verification report — ${input.data.project.name}`, input.exportedAt) : verificationCsv(rows)
  return {
    files: [{ name: `verification-report.${format}`, mediaType: format === 'html' ? 'text/html' : 'text/csv', content }],
    losses: []
  }
}

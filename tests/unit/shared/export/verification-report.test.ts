import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { REPORT_COLUMNS, verificationCsv } from '../../../../src/shared/export/verification-report'

describe('verification report CSV', () => {
  it('keeps notes and passages with line breaks, quotes, commas and Greek in one field each', () => {
    const csv = verificationCsv([{
      annotationId: 'ann_1', documentId: 'doc_1', documentTitle: 'John VII Palaiologos', claimStart: 10, claimEnd: 40,
      claim: 'He ruled "for five months",\nin 1390', citationId: 'cit_1', citationLabel: 'Gibbon 1788', locator: 'ch. LXIV',
      status: 'partially-supported', discrepancies: [{ kind: 'name', claim: 'Bayezid', source: 'Bajazet', variant: true }],
      note: 'first line\r\nsecond line, Παλαιολόγος 𐅃', sourceDocumentId: 'doc_2', sourceTitle: 'Gibbon', sourceStart: 5,
      sourceEnd: 9, sourceExact: 'Bajazet', by: 'historian', at: '2026-11-26T12:00:00.000Z'
    }])
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toHaveLength(2)
    expect(parsed.data[0]).toEqual([...REPORT_COLUMNS])
    const row = Object.fromEntries(REPORT_COLUMNS.map((c, i) => [c, parsed.data[1][i]]))
    expect(row.claim).toBe('He ruled "for five months",\nin 1390')
    expect(row.note).toBe('first line\r\nsecond line, Παλαιολόγος 𐅃')
    expect(row.discrepancies).toBe('name: Bayezid ~ Bajazet (variant)')
    expect(csv.endsWith('\r\n')).toBe(true)
  })
})

import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { discrepancyText, exportVerificationReport, REPORT_COLUMNS, verificationCsv, verificationHtml, verificationRows as verificationRowsOf } from '../../../../src/shared/export/verification-report'
import { fixtureProject } from '../../../helpers/export-fixture'

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

describe('verification report rows', () => {
  it('lists every cited claim by document title, claim position and cited work, with its verdict, passages and checker', () => {
    const verificationRows = verificationRowsOf
    const { data } = fixtureProject()
    data.documents.doc_0 = { ...data.documents.doc_1, id: 'doc_0', title: 'A first document' }
    data.annotations.ann_doc0 = { ...data.annotations.ann_empty, id: 'ann_doc0', documentId: 'doc_0', citations: [{ citationId: 'cit_gone' }] }
    data.annotations.ann_orphan_doc = { ...data.annotations.ann_empty, id: 'ann_orphan_doc', documentId: 'doc_missing', citations: [{ citationId: 'cit_gibbon' }] }
    data.citations.cit_gibbon.sourceDocumentId = 'doc_gone'
    const rows = verificationRows(data)
    expect(rows.map((r) => [r.documentTitle, r.annotationId, r.citationId, r.status])).toEqual([
      ['A first document', 'ann_doc0', 'cit_gone', 'unchecked'],
      ['doc_missing', 'ann_orphan_doc', 'cit_gibbon', 'unchecked'],
      ['John VII Palaiologos', 'ann_brief', 'cit_gibbon', 'supported'],
      ['John VII Palaiologos', 'ann_brief', 'cit_zach', 'unchecked'],
      ['John VII Palaiologos', 'ann_1390', 'cit_zach', 'contradicted']
    ])
    const brief = data.annotations.ann_brief
    expect(rows[2]).toEqual({
      annotationId: 'ann_brief', documentId: 'doc_1', documentTitle: 'John VII Palaiologos', claimStart: brief.target.start, claimEnd: brief.target.end,
      claim: brief.target.exact, citationId: 'cit_gibbon', citationLabel: 'Gibbon 1788 · The History of the Decline and Fall of the Roman Empire',
      status: 'supported', discrepancies: [], note: 'Checked, "mostly", against vol. 6; p. 39', locator: 'ch. LXIV',
      sourceDocumentId: 'doc_1', sourceTitle: 'John VII Palaiologos', sourceStart: 0, sourceEnd: 4, sourceExact: 'John',
      by: 'Ada Historian', at: '2026-11-26T10:00:00.000Z'
    })
    // No verdict: no locator, checker or passage; the cited work's attached source (gone) is named by its id.
    expect(rows[3]).toEqual({
      annotationId: 'ann_brief', documentId: 'doc_1', documentTitle: 'John VII Palaiologos', claimStart: brief.target.start, claimEnd: brief.target.end,
      claim: brief.target.exact, citationId: 'cit_zach', citationLabel: 'Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus', status: 'unchecked', discrepancies: [], note: ''
    })
    expect(rows[1]).toMatchObject({ sourceDocumentId: 'doc_gone', sourceTitle: 'doc_gone' })
    expect(rows[0].citationLabel).toBe('cit_gone')
    expect(rows[4].discrepancies).toEqual([{ kind: 'date', claim: '1390', source: '1391', variant: false }])
    expect(verificationRows(data, 'doc_0').map((r) => r.annotationId)).toEqual(['ann_doc0'])
  })

  it('lists several discrepancies in one CSV cell, and a verdict without a source passage', () => {
    const { data } = fixtureProject()
    const v = data.annotations.ann_1390.citations[0].verification!
    v.discrepancies.push({ kind: 'name', claim: 'John', source: 'Ioannes', variant: true })
    delete v.source
    const rows = verificationRowsOf(data)
    const row = rows.find((r) => r.annotationId === 'ann_1390')!
    expect(row).not.toHaveProperty('sourceExact')
    expect(row).not.toHaveProperty('sourceDocumentId')
    const csv = Papa.parse<string[]>(verificationCsv(rows), { skipEmptyLines: true }).data.find((r) => r[15] === 'ann_1390')!
    expect(csv[11]).toBe('date: 1390 ≠ 1391; name: John ~ Ioannes (variant)')
    expect(csv.slice(7, 11)).toEqual(['', '', '', ''])
  })

  it('spells discrepancies out: a differing source, an absent one, a variant reading', () => {
    expect(discrepancyText({ kind: 'date', claim: '1379', source: '1373', variant: false })).toBe('date: 1379 ≠ 1373')
    expect(discrepancyText({ kind: 'place', claim: 'Thessalonica', source: '', variant: false })).toBe('place: Thessalonica ≠ (absent)')
    expect(discrepancyText({ kind: 'name', claim: 'Bayezid', source: 'Bajazet', variant: true })).toBe('name: Bayezid ~ Bajazet (variant)')
  })
})

describe('verification report page and files', () => {
  const input = (format?: string) => {
    const { data, texts } = fixtureProject()
    data.project.name = 'Byzantine <test> & "friends"'
    return { data, texts, scope: {}, options: format ? { format } : {}, exportedAt: '2026-11-26T12:00:00.000Z' }
  }

  it('writes CSV unless HTML is asked for, named and typed for the download', () => {
    const csv = exportVerificationReport(input())
    expect(csv.files).toHaveLength(1)
    expect(csv.files[0]).toMatchObject({ name: 'verification-report.csv', mediaType: 'text/csv' })
    expect((csv.files[0].content as string).split('\r\n')[0]).toBe(REPORT_COLUMNS.join(','))
    const row = Papa.parse<string[]>(csv.files[0].content as string, { skipEmptyLines: true }).data.find((r) => r[15] === 'ann_1390')!
    expect(row.slice(4, 15)).toEqual(['Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus', 'pp. 339-342', 'contradicted', 'John VII Palaiologos', '0', '4', 'John',
      'date: 1390 ≠ 1391', 'Checked, "mostly", against vol. 6; p. 39', 'Ada Historian', '2026-11-26T10:00:00.000Z'])
    const unchecked = Papa.parse<string[]>(csv.files[0].content as string, { skipEmptyLines: true }).data.find((r) => r[15] === 'ann_brief' && r[16] === 'cit_zach')!
    expect(unchecked.slice(5, 15)).toEqual(['', 'unchecked', '', '', '', '', '', '', '', ''])
    expect(exportVerificationReport(input('pdf')).files[0].name).toBe('verification-report.csv')
    const html = exportVerificationReport(input('html'))
    expect(html.files[0]).toMatchObject({ name: 'verification-report.html', mediaType: 'text/html' })
    expect(html.files[0].content as string).toMatch(/^<!doctype html>\n[^]*<title>Verification report — Byzantine &lt;test&gt; &amp; &quot;friends&quot;<\/title>/)
    expect(html.losses).toEqual([])
  })

  it('shows each claim beside its source passage with the verdict, counts verdicts, and escapes every text', () => {
    const { data } = fixtureProject()
    data.annotations.ann_1390.citations[0].verification!.note = 'note with <b>markup</b> & \'quotes\''
    const page = verificationHtml(verificationRowsOf(data), 'Report <1> & "2"', '2026-11-26T12:00:00.000Z')
    expect(page).toContain('<title>Report &lt;1&gt; &amp; &quot;2&quot;</title>')
    expect(page).toContain('<h1>Report &lt;1&gt; &amp; &quot;2&quot;</h1>')
    expect(page).toContain('content="default-src \'none\'; style-src \'unsafe-inline\'"')
    expect(page).toContain('<p>3 cited claims. Supported: 1 · Contradicted: 1 · Unchecked: 1. Exported 2026-11-26T12:00:00.000Z. Offsets are Unicode code points.</p>')
    expect(page).not.toContain('<script')
    const section = page.split('<section').find((s) => s.includes('Contradicted</span>'))!
    const claim = data.annotations.ann_1390.target
    expect(section).toContain(`class="row contradicted">`)
    expect(section).toContain(`<h2><span class="badge">Contradicted</span> John VII Palaiologos <small>[${claim.start}–${claim.end}]</small></h2>`)
    expect(section).toContain('<blockquote class="claim"><p>1390</p><footer>cites Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus, pp. 339-342</footer></blockquote>')
    expect(section).toContain('<blockquote class="source"><p>John</p><footer>John VII Palaiologos [0–4]</footer></blockquote>')
    expect(section).toContain('<ul class="discrepancies"><li class="differs">date: 1390 ≠ 1391</li></ul>')
    expect(section).toContain('<p class="note">note with &lt;b&gt;markup&lt;/b&gt; &amp; &#39;quotes&#39;</p>')
    expect(section).toContain('<p class="by">Ada Historian, 2026-11-26T10:00:00.000Z</p>')
    const unchecked = page.split('<section').find((s) => s.includes('Unchecked</span>'))!
    expect(unchecked).toContain('<footer>cites Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus</footer>')
    expect(unchecked).toContain('<p class="none">No source passage recorded.</p>')
    expect(unchecked).not.toContain('class="discrepancies"')
    expect(unchecked).not.toContain('class="note"')
    expect(unchecked).not.toContain('class="by"')
    expect(unchecked).toContain('<p class="none">No source passage recorded.</p></blockquote>\n  </div>\n  \n  \n  \n</section>')
    const one = verificationHtml(verificationRowsOf(data).slice(0, 1), 't', 'now')
    expect(one).toContain('<p>1 cited claim. ')
    data.annotations.ann_1390.citations[0].verification!.discrepancies[0].variant = true
    expect(verificationHtml(verificationRowsOf(data), 't', 'now')).toContain('<li class="variant">date: 1390 ~ 1391 (variant)</li>')
  })
})

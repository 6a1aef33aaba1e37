import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../../src/main/import/import-file'
import { SILENT } from '../../../../src/main/import/import-progress'
import type { ParsedDocument } from '../../../../src/shared/import/parsed-document'
import { makePdf, type PdfLineSpec } from '../../../helpers/make-documents'
import { corpusPath, ROOT } from '../../../helpers/temp-dir'

const MILETUS = corpusPath('bib/miletus/pdf/milet-bibliographie-by-year-pdf.pdf')

/** The text of each block of `kind`. */
function blocks(doc: ParsedDocument, kind: string): { label?: string; text: string }[] {
  const cps = [...doc.text]
  return doc.structure.filter((b) => b.kind === kind).map((b) => ({ label: b.label, text: cps.slice(b.start, b.end).join('') }))
}

const R = 523 // right edge of the text column, in points
const head = (n: string): PdfLineSpec[] => [{ text: 'A HISTORY OF TESTING', x: 230, y: 40, size: 9 }, { text: n, x: 290, y: 800, size: 9 }]

/** Three pages of a book printed as pp. 12–14, with running heads, a footnote and a heading. */
const BOOK: PdfLineSpec[][] = [
  [
    ...head('12'),
    { text: 'Chapter One', x: 72, y: 100, size: 18 },
    { text: 'The first paragraph begins here and runs on for a while, across', x: 90, y: 140, justify: R },
    { text: 'several lines of the page, with a word broken at the end of his-', x: 72, y: 154, justify: R },
    { text: 'tory and a compound that must keep its hyphen, the Anglo-', x: 72, y: 168, justify: R },
    { text: 'Saxon kingdoms of the seventh century.', x: 72, y: 182 },
    { text: 'A second paragraph starts with an indent and does not end on', x: 90, y: 196, justify: R },
    { text: 'this page, for it runs over the page break into the next page', x: 72, y: 210, justify: R },
    { text: '1 A note at the foot of the first page.', x: 72, y: 760, size: 8 }
  ],
  [...head('13'), { text: 'where it ends.', x: 72, y: 100 }, { text: 'A short third paragraph.', x: 90, y: 114 }],
  [...head('14'), { text: 'Page three holds the last words of the chapter.', x: 90, y: 100 }]
]

describe('PDF import (pdfjs text layer)', () => {
  it('rebuilds paragraphs, undoes line-end hyphenation, keeps running heads and page numbers out, and labels pages with their printed numbers', async () => {
    const doc = await importFile('book.pdf', await makePdf(BOOK), {}, SILENT)
    expect(doc.format).toBe('pdf')
    expect(blocks(doc, 'page').map((p) => p.label)).toEqual(['12', '13', '14'])
    expect(doc.text).not.toContain('A HISTORY OF TESTING')
    expect(doc.text).not.toMatch(/^1[234]$/m)
    expect(blocks(doc, 'heading').map((h) => h.text)).toEqual(['Chapter One'])
    expect(blocks(doc, 'paragraph').map((p) => p.text)).toEqual([
      'The first paragraph begins here and runs on for a while, across several lines of the page, with a word broken at the end of history and a compound that must keep its hyphen, the Anglo-Saxon kingdoms of the seventh century.',
      'A second paragraph starts with an indent and does not end on this page, for it runs over the page break into the next page where it ends.',
      'A short third paragraph.',
      'Page three holds the last words of the chapter.'
    ])
    expect(blocks(doc, 'note').map((n) => n.text)).toEqual(['1 A note at the foot of the first page.'])
    // Page 13 starts inside the paragraph that runs over from page 12.
    expect(blocks(doc, 'page')[1].text.startsWith('where it ends.')).toBe(true)
  })

  it('reads two columns left then right', async () => {
    const left = ['In the left column the story', 'begins with the first words', 'and goes on down the page', 'until the column is full and']
    const right = ['the right column takes it up', 'again and brings the story', 'to its proper conclusion at', 'the foot of the second column.']
    const lines: PdfLineSpec[] = [...left.map((t, i) => ({ text: t, x: 72, y: 100 + 14 * i, justify: 285 })), ...right.map((t, i) => ({ text: t, x: 310, y: 100 + 14 * i, justify: 523 }))]
    lines[7] = { text: right[3], x: 310, y: 100 + 14 * 3 } // the last line ends short
    const doc = await importFile('columns.pdf', await makePdf([lines]), {}, SILENT)
    expect(blocks(doc, 'paragraph').map((p) => p.text)).toEqual([[...left, ...right].join(' ')])
  })

  it('uses the PDF’s own page labels when it has them (roman front matter, then arabic)', async () => {
    const pages = [1, 2, 3, 4].map((n) => [{ text: `Text of the ${['first', 'second', 'third', 'fourth'][n - 1]} page.`, x: 72, y: 100 }])
    const doc = await importFile('labels.pdf', await makePdf(pages, { pageLabels: [{ start: 0, style: 'r' }, { start: 2, style: 'D', first: 1 }] }), {}, SILENT)
    expect(blocks(doc, 'page').map((p) => [p.label, p.text])).toEqual([
      ['i', 'Text of the first page.'], ['ii', 'Text of the second page.'], ['1', 'Text of the third page.'], ['2', 'Text of the fourth page.']
    ])
  })

  it.skipIf(!existsSync(MILETUS))('reads the Miletus bibliography: 102 pages with their printed labels, a chosen page’s text, no page numbers in the text', async () => {
    const doc = await importFile('milet.pdf', new Uint8Array(readFileSync(MILETUS)), {}, SILENT)
    const pages = blocks(doc, 'page')
    expect(pages).toHaveLength(102)
    expect(pages.slice(0, 6).map((p) => p.label)).toEqual(['1', 'II', 'III', 'IV', '1', '2'])
    // PDF page 39 is printed as p. 35: a locator "p. 35" finds this block.
    const p35 = pages.find((p) => p.label === '35')!
    expect(pages.indexOf(p35)).toBe(38)
    expect(p35.text.startsWith('S. Gök‑Gürhan, Balat İlyas Bey Külliyesi Kazısı’nda Ortaya Çıkarılan Seramiklerin Değerlendirilmesi (2007‑2008)')).toBe(true)
    expect(p35.text).toContain('W. Günther, Funde aus Milet XXV. Hellenistische Bürgerrechts‑ und Proxenielisten aus dem Delphinion')
    // The printed page number at the foot of each page is not part of the text.
    for (const p of pages.slice(4, 20)) expect(p.text.trimEnd().endsWith(`\n${p.label}`)).toBe(false)
    expect(doc.text).toMatch(/\p{Script=Greek}{4,}/u) // Greek titles survive
    const entries = blocks(doc, 'paragraph').filter((p) => p.text.startsWith('J.‑M. Henke, Cypriote Terracottas'))
    expect(entries).toHaveLength(1) // an entry's wrapped lines are one paragraph
    expect(entries[0].text).toContain('Cyprus and the East Aegean: Intercultural Contacts from 3000 to 500 BC.')
  }, 60_000)

  it('refuses a truncated PDF and an encrypted one with a message naming the file', async () => {
    const whole = await makePdf(BOOK)
    const cut = whole.slice(0, Math.floor(whole.length / 3))
    await expect(importFile('cut.pdf', cut, {}, SILENT)).rejects.toThrow(/^cut\.pdf: .*damaged or truncated/)
    const encrypted = new Uint8Array(readFileSync(join(ROOT, 'tests', 'fixtures', 'import', 'encrypted.pdf')))
    await expect(importFile('locked.pdf', encrypted, {}, SILENT)).rejects.toThrow('locked.pdf: the PDF is encrypted with a password')
  })

  it('refuses a file named .pdf that is not a PDF, and takes a PDF named .txt for what it is', async () => {
    await expect(importFile('fake.pdf', new TextEncoder().encode('just text'), {}, SILENT)).rejects.toThrow('fake.pdf: is named .pdf but its content is not a PDF')
    const doc = await importFile('really-a-pdf.txt', await makePdf(BOOK), {}, SILENT)
    expect(doc.format).toBe('pdf')
  })
})

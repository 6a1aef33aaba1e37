import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { splitBibtex } from '../../../../src/shared/bib/bibtex-entries'
import { readBibliography } from '../../../../src/shared/bib/read-bibliography'
import { splitRis } from '../../../../src/shared/bib/ris-records'
import { planMerge } from '../../../../src/shared/citations/dedupe'
import { corpusPath } from '../../../helpers/temp-dir'

const MILETUS = corpusPath('bib/miletus')
const enc = (s: string) => new TextEncoder().encode(s)

describe('malformed entries', () => {
  const bib = [
    '@string{dop = {Dumbarton Oaks Papers}}',
    '@article{good1, title={John VII}, author={Zachariadou, Elizabeth A.}, journal=dop, year={1977}}',
    '@article{bad1, title={Broken, author={X}, year=2001}',
    '@book{good2, title={Byzantium}, author={Necipo{\\u g}lu, Nevra}, year={2009}}',
    '@book{bad2, title="unterminated, year={2001}}',
    '@misc{good3, title={Last}}',
    ''
  ].join('\n')

  it('skips each bad BibTeX entry with its line, key and reason; reads the rest (macros included)', () => {
    const r = readBibliography('x.bib', enc(bib))
    expect(r.items.map((i) => i.key)).toEqual(['good1', 'good2', 'good3'])
    expect(r.items.map((i) => i.line)).toEqual([2, 4, 6])
    expect(r.items[0].item['container-title']).toBe('Dumbarton Oaks Papers')
    expect(r.items[1].item.author).toEqual([{ family: 'Necipoğlu', given: 'Nevra' }])
    expect(r.skipped.map((s) => [s.line, s.key])).toEqual([[3, 'bad1'], [5, 'bad2']])
    for (const s of r.skipped) expect(s.reason.length).toBeGreaterThan(5)
  })

  it('splits entries by line even when one is never closed', () => {
    const chunks = splitBibtex(bib)
    expect(chunks.map((c) => [c.type, c.key, c.line, c.closed])).toEqual([
      ['string', '', 1, true], ['article', 'good1', 2, true], ['article', 'bad1', 3, false],
      ['book', 'good2', 4, true], ['book', 'bad2', 5, true], ['misc', 'good3', 6, true]
    ])
  })

  it('skips a RIS record without TY or ER, and a CSL-JSON item without type', () => {
    const ris = 'TY  - BOOK\rTI  - One\rER  - \r\rTI  - No type\rER  - \r\rTY  - JOUR\rTI  - Three\rER  - \r'
    const r = readBibliography('x.ris', enc(ris))
    expect(r.items.map((i) => i.item.title)).toEqual(['One', 'Three'])
    expect(r.skipped).toEqual([{ line: 5, key: '', reason: 'record does not start with a TY tag' }])
    const json = '[\n  {"id": "a", "type": "book", "title": "A"},\n  {"id": "b", "title": "B"},\n  {"id": "c", "type": "book", "author": "Nobody"}\n]'
    const j = readBibliography('x.json', enc(json))
    expect(j.items.map((i) => i.key)).toEqual(['a'])
    expect(j.skipped).toEqual([{ line: 3, key: 'b', reason: 'has no "type"' }, { line: 4, key: 'c', reason: '"author" is not a list of names' }])
  })

  it('refuses a file that is not UTF-8 or not a bibliography', () => {
    expect(() => readBibliography('x.bib', new Uint8Array([0x40, 0xff, 0xfe]))).toThrow(/UTF-8/)
    expect(() => readBibliography('x.txt', enc('just some prose'))).toThrow(/format not recognised/)
  })
})

describe.skipIf(!existsSync(MILETUS))('the Miletus bibliography in each format', () => {
  const read = (f: string) => readBibliography(f, readFileSync(join(MILETUS, f)))
  let bibtex: ReturnType<typeof read>
  let biblatex: ReturnType<typeof read>
  let ris: ReturnType<typeof read>
  // Read when the tests run, not when they are collected (a plain clone has no Miletus files).
  beforeAll(() => {
    bibtex = read('Milet_Bibliography_BibTeX.bib')
    biblatex = read('Milet_Bibliography_BibLaTeX.bib')
    ris = read('Milet_Bibliography_RIS.ris')
  })

  it('reads all 1,394 entries from BibTeX, BibLaTeX and RIS (bare CR line ends)', () => {
    for (const r of [bibtex, biblatex, ris]) {
      expect(r.items).toHaveLength(1394)
      expect(r.skipped).toEqual([])
    }
    // Without normalising CR, the RIS file is one record: check the splitter sees them all.
    const text = readFileSync(join(MILETUS, 'Milet_Bibliography_RIS.ris'), 'utf8')
    expect(text.includes('\r') && !text.includes('\r\n')).toBe(true)
    expect(splitRis(text.replace(/\r\n?/g, '\n'))).toHaveLength(1394)
  })

  it('keeps Greek and diacritics intact', () => {
    const find = (r: typeof bibtex) => r.items.find((i) => String(i.item.abstract ?? '').includes('Hestia ('))
    for (const r of [biblatex, ris]) expect(String(find(r)?.item.abstract)).toContain('Ἑστία')
    // BibTeX writes Turkish letters as LaTeX escapes ({\c s}); they come back as letters.
    const tanman = bibtex.items.find((i) => i.key === 'tanman_2011_SunusIntroduction')!
    expect(tanman.item.title).toBe('Sunuş / Introduction')
    expect(tanman.item.publisher).toBe('Söktaş')
  })

  it('merges the same 2 duplicates in every format, leaving 1,392 items', () => {
    for (const r of [bibtex, biblatex, ris]) {
      const plan = planMerge([], r.items)
      expect(plan.create).toHaveLength(1392)
      expect(plan.merged.map((m) => m.by)).toEqual([
        'tya:milet grabungsgeschichte|2000|graeve',
        'tya:die kratere der archaischen zeit aus milet|2011|panteleon'
      ])
    }
  })
})

describe('BibTeX entry splitting', () => {
  it('reads parenthesis-delimited entries, ignores comments and text between entries', () => {
    const text = [
      'Some preamble text that BibTeX ignores.',
      '@comment{this is not an entry}',
      '@Book(gibbon1788,',
      '  title = {The History of the Decline and Fall of the {Roman} Empire (vol. 6)},',
      '  author = {Gibbon, Edward}, year = 1788)',
      '@article{x, title={A}, note={an @ sign inside}}',
      ''
    ].join('\n')
    const chunks = splitBibtex(text)
    expect(chunks.map((c) => [c.type, c.key, c.line, c.closed])).toEqual([['comment', '', 2, true], ['book', 'gibbon1788', 3, true], ['article', 'x', 6, true]])
    const r = readBibliography('x.bib', enc(text))
    expect(r.skipped).toEqual([])
    expect(r.items.map((i) => i.item.title)).toEqual(['The History of the Decline and Fall of the Roman Empire (vol. 6)', 'A'])
  })
})

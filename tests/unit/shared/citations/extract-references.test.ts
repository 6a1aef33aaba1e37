import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractReferences } from '../../../../src/shared/citations/extract-references'
import type { Citation } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { normaliseText } from '../../../../src/shared/text/normalise'
import { corpusPath, SEED_PATH } from '../../../helpers/temp-dir'

const seed = normaliseText(readFileSync(SEED_PATH, 'utf8'))
const BAYEZID = corpusPath('wiki/markdown-chinapedia/Bayezid_I.md')

describe('glued references (seed layout)', () => {
  const proposals = extractReferences(seed)
  const index = new CodePointIndex(seed)

  it('finds both glued references and nothing else in the seed', () => {
    expect(proposals.map((p) => p.kind)).toEqual(['glued', 'glued'])
    expect(proposals[0].exact).toBe('Elizabeth A. Zachariadou, "John VII (Alias Andronicus) Palaeologus", Dumbarton Oaks Papers, 31 (1977), pp. 339-342')
    expect(proposals[1].exact).toBe('Necipoglu (2009), p. 39')
  })

  it('splits each reference cleanly from its sentence, with code point offsets', () => {
    const [z, n] = proposals
    expect(z.claim.exact.startsWith('While he was Emperor')).toBe(true)
    expect(z.claim.exact.endsWith('he governed in his birth name.')).toBe(true)
    expect(z.claim.end).toBe(z.start) // the claim ends exactly where the glued reference begins
    expect(n.claim.exact).toBe('There he governed as a semi-independent ruler for the rest of his life (1403–1408), using the title "Emperor of All Thessaly".')
    expect(n.claim.end).toBe(n.start)
    for (const p of proposals) {
      expect(index.slice(p.start, p.end)).toBe(p.exact)
      expect(index.slice(p.claim.start, p.claim.end)).toBe(p.claim.exact)
    }
    // The seed has Greek before the references: code points and UTF-16 indices agree there
    // (all BMP), so check the offsets against a count of code points explicitly.
    expect(z.start).toBe([...seed.slice(0, seed.indexOf('Elizabeth A.'))].length)
  })

  it("parses Zachariadou's article into CSL fields", () => {
    const item = proposals[0].item!
    expect(item.type).toBe('article-journal')
    expect(item.author).toEqual([{ family: 'Zachariadou', given: 'Elizabeth A.' }])
    expect(item.title).toBe('John VII (Alias Andronicus) Palaeologus')
    expect(item['container-title']).toBe('Dumbarton Oaks Papers')
    expect(item.volume).toBe('31')
    expect(item.issued).toEqual({ 'date-parts': [[1977]] })
    expect(item.page).toBe('339-342')
  })

  it('keeps the short reference partial with its locator, and matches it to a full item when the bibliography has one', () => {
    expect(proposals[1].partial).toBe(true)
    expect(proposals[1].locator).toBe('p. 39')
    const necipoglu: Citation = {
      id: 'cit_n',
      item: { id: 'cit_n', type: 'book', title: 'Byzantium between the Ottomans and the Latins', author: [{ family: 'Necipoğlu', given: 'Nevra' }], issued: { 'date-parts': [[2009]] } },
      created: '', modified: ''
    }
    const other: Citation = { ...necipoglu, id: 'cit_o', item: { ...necipoglu.item, id: 'cit_o', issued: { 'date-parts': [[1999]] }, title: 'Another work' } }
    const matched = extractReferences(seed, [other, necipoglu])[1]
    expect(matched.match).toMatchObject({ ref: 'cit_n', by: 'author-year' })
    expect(matched.partial).toBe(false)
    expect(matched.locator).toBe('p. 39')
  })

  it('does not take an initial for a sentence end', () => {
    const text = 'He wrote it in 1400.John V.A. Fine, _The Late Medieval Balkans_, (The University of Michigan Press, 1994), 424.'
    const ps = extractReferences(text)
    expect(ps).toHaveLength(1)
    expect(ps[0].exact.startsWith('John V.A. Fine')).toBe(true)
    expect(ps[0].item?.author).toEqual([{ family: 'Fine', given: 'John V.A.' }])
    expect(ps[0].locator).toBe('p. 424')
  })
})

describe('author–year references in running text', () => {
  it('finds narrative and parenthetical forms with locators, not a place followed by a year', () => {
    const text = 'As Necipoglu (2009), p. 39 shows, he ruled Thessalonica. Peace came from Karaman (1391). The city fell (Shaw 1976, p. 30).'
    const ps = extractReferences(text)
    expect(ps.map((p) => p.exact)).toEqual(['Necipoglu (2009), p. 39', '(Shaw 1976, p. 30)'])
    expect(ps[0].claim.exact).toBe('As Necipoglu (2009), p. 39 shows, he ruled Thessalonica.')
    expect(ps[1].locator).toBe('p. 30')
    expect(ps[1].claim.exact).toBe('The city fell (Shaw 1976, p. 30).')
  })
})

describe('numbered footnotes (Bayezid_I.md)', () => {
  const text = normaliseText(readFileSync(BAYEZID, 'utf8'))
  const ps = extractReferences(text)

  it('finds every [n] marker of the body with its note', () => {
    const notes = ps.filter((p) => p.kind === 'footnote')
    expect(notes).toHaveLength(31)
    expect(notes.map((p) => p.note!.number)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1))
    // No `[1725]` from inside note 29, no glued reference found in the notes list.
    expect(ps.every((p) => p.kind === 'footnote')).toBe(true)
  })

  it('attaches a marker to the sentence it closes', () => {
    const four = ps.find((p) => p.exact === '[4]')!
    expect(four.claim.exact).toBe('He adopted the title of Sultan-i Rûm, Rûm being an old Islamic name for the Roman Empire.')
    const two = ps.find((p) => p.exact === '[2]')!
    expect(two.claim.exact).toBe('He was the son of Murad I[2][3] and Gülçiçek Hatun.')
  })

  it('parses the notes and resolves short notes to the full one', () => {
    const two = ps.find((p) => p.exact === '[2]')!
    expect(two.note!.exact).toBe('Lowry, Heath W. (2003) _The Nature of the Early Ottoman State_. Albany, NY: State University of New York Press, p. 153')
    expect(two.item).toMatchObject({ title: 'The Nature of the Early Ottoman State', author: [{ family: 'Lowry', given: 'Heath W.' }], issued: { 'date-parts': [[2003]] }, publisher: 'State University of New York Press', 'publisher-place': 'Albany, NY' })
    expect(two.locator).toBe('p. 153')
    const seven = ps.find((p) => p.exact === '[7]')!
    expect(seven.match?.ref).toBe('note:6')
    expect(seven.locator).toBe('pp. 30f')
    const thirteen = ps.find((p) => p.exact === '[13]')!
    expect(thirteen.match?.ref).toBe('note:11')
    expect(thirteen.locator).toBe('pp. 1-3')
    const four = ps.find((p) => p.exact === '[4]')!
    expect(four.item).toBeUndefined() // empty note: marker found, nothing to propose
    expect(four.note!.exact).toBe('')
  })
})

describe('false positives kept out', () => {
  it('does not take dates, dotted names or template leftovers for references', () => {
    const text = [
      'It was accepted as a valid clade.January 2022 If Hecate is the "gate-keeper", Apollo is the "door-keeper" in 1990.',
      'The zodiac was known as MUL.APIN, "the plough", in 1000 BC.',
      'Studios include TMS and P.A.Works, founded "recently" in 2000.',
      'Sales rose to date (May 2018).'
    ].join('\n')
    expect(extractReferences(text)).toEqual([])
  })

  const WP2TXT = corpusPath('wiki/wp2txt-format/wp2txt-1.0.0_testdata_en.txt')
  it.skipIf(!existsSync(WP2TXT))('finds no glued reference in the wp2txt sample, whose references were removed', () => {
    const ps = extractReferences(normaliseText(readFileSync(WP2TXT, 'utf8')))
    expect(ps.filter((p) => p.kind === 'glued')).toEqual([])
    // Parenthetical author–year cites of the linguistics articles are found, e.g. (Adelaar 1995).
    expect(ps.map((p) => p.exact)).toContain('(Adelaar 1995)')
  })
})

import { describe, expect, it } from 'vitest'
import { toCslLocator } from '../../../../src/shared/citations/locator'
import { parseReference } from '../../../../src/shared/citations/reference-parser'
import { htmlToSegments } from '../../../../src/shared/citations/rich-text'

describe('parseReference', () => {
  it('reads an encyclopedia entry with editors and a trailing page', () => {
    const r = parseReference('Halil Inalcik, "Bayezid I", _The Encyclopedia of Islam_, Vol. I, Ed. H.A.R. Gibb, J.H. Kramers, E. Levi-Provencal and J. Schacht, (Brill, 1986), 1118.')
    expect(r.item).toMatchObject({ type: 'entry-encyclopedia', title: 'Bayezid I', 'container-title': 'The Encyclopedia of Islam', volume: 'I', publisher: 'Brill', issued: { 'date-parts': [[1986]] } })
    expect(r.item.author).toEqual([{ family: 'Inalcik', given: 'Halil' }])
    expect(r.locator).toBe('p. 1118')
  })

  it('reads a book with place and publisher in parentheses', () => {
    const r = parseReference('Stanford Shaw, _History of the Ottoman Empire and Modern Turkey_ (Cambridge: University Press, 1976), vol. 1 p. 30')
    expect(r.item).toMatchObject({ type: 'book', title: 'History of the Ottoman Empire and Modern Turkey', 'publisher-place': 'Cambridge', publisher: 'University Press', volume: '1' })
    expect(r.locator).toBe('p. 30')
  })

  it('leaves out what it cannot read instead of guessing', () => {
    const r = parseReference('London: Printed & sold by J. Cluer, [1725]')
    expect(r.item.author).toBeUndefined()
    expect(r.short).toBe(true)
  })
})

describe('locators', () => {
  it('maps the usual abbreviations to CSL labels', () => {
    expect(toCslLocator('p. 39')).toEqual({ label: 'page', locator: '39' })
    expect(toCslLocator('pp. 339-342')).toEqual({ label: 'page', locator: '339-342' })
    expect(toCslLocator('ch. LXIV')).toEqual({ label: 'chapter', locator: 'LXIV' })
    expect(toCslLocator('fol. 12r')).toEqual({ label: 'folio', locator: '12r' })
    expect(toCslLocator('l. 5')).toEqual({ label: 'line', locator: '5' })
    expect(toCslLocator('42')).toEqual({ label: 'page', locator: '42' })
  })
})

describe('htmlToSegments', () => {
  it('turns citeproc HTML into flagged text, decoding entities and dropping tags', () => {
    expect(htmlToSegments('Zachariadou, “John.” <i>Dumbarton Oaks Papers</i> 31 &amp; <span style="font-variant:small-caps;">x</span><script>')).toEqual([
      { text: 'Zachariadou, “John.” ' },
      { text: 'Dumbarton Oaks Papers', italic: true },
      { text: ' 31 & ' },
      { text: 'x', smallCaps: true }
    ])
  })
})

describe('parseReference on notes of other Wikipedia articles', () => {
  it('reads author–year notes without parentheses, and page lists', () => {
    expect(parseReference('Kazhdan 1991, p. 63')).toMatchObject({ item: { author: [{ family: 'Kazhdan' }], issued: { 'date-parts': [[1991]] } }, locator: 'p. 63', short: true })
    expect(parseReference('Harris, 2007, pp. 24–25')).toMatchObject({ item: { author: [{ family: 'Harris' }], issued: { 'date-parts': [[2007]] } }, locator: 'pp. 24-25' })
    expect(parseReference('Choniates, pp. 303–304, 307').locator).toBe('pp. 303-304, 307')
  })

  it('reads an unmarked title after the author, a year after the author with a full stop, and a name suffix', () => {
    expect(parseReference('George Finlay, History of the Byzantine Empire, Dent, London, 1906, pp. 156–161.')).toMatchObject({
      item: { title: 'History of the Byzantine Empire', author: [{ family: 'Finlay', given: 'George' }], issued: { 'date-parts': [[1906]] } }, locator: 'pp. 156-161'
    })
    expect(parseReference('Janin, Raymond (1964). _Constantinople byzantine_. Paris: Institut Français d\'Études Byzantines. pp. 10f').item).toMatchObject({
      title: 'Constantinople byzantine', author: [{ family: 'Janin', given: 'Raymond' }], issued: { 'date-parts': [[1964]] }
    })
    // An unmarked title ends where Chicago's `(Place: Publisher, Year)` begins.
    expect(parseReference('Georg Ostrogorsky, Geschichte des byzantinischen Staates (München: Beck, 1963), p. 451')).toMatchObject({
      item: { title: 'Geschichte des byzantinischen Staates', author: [{ family: 'Ostrogorsky', given: 'Georg' }], 'publisher-place': 'München', publisher: 'Beck', issued: { 'date-parts': [[1963]] } }, locator: 'p. 451'
    })
    expect(parseReference('Speros Vryonis Jr., _The Decline of medieval Hellenism in Asia Minor_ (1971), 127').item.author).toEqual([{ family: 'Vryonis', given: 'Speros', suffix: 'Jr.' }])
  })

  it('does not take a lower-case italic phrase for a title', () => {
    expect(parseReference('J B Bury, History of the Later Roman Empire, p. 75. _et seqq_.').item.title).toBe('History of the Later Roman Empire')
  })
})

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

/** An item's language as one vocabulary (BCP 47), whatever the file called it. */
import { describe, expect, it } from 'vitest'
import { readBibliography } from '../../../../src/shared/bib/read-bibliography'
import { normaliseLanguage } from '../../../../src/shared/citations/language'

const enc = (s: string) => new TextEncoder().encode(s)

describe('normaliseLanguage', () => {
  it('turns BibLaTeX language names into tags, keeps tags, refuses the rest', () => {
    expect(normaliseLanguage('ngerman')).toBe('de')
    expect(normaliseLanguage('French')).toBe('fr')
    expect(normaliseLanguage('en-GB')).toBe('en-GB')
    expect(normaliseLanguage('grc')).toBe('grc')
    expect(normaliseLanguage('not a language!')).toBeUndefined()
    expect(normaliseLanguage('12')).toBeUndefined()
    expect(normaliseLanguage('  ')).toBeUndefined()
  })
})

describe('language read from a bibliography file', () => {
  it('a BibLaTeX langid and a RIS LA field arrive as tags', () => {
    const bib = readBibliography('x.bib', enc('@book{o, title={Geschichte des byzantinischen Staates}, author={Ostrogorsky, Georg}, year={1963}, langid={ngerman}}\n'))
    expect(bib.items[0].item.language).toBe('de')
    const ris = readBibliography('x.ris', enc('TY  - BOOK\nTI  - Le monde byzantin\nLA  - french\nPY  - 1970\nER  - \n'))
    expect(ris.items[0].item.language).toBe('fr')
  })
})

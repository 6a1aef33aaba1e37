/**
 * Formatting a bibliography item by item (kept per item) must give the order citeproc gives when it
 * formats the whole list: checked against citeproc itself on the Miletus bibliography, in both styles.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatBibliographyEntries, parseBibtexText, registerCslLocale, registerCslStyle } from '../../../../src/shared/bib/citation-js'
import { formattingGroups, itemFingerprint, sortForStyle } from '../../../../src/shared/citations/bibliography-order'
import { CITATION_STYLES, type CslItem } from '../../../../src/shared/model'
import { corpusPath, ROOT } from '../../../helpers/temp-dir'

const MILETUS = corpusPath('bib/miletus/Milet_Bibliography_BibTeX.bib')

beforeAll(() => {
  const dir = join(ROOT, 'resources', 'csl')
  registerCslLocale('en-US', readFileSync(join(dir, 'locales-en-US.xml'), 'utf8'))
  for (const style of CITATION_STYLES) registerCslStyle(style, readFileSync(join(dir, `${style}.csl`), 'utf8'))
})

const person = (family: string, given: string, particle?: string) => ({ family, given, ...(particle ? { 'non-dropping-particle': particle } : {}) })

describe('bibliography order without citeproc', () => {
  it('sorts by family names without particles, a work by fewer of the same creators first, then title or year', () => {
    const items: CslItem[] = [
      { id: 'b', type: 'book', title: 'Beta', author: [person('Graeve', 'Volkmar', 'von'), person('Adiego', 'Ignacio')], issued: { 'date-parts': [[1997]] } },
      { id: 'a', type: 'book', title: 'Zeta', author: [person('Graeve', 'Volkmar', 'von')], issued: { 'date-parts': [[1990]] } },
      { id: 'c', type: 'book', title: 'Alpha', author: [person('Borg', 'Klaas', 'van der')], issued: { 'date-parts': [[2004]] } },
      { id: 'd', type: 'book', title: 'Eta', author: [person('Graeve', 'Volkmar', 'von')], issued: { 'date-parts': [[1980]] } }
    ]
    const ids = (style: string) => sortForStyle(items.map((item) => ({ item })), style).map((x) => x.item.id)
    expect(ids('chicago-notes-bibliography')).toEqual(['c', 'd', 'a', 'b'])
    expect(ids('chicago-author-date')).toEqual(['c', 'd', 'a', 'b'])
  })

  it('formats items that a style tells apart by each other (same author and year) together, and keys items by their data', () => {
    const z = (id: string, title: string) => ({ item: { id, type: 'book', title, author: [person('Zachariadou', 'E.')], issued: { 'date-parts': [[1977]] } } as CslItem })
    const groups = formattingGroups([z('1', 'One'), z('2', 'Two'), { item: { id: '3', type: 'book', title: 'Three', author: [person('Other', 'A.')] } }])
    expect(groups.map((g) => g.map((x) => x.item.id))).toEqual([['1', '2'], ['3']])
    expect(itemFingerprint({ id: 'x', type: 'book', title: 'T' })).toBe(itemFingerprint({ title: 'T', type: 'book', id: 'y' }))
    expect(itemFingerprint({ id: 'x', type: 'book', title: 'T' })).not.toBe(itemFingerprint({ id: 'x', type: 'book', title: 'T2' }))
  })

  it.skipIf(!existsSync(MILETUS))('gives citeproc\'s own order on 60 Miletus items in both Chicago styles', () => {
    const all = parseBibtexText(readFileSync(MILETUS, 'utf8')).map((it, i) => ({ ...it, id: `c${i}` }))
    const sample = all.filter((_, i) => i % 23 === 3).slice(0, 60)
    const byId = new Map(sample.map((x) => [x.id, x]))
    for (const style of CITATION_STYLES) {
      const citeproc = formatBibliographyEntries(sample, style)
      const ours = sortForStyle([...citeproc].reverse().map((e) => ({ ...e, item: byId.get(e.id)! })), style)
      expect(ours.map((e) => e.id)).toEqual(citeproc.map((e) => e.id))
    }
  }, 180_000)
})

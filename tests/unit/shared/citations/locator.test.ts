/**
 * Locator labels map to CSL locator types, and a formatted note keeps the kind of every locator
 * (issue 13 item 6: "ch. LXV" came out as a bare "LXV" in Chicago notes).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatCiteSequence, registerCslLocale, registerCslStyle } from '../../../../src/shared/bib/citation-js'
import { cslCite, isNumericLocator, toCslLocator } from '../../../../src/shared/citations/locator'
import { CITATION_STYLES } from '../../../../src/shared/model'
import { ROOT } from '../../../helpers/temp-dir'

const GIBBON = {
  id: 'g', type: 'book', title: 'The History of the Decline and Fall of the Roman Empire', author: [{ family: 'Gibbon', given: 'Edward' }],
  publisher: 'Strahan & Cadell', issued: { 'date-parts': [[1788]] }
}

beforeAll(() => {
  const dir = join(ROOT, 'resources', 'csl')
  registerCslLocale('en-US', readFileSync(join(dir, 'locales-en-US.xml'), 'utf8'))
  for (const style of CITATION_STYLES) registerCslStyle(style, readFileSync(join(dir, `${style}.csl`), 'utf8'))
})

describe('locators', () => {
  it('maps the labels historians write to CSL locator types', () => {
    const cases: [string, string, string][] = [
      ['p. 341', 'page', '341'], ['pp. 339-342', 'page', '339-342'], ['ch. LXV', 'chapter', 'LXV'], ['chap. 3', 'chapter', '3'],
      ['fol. 12r', 'folio', '12r'], ['ff. 12r-13v', 'folio', '12r-13v'], ['l. 4', 'line', '4'], ['ll. 4-9', 'line', '4-9'],
      ['sec. 2', 'section', '2'], ['§ 12', 'section', '12'], ['vol. II', 'volume', 'II'], ['n. 14', 'note', '14'], ['bk. 3', 'book', '3'],
      ['col. 5', 'column', '5'], ['para. 7', 'paragraph', '7'], ['pt. 2', 'part', '2'], ['341', 'page', '341']
    ]
    for (const [written, label, locator] of cases) expect(toCslLocator(written), written).toEqual({ label, locator })
    expect(isNumericLocator('12r-13v')).toBe(true)
    expect(isNumericLocator('LXV')).toBe(false)
  })

  it('writes the kind of every locator into Chicago notes, a Roman chapter included', () => {
    const written = ['ch. LXV', 'chap. 65', 'fol. 12r', 'l. 4', 'sec. 3', 'p. 341', 'ch. LXIV-LXV']
    for (const style of CITATION_STYLES) {
      const notes = formatCiteSequence([GIBBON], written.map((l) => cslCite('g', l)), style, 'text')
      const tails = notes.map((n) => n.replace(/^.*1788\)?,? ?/, ''))
      expect(tails[0], style).toMatch(/^chap\. LXV\)?\.?$/)
      expect(tails[1], style).toMatch(/chap\. 65/)
      expect(tails[2], style).toMatch(/fol\. 12r/)
      expect(tails[3], style).toMatch(/line 4/)
      expect(tails[4], style).toMatch(/sec\. 3/)
      expect(tails[5], style).toMatch(/341/)
      expect(tails[6], style).toMatch(/chaps\. LXIV[-–]LXV/)
    }
  }, 120_000)
})

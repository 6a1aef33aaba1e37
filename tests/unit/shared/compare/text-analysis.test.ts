import { describe, expect, it } from 'vitest'
import { foldWord } from '../../../../src/shared/text/fold'
import { nameSimilarity } from '../../../../src/shared/compare/names'
import { findDates, findNumbers } from '../../../../src/shared/compare/numbers'
import { segmentSentences } from '../../../../src/shared/compare/segment'
import { tokenise } from '../../../../src/shared/text/tokenise'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

describe('folding and tokens', () => {
  it('repairs Latin-1-read-as-Mac-Roman damage and folds diacritics and ligatures', () => {
    expect(foldWord('PalÊologus')).toBe('palaeologus')
    expect(foldWord('Palæologus')).toBe('palaeologus')
    expect(foldWord('MÈmoires')).toBe('memoires')
    expect(foldWord('Iōannēs')).toBe('ioannes')
    expect(foldWord('ÊTES')).toBe('etes') // all capitals: a real capital, left alone before folding
  })

  it('gives code point offsets, also after astral characters', () => {
    const text = '😀 Bajazet’s army'
    const t = tokenise(text)
    const cp = new CodePointIndex(text)
    expect(t.map((x) => cp.slice(x.start, x.end))).toEqual(['Bajazet’s', 'army'])
    expect(t[0].norm).toBe('bajazet')
  })
})

describe('numbers and dates', () => {
  it('reads numbers in words and digits as values', () => {
    const values = findNumbers(tokenise('thirty thousand crowns, 30,000 men, four-and-twenty lords, a hundred thousand Christians, in 1402')).map((n) => n.value)
    expect(values).toEqual([30000, 30000, 24, 100000, 1402])
  })
  it('takes no Object.prototype member for a number word, month or irregular verb', () => {
    const t = tokenise('The constructor toString valueOf of the hasOwnProperty 12')
    expect(findNumbers(t).map((n) => n.value)).toEqual([12])
    expect(findDates(t, findNumbers(t))).toEqual([])
    for (const x of t) expect(typeof x.stem).toBe('string')
  })
  it('reads dates with a month name', () => {
    const t = tokenise('On April 14, 1390 and on the twenty-seventh of July')
    const d = findDates(t, findNumbers(t))
    expect(d.map((x) => [x.day, x.month, x.year])).toEqual([[14, 4, 1390], [27, 7, undefined]])
  })
})

describe('names', () => {
  it('treats transliterations as one name and different names as different', () => {
    for (const [a, b] of [['bayezid', 'bajazet'], ['timur', 'timour'], ['ankara', 'angora'], ['selymbria', 'selybria'], ['andronikos', 'andronicus'], ['murad', 'amurath'], ['musa', 'mousa'], ['kosovo', 'cossova'], ['suleyman', 'soliman'], ['mehmed', 'mahomet']]) {
      expect(nameSimilarity(a, b), `${a}/${b}`).toBeGreaterThanOrEqual(0.75)
    }
    for (const [a, b] of [['manuel', 'samuel'], ['constantinople', 'constantine'], ['andronikos', 'adrianople'], ['europe', 'arabia'], ['john', 'joan'], ['ottoman', 'domino'], ['timur', 'tibur']]) {
      expect(nameSimilarity(a, b), `${a}/${b}`).toBe(0)
    }
  })
})

describe('segmentation and locators', () => {
  it('splits hard-wrapped prose into sentences, not at reference abbreviations', () => {
    const text = 'The Greek fire is attested by\nSherefeddin, (l. v. c. 47;) but Voltaire doubts it. A second\nsentence follows.\n\nA new paragraph.'
    const s = segmentSentences(text)
    expect(s.map((x) => text.slice(x.start, x.end).replace(/\s+/g, ' '))).toEqual([
      'The Greek fire is attested by Sherefeddin, (l. v. c. 47;) but Voltaire doubts it.',
      'A second sentence follows.',
      'A new paragraph.'
    ])
    expect(s.map((x) => x.para)).toEqual([0, 0, 1])
  })
  it('splits a wiki reference glued to its sentence', () => {
    const text = 'he governed in his birth name.Elizabeth A. Zachariadou, "John VII", Dumbarton Oaks Papers'
    expect(segmentSentences(text).map((x) => text.slice(x.start, x.end))).toEqual(['he governed in his birth name.', 'Elizabeth A. Zachariadou, "John VII", Dumbarton Oaks Papers'])
  })
})

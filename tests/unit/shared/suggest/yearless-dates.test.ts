import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findDates } from '../../../../src/shared/suggest/date-finder'
import type { Suggestion } from '../../../../src/shared/suggest/types'
import { ROOT } from '../../../helpers/temp-dir'
import { HAVE_WIKI, wikiArticle } from '../../../helpers/wiki-articles'

const inferred = (text: string) => findDates(text).filter((d) => d.inferred).map((d) => [d.exact, d.edtf, d.inferredFrom?.exact])

describe('dates written without a year', () => {
  it('takes the year in force: on 5 February, by 13 April, the following March', () => {
    const text = 'In January 1204 Murtzuphlos rose. He was crowned on 5 February, and by 13 April the city had fallen. He fled the following March.'
    expect(inferred(text)).toEqual([
      ['5 February', '1204-02-05', 'January 1204'],
      ['13 April', '1204-04-13', 'January 1204'],
      ['the following March', '1205-03', 'January 1204']
    ])
  })

  it('reads years named relatively: the seed’s "co-emperor the following year" is 1377', () => {
    const seed = readFileSync(join(ROOT, 'documents', 'john-vii-palaiologos.txt'), 'utf8')
    expect(inferred(seed)).toEqual([['the following year', '1377', '1376']])
    expect(inferred('In March 1390 he fled; that same year he returned, and the previous year he had won.').map((d) => d[1])).toEqual(['1390', '1389'])
    expect(inferred("On 16 March 1980 he presented the next year's award.")).toEqual([]) // a possessive, not a date
  })

  it('moves the year on when the month falls well before the one in force, not for a step back', () => {
    expect(inferred('Antietam was fought in September 1862. The Proclamation came in January.')).toEqual([['January', '1863-01', 'September 1862']])
    expect(inferred('It was accepted on May 6, 1861, effective May 3. On April 28 he moved.').map((d) => d[1])).toEqual(['1861-05-03', '1861-04-28'])
  })

  it('uses a year later in the same sentence when none came before it in that sentence', () => {
    expect(inferred('Murad I was killed during (15 June), or immediately after (16 June), the Battle of Kosovo in 1389.').map((d) => d[1])).toEqual(['1389-06-15', '1389-06-16'])
  })

  it('does not infer from life spans, publication years or numbers, nor read May the verb', () => {
    expect(inferred('John VII (1370 – 22 September 1408) was emperor. On 14 April he ousted his grandfather.')).toEqual([])
    expect(inferred('Zachariadou (1977), p. 3. On 14 April he ousted him.')).toEqual([])
    expect(inferred('In 1390 he ruled. He may have fled in May, though it may be wrong.')).toEqual([['May', '1390-05', '1390']])
    expect(inferred('In 1777 the army lost 600 men. In 600 engagements, on October 7 it lost.')).toEqual([['October 7', '1777-10-07', '1777']])
  })

  it('leaves explicit dates as they were, and reads day ranges with their year', () => {
    const seed = readFileSync(join(ROOT, 'documents', 'john-vii-palaiologos.txt'), 'utf8')
    expect(findDates(seed).filter((d) => !d.inferred).map((d) => [d.exact, d.edtf])).toEqual([
      ['1370', '1370'], ['1408', '1408'], ['14th-century', '13XX'], ['1370', '1370'], ['22 September 1408', '1408-09-22'],
      ['1390', '1390'], ['1977', '1977'], ['1376', '1376'], ['1379', '1379'], ['1385', '1385'], ['April 14, 1390', '1390-04-14'],
      ['September 17, 1390', '1390-09-17'], ['1399', '1399'], ['July 20, 1402', '1402-07-20'], ['1387', '1387'],
      ['1403–1408', '1403/1408'], ['2009', '2009'], ['about 1400', '1400~'], ['1407', '1407']
    ])
    expect(findDates('On May 9–10, 1860, and from 5 February to 12 April 1204.').map((d) => [d.exact, d.edtf])).toEqual([
      ['May 9–10, 1860', '1860-05-09/1860-05-10'], ['5 February to 12 April 1204', '1204-02-05/1204-04-12']
    ])
  })
})

const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/

interface GoldItem { corpus: 'wp2txt' | 'chinapedia'; article: string; context: string; quote: string; edtf: string | null; fresh?: boolean }
const gold = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'dates', 'yearless-gold.json'), 'utf8')) as { items: GoldItem[] }

interface Score { dates: number; found: number; correct: number; recall: number; precision: number }

/**
 * Recall and precision of yearless-date suggestions on the hand-labelled articles of `items`
 * (every month name without a year in them is labelled: a date, or `null` for none).
 */
function evaluate(find: (text: string) => Suggestion[], items: GoldItem[]): Score {
  let found = 0
  let correct = 0
  for (const key of new Set(items.map((g) => `${g.corpus}\t${g.article}`))) {
    const [corpus, article] = key.split('\t') as [GoldItem['corpus'], string]
    const text = wikiArticle(corpus, article)
    const cp = [...text]
    const spans = items.filter((g) => g.article === article).map((g) => {
      const u = text.indexOf(g.context) + g.context.indexOf(g.quote)
      const start = [...text.slice(0, u)].length
      return { ...g, start, end: start + [...g.quote].length }
    })
    // A suggestion naming a month but no year is a yearless one, whichever finder made it.
    const yearless = find(text).filter((d) => {
      const exact = cp.slice(d.start, d.end).join('')
      return MONTH.test(exact) && !/\d{3,4}/.test(exact)
    })
    found += yearless.length
    for (const d of yearless) if (spans.some((g) => d.start < g.end && g.start < d.end && g.edtf !== null && d.edtf === g.edtf)) correct++
  }
  const dates = items.filter((g) => g.edtf !== null).length
  return { dates, found, correct, recall: correct / dates, precision: found ? correct / found : 0 }
}

const show = (s: Score) => `recall ${s.recall.toFixed(2)} (${s.correct}/${s.dates}), precision ${s.found ? s.precision.toFixed(2) : 'n/a'} (${s.correct}/${s.found})`

describe.skipIf(!HAVE_WIKI)('yearless dates on Wikipedia articles the finder was not tuned on (needs ../shared/corpus)', () => {
  const before = (t: string) => findDates(t).filter((d) => !d.inferred)
  it('recall and precision on hand-labelled dates; the fresh set was labelled before the finder ever ran on it', () => {
    const heldOut = gold.items.filter((g) => !g.fresh)
    const fresh = gold.items.filter((g) => g.fresh)
    const scores = { heldOut: evaluate(findDates, heldOut), fresh: evaluate(findDates, fresh) }
    console.log(`yearless dates, held out (5 articles): before ${show(evaluate(before, heldOut))}; after ${show(scores.heldOut)}`)
    console.log(`yearless dates, fresh (2 articles): before ${show(evaluate(before, fresh))}; after ${show(scores.fresh)}`)
    expect(evaluate(before, gold.items).correct).toBe(0)
    expect(scores.heldOut.recall).toBeGreaterThan(0.8)
    expect(scores.heldOut.precision).toBeGreaterThan(0.8)
    expect(scores.fresh.recall).toBeGreaterThan(0.7)
    expect(scores.fresh.precision).toBeGreaterThan(0.6)
  })
})

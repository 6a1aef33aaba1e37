/** The per-document agreement table built from historians' annotations (authors are the raters). */
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { Annotation, Entity } from '../../../../src/shared/model'
import { agreementCsv, computeAgreement } from '../../../../src/shared/team/agreement/report'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { makeAnnotation, rangeOf } from '../../../helpers/export-fixture'

const TEXT = 'Manuel II left Constantinople for Venice; John VII held the city against Bayezid.'
const index = new CodePointIndex(TEXT)
const T = '2026-11-26T10:00:00.000Z'
const entity = (id: string, type: Entity['type']): Entity => ({ id, type, label: id, aliases: [], description: '', authorities: [], dates: {}, created: T, modified: T })
const entities = { manuel: entity('manuel', 'person'), cple: entity('cple', 'place'), venice: entity('venice', 'place'), john: entity('john', 'person') }

let n = 0
function ann(author: string, quote: string, extra: { tags?: string[]; entityIds?: string[] }): Annotation {
  const [s, e] = rangeOf(index, quote)
  return { ...makeAnnotation(`ann_${n++}`, 'doc', index, s, e, extra), author }
}

const annotations = [
  ann('Ada', 'Manuel II', { tags: ['ruler'], entityIds: ['manuel'] }),
  ann('Ben', 'Manuel II', { tags: ['ruler'], entityIds: ['manuel'] }),
  ann('Ada', 'Constantinople', { tags: ['city'], entityIds: ['cple'] }),
  ann('Ben', 'Constantinople', { tags: ['ruler'], entityIds: ['cple'] }), // tag disagreement, type agreement
  ann('Ada', 'Venice', { tags: ['city'], entityIds: ['venice'] }),
  ann('Ben', 'Venice', { tags: ['city'] }), // no entity: no unit of the type study
  ann('Ben', 'John VII', { tags: ['ruler'], entityIds: ['john'] }), // only Ben
  ann('Ben', 'Bayezid', {}) // no label at all: not part of either study
]

describe('computeAgreement', () => {
  it('by tag: pairwise κ, α and αu for all tags and per tag, from the authors of the annotations', () => {
    const report = computeAgreement({ documentId: 'doc', length: index.length, annotations, entities, by: 'tag' })
    expect(report.raters).toEqual(['Ada', 'Ben'])
    const get = (category: string | null, measure: string) => report.rows.find((r) => r.category === category && r.measure === measure)!
    // Positions both annotated: Manuel (ruler/ruler), Constantinople (city/ruler), Venice (city/city); John only Ben.
    // Cohen: A_O = 2/3; Ada city 2 ruler 1, Ben city 1 ruler 2 → A_E = (2·1 + 1·2)/9 = 4/9; κ = (2/9)/(5/9) = 0.4
    expect(get(null, 'cohen-kappa')).toMatchObject({ value: expect.closeTo(0.4, 10), items: 3, raters: ['Ada', 'Ben'] })
    // α over 4 positions, John has one value only → 3 pairable items, n = 6: city 3, ruler 3.
    // D_O = 1 disagreeing item × 2 / 6 = 1/3; D_E = (30 − 6 − 6)/30 = 0.6; α = 1 − (1/3)/0.6 = 0.444444
    expect(get(null, 'krippendorff-alpha').value).toBeCloseTo(4 / 9, 10)
    expect(get('city', 'cohen-kappa').value).not.toBeNull()
    expect(get('ruler', 'krippendorff-alpha-u').value).toBeLessThan(1) // Ben's extra ruler spans
    expect(report.rows.filter((r) => r.raters.length === 2 && r.category === null).map((r) => r.measure)).toEqual([
      'cohen-kappa', 'fleiss-kappa', 'krippendorff-alpha', 'krippendorff-alpha-u'
    ])
  })

  it('by type: entity types of the linked entities; agreeing people and places give κ = 1', () => {
    const report = computeAgreement({ documentId: 'doc', length: index.length, annotations, entities, by: 'type' })
    const kappa = report.rows.find((r) => r.category === null && r.measure === 'cohen-kappa')!
    expect(kappa).toMatchObject({ value: 1, items: 2 }) // Manuel and Constantinople; Venice only Ada typed it
    const place = report.rows.find((r) => r.category === 'place' && r.measure === 'krippendorff-alpha-u')!
    expect(place.value).toBeLessThan(1) // Ada marked Venice as a place, Ben did not
  })

  it('adds all-raters rows for three raters, counts a rater named without annotations, and writes CSV', () => {
    const report = computeAgreement({ documentId: 'doc', length: index.length, annotations, entities, by: 'tag', raters: ['Ada', 'Ben', 'Cy'] })
    const all = report.rows.filter((r) => r.raters.length === 3 && r.category === null)
    expect(all.map((r) => r.measure)).toEqual(['fleiss-kappa', 'krippendorff-alpha', 'krippendorff-alpha-u'])
    const withCy = report.rows.find((r) => r.category === null && r.measure === 'cohen-kappa' && r.raters.includes('Cy'))!
    expect(withCy).toMatchObject({ value: null, note: expect.any(String) })
    const parsed = Papa.parse<string[]>(agreementCsv(report).trim(), { newline: '\r\n' }).data
    expect(parsed[0]).toEqual(['document', 'by', 'category', 'measure', 'raters', 'value', 'items', 'note'])
    expect(parsed).toHaveLength(report.rows.length + 1)
    expect(Number(parsed.find((r) => r[2] === '*' && r[3] === 'cohen-kappa' && r[4] === 'Ada;Ben')![5])).toBeCloseTo(0.4, 10)
    expect(parsed.find((r) => r[3] === 'cohen-kappa' && r[4] === 'Ada;Cy')![5]).toBe('')
  })

  it('leaves out a position a rater annotated twice (stacked), as INCEpTION does', () => {
    const stacked = [...annotations, ann('Ada', 'Manuel II', { tags: ['person'] })]
    const report = computeAgreement({ documentId: 'doc', length: index.length, annotations: stacked, entities, by: 'tag' })
    expect(report.stacked).toHaveLength(1)
    expect(report.rows.find((r) => r.category === null && r.measure === 'cohen-kappa')!.items).toBe(2)
  })
})

import { describe, expect, it } from 'vitest'
import { dedupKeys, fillMissing, itemLabel, normaliseForKey } from '../../../../src/shared/citations/csl-item'
import { planMerge } from '../../../../src/shared/citations/dedupe'
import type { Citation, CslItem } from '../../../../src/shared/model'

const z: CslItem = { id: 'a', type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus', author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }], issued: { 'date-parts': [[1977]] } }

describe('dedup keys', () => {
  it('ignores case, punctuation and diacritics, and keeps Greek', () => {
    expect(normaliseForKey('Necipoğlu')).toBe(normaliseForKey('Necipoglu'))
    expect(normaliseForKey('Ἑστία, Βουλαῖα')).toBe('εστια βουλαια')
    expect(dedupKeys({ ...z, title: 'JOHN VII: Alias Andronicus, Palaeologus' })).toEqual(dedupKeys(z))
    expect(dedupKeys({ ...z, DOI: 'https://doi.org/10.2307/1291445' })[0]).toBe('doi:10.2307/1291445')
  })

  it('labels items for lists', () => {
    expect(itemLabel(z)).toBe('Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus')
  })

  it('fills only missing fields', () => {
    const { item, added } = fillMissing(z, { ...z, title: 'Other', volume: '31' })
    expect(item.title).toBe(z.title)
    expect(item.volume).toBe('31')
    expect(added).toEqual(['volume'])
  })
})

describe('planMerge', () => {
  const existing: Citation = { id: 'cit_1', item: z, created: '', modified: '' }
  it('merges a duplicate of a project item (filling its gaps) and a duplicate within the file', () => {
    const plan = planMerge([existing], [
      { item: { ...z, id: 'x', page: '339-342' }, line: 1, key: 'zach' },
      { item: { id: 'y', type: 'book', title: 'New', issued: { 'date-parts': [[2000]] } }, line: 5, key: 'new1' },
      { item: { id: 'w', type: 'book', title: 'new', issued: { 'date-parts': [[2000]] }, publisher: 'P' }, line: 9, key: 'new2' }
    ])
    expect(plan.create.map((c) => c.key)).toEqual(['new1'])
    expect(plan.create[0].item.publisher).toBe('P')
    expect(plan.update.get('cit_1')?.page).toBe('339-342')
    expect(plan.merged.map((m) => [m.key, m.into])).toEqual([['zach', 'cit_1'], ['new2', 'new1']])
  })

  it('does not merge articles that share an issue DOI, nor same-titled works in different containers', () => {
    const a: CslItem = { id: 'a', type: 'article-journal', title: 'A', DOI: '10.1/x', author: [{ family: 'N' }] }
    const b: CslItem = { id: 'b', type: 'article-journal', title: 'B', DOI: '10.1/x', author: [{ family: 'S' }] }
    const c: CslItem = { id: 'c', type: 'chapter', title: 'Miletus', 'container-title': 'Encyclopedia one', issued: { 'date-parts': [[2017]] }, author: [{ family: 'N' }] }
    const d: CslItem = { ...c, id: 'd', 'container-title': 'Archaeology of Byzantine Anatolia' }
    const plan = planMerge([], [a, b, c, d].map((item, i) => ({ item, line: i + 1, key: item.id })))
    expect(plan.create).toHaveLength(4)
    expect(plan.merged).toHaveLength(0)
  })
})

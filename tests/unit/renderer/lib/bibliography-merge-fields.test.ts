/** The side-by-side rows of two bibliography items and the item the historian's choices make (merge dialog). */
import { describe, expect, it } from 'vitest'
import { mergedItem, mergeRows } from '../../../../src/renderer/lib/bibliography-merge-fields'
import type { CslItem } from '../../../../src/shared/model'

const bib = { id: 'a', type: 'article-journal', title: 'John VII (Alias Andronicus) Palaeologus', author: [{ family: 'Zachariadou', given: 'E.' }], 'container-title': 'Dumbarton Oaks Papers', issued: { 'date-parts': [[1977]] } } as CslItem
const ris = { id: 'b', type: 'article-journal', title: 'Ioannes VII (alias Andronikos) Palaiologos', author: [{ family: 'Zachariadou', given: 'Elizabeth A.' }], 'container-title': 'Dumbarton Oaks Papers', volume: '31', issued: { 'date-parts': [[1977]] } } as CslItem

describe('merge rows', () => {
  it('lists each field once, in words, marking those both give alike', () => {
    const rows = mergeRows(bib, ris)
    expect(rows.map((r) => r.field)).toEqual(['type', 'title', 'author', 'container-title', 'issued', 'volume'])
    expect(rows.find((r) => r.field === 'author')).toMatchObject({ label: 'Author', a: 'Zachariadou, E.', b: 'Zachariadou, Elizabeth A.', same: false })
    expect(rows.find((r) => r.field === 'issued')).toMatchObject({ label: 'Date', a: '1977', same: true })
    expect(rows.find((r) => r.field === 'volume')).toMatchObject({ a: undefined, b: '31' })
  })

  it('takes each field from the side chosen, else the kept side, else the other; a side lacking a field leaves it out', () => {
    expect(mergedItem(bib, ris, 'a', new Map())).toEqual({ type: 'article-journal', title: bib.title, author: bib.author, 'container-title': 'Dumbarton Oaks Papers', issued: bib.issued, volume: '31' })
    const chosen = mergedItem(bib, ris, 'a', new Map([['author', 'b'], ['volume', 'a']]))
    expect(chosen.author).toEqual(ris.author)
    expect(chosen.title).toBe(bib.title)
    expect('volume' in chosen).toBe(false)
  })
})

/** Where the text a window shows first ends: never inside a reading block (the window lays out whole blocks). */
import { describe, expect, it } from 'vitest'
import type { Block } from '../../../../src/shared/model'
import { firstScreensEnd } from '../../../../src/shared/structure/first-screens-end'

const p = (start: number, end: number): Block => ({ kind: 'paragraph', start, end })

describe('firstScreensEnd', () => {
  it('moves the end on to the end of the reading block it falls in', () => {
    expect(firstScreensEnd([p(0, 40), p(41, 120), p(121, 300)], 300, 100)).toBe(120)
  })

  it('keeps an end that falls between blocks or on a block boundary', () => {
    expect(firstScreensEnd([p(0, 40), p(41, 120)], 300, 41)).toBe(41)
    expect(firstScreensEnd([p(0, 40), p(41, 120)], 300, 40)).toBe(40)
  })

  it('ignores page and line spans, which overlap paragraphs', () => {
    const pages: Block[] = [{ kind: 'page', start: 0, end: 250, label: '1' }, { kind: 'line', start: 90, end: 260, label: '5' }]
    expect(firstScreensEnd([...pages, p(0, 95), p(96, 200)], 300, 50)).toBe(95)
  })

  it('follows blocks in text order whatever their order in the structure, and nested ones', () => {
    // A heading block holding a nested note that ends later: both are in the first part.
    const structure: Block[] = [p(150, 300), { kind: 'note', start: 60, end: 140 }, { kind: 'heading', start: 0, end: 80, level: 2 }]
    expect(firstScreensEnd(structure, 300, 50)).toBe(140)
  })

  it('is the whole text for a text without reading blocks (laid out as one) or one shorter than the end', () => {
    expect(firstScreensEnd([], 5000, 100)).toBe(5000)
    expect(firstScreensEnd([{ kind: 'page', start: 0, end: 5000 }], 5000, 100)).toBe(5000)
    expect(firstScreensEnd([p(0, 40)], 40, 100)).toBe(40)
  })
})

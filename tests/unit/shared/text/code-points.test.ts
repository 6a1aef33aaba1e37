import { describe, expect, it } from 'vitest'
import { CodePointIndex, codePointLength, sliceCodePoints } from '../../../../src/shared/text/code-points'

// 𝔊 (U+1D50A) and 🏛 (U+1F3DB) are astral: two UTF-16 units, one code point each.
const TEXT = 'a𝔊b Ιωάννης 🏛 e\u0301nd 𝔊'

describe('CodePointIndex', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(TEXT.length).toBe(23)
    expect(codePointLength(TEXT)).toBe([...TEXT].length)
    expect(new CodePointIndex(TEXT).length).toBe(20)
  })

  it('round-trips every code point offset through UTF-16', () => {
    const index = new CodePointIndex(TEXT)
    for (let cp = 0; cp <= index.length; cp++) {
      expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp)
    }
  })

  it('slices by code points exactly like Array.from', () => {
    const index = new CodePointIndex(TEXT)
    const chars = [...TEXT]
    for (let s = 0; s <= chars.length; s++) {
      for (let e = s; e <= chars.length; e++) expect(index.slice(s, e)).toBe(chars.slice(s, e).join(''))
    }
    expect(sliceCodePoints(TEXT, 1, 2)).toBe('𝔊')
  })

  it('never splits a surrogate pair: an index inside a pair rounds down to its start', () => {
    const index = new CodePointIndex(TEXT)
    // UTF-16 index 2 is the low surrogate of 𝔊 (which starts at 1).
    expect(index.toCodePoint(2)).toBe(1)
    expect(index.toCodePoint(1)).toBe(1)
    expect(index.toCodePoint(3)).toBe(2)
  })

  it('clamps out-of-range offsets', () => {
    const index = new CodePointIndex('ab')
    expect(index.toUtf16(99)).toBe(2)
    expect(index.toCodePoint(-5)).toBe(0)
  })
})

import { describe as suite, expect, it } from 'vitest'
import { describe } from '../../../../src/shared/anchoring'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

suite('describe', () => {
  it('gives the quote with 32 code points of context either side', () => {
    const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40)
    const t = describe(text, 40, 45)
    expect(t).toEqual({ start: 40, end: 45, exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) })
  })

  it('cuts context at the text edges', () => {
    expect(describe('Palaiologos', 0, 5)).toEqual({ start: 0, end: 5, exact: 'Palai', prefix: '', suffix: 'ologos' })
  })

  it('counts astral characters as one code point each', () => {
    // U+1D50A MATHEMATICAL FRAKTUR G and U+10000 LINEAR B SYLLABLE A are surrogate pairs in UTF-16.
    const text = '𝔊𐀀 Ιωάννης Ζ\' Παλαιολόγος'
    const t = describe(text, 3, 10)
    expect(t.exact).toBe('Ιωάννης')
    expect(t.prefix).toBe('𝔊𐀀 ')
    expect([...t.prefix].length).toBe(3)
  })

  it('keeps combining marks as code points of their own', () => {
    const text = 'x\u0301y' // x + COMBINING ACUTE: no precomposed form, stays two code points after NFC
    expect(describe(text, 0, 2).exact).toBe('x\u0301')
  })

  it('reuses a CodePointIndex', () => {
    const idx = new CodePointIndex('𝔊 John VII')
    expect(describe(idx, 2, 6).exact).toBe('John')
  })

  it('rejects ranges outside the text', () => {
    expect(() => describe('abc', 2, 1)).toThrow(RangeError)
    expect(() => describe('abc', 0, 4)).toThrow(/0–3 code points/)
    expect(() => describe('abc', -1, 1)).toThrow(RangeError)
  })
})

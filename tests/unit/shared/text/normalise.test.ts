import { describe, expect, it } from 'vitest'
import { decodeUtf8Strict, InvalidUtf8Error, normaliseText } from '../../../../src/shared/text/normalise'
import { widenToGraphemes } from '../../../../src/shared/text/graphemes'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

describe('normaliseText', () => {
  it('strips a BOM, turns CRLF and CR into LF, composes to NFC', () => {
    expect(normaliseText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n')
    // e + combining acute → é (one code point)
    expect(normaliseText('e\u0301')).toBe('\u00e9')
    expect([...normaliseText('Ιωα\u0301ννης')].length).toBe(7)
  })
})

describe('decodeUtf8Strict', () => {
  it('decodes valid UTF-8 including Greek and astral characters', () => {
    const bytes = new TextEncoder().encode('Παλαιολόγος 𝔊')
    expect(decodeUtf8Strict(bytes)).toBe('Παλαιολόγος 𝔊')
  })
  it('rejects Latin-1 bytes with the offset of the first bad byte instead of guessing', () => {
    const bytes = new Uint8Array([0x50, 0x61, 0x6c, 0xe6, 0x6f]) // "Palæo" in Latin-1
    expect(() => decodeUtf8Strict(bytes)).toThrow(InvalidUtf8Error)
    try {
      decodeUtf8Strict(bytes)
    } catch (err) {
      expect((err as InvalidUtf8Error).byteOffset).toBe(3)
    }
  })
})

describe('widenToGraphemes', () => {
  it('widens a range that would cut a letter from its combining mark', () => {
    // Not NFC-composable: q + combining dot below stays two code points, one grapheme.
    const index = new CodePointIndex('aq\u0323b')
    expect(widenToGraphemes(index, 1, 2)).toEqual({ start: 1, end: 3 })
    expect(widenToGraphemes(index, 2, 4)).toEqual({ start: 1, end: 4 })
  })
  it('keeps an emoji ZWJ sequence whole', () => {
    const family = '👩\u200d👩\u200d👧'
    const index = new CodePointIndex(`x${family}y`)
    expect(widenToGraphemes(index, 2, 3)).toEqual({ start: 1, end: 1 + [...family].length })
  })
  it('leaves ranges on boundaries unchanged', () => {
    const index = new CodePointIndex('Ιωάννης Ζ')
    expect(widenToGraphemes(index, 0, 7)).toEqual({ start: 0, end: 7 })
  })
})

import { describe, expect, it } from 'vitest'
import { refineSelection } from '../../../../src/renderer/lib/grapheme-range'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

/** The code points [start, end) of `text`. */
const cpSlice = (text: string, s: { start: number; end: number }) => [...text].slice(s.start, s.end).join('')

describe('refineSelection (offsets in code points)', () => {
  it('keeps a clean selection as it is', () => {
    const text = "John VII (Greek: Ιωάννης Ζ' Παλαιολόγος) was emperor"
    const start = [...text].indexOf('Ι')
    const span = refineSelection(text, start, start + [..."Ιωάννης Ζ' Παλαιολόγος"].length)!
    expect(cpSlice(text, span)).toBe("Ιωάννης Ζ' Παλαιολόγος")
  })

  it('trims white space a drag picks up at either end', () => {
    const text = 'the  Battle of Ankara \n(1402)'
    const span = refineSelection(text, 3, 22)!
    expect(cpSlice(text, span)).toBe('Battle of Ankara')
  })

  it('returns undefined for a selection of white space only', () => {
    expect(refineSelection('a   \n  b', 1, 6)).toBeUndefined()
  })

  it('widens an end that falls between a letter and its combining mark', () => {
    // q + U+0307 (no precomposed form, so NFC keeps two code points).
    const text = 'siglum q\u0307 here'
    const q = [...text].indexOf('q')
    const span = refineSelection(text, 0, q + 1)!
    expect(cpSlice(text, span)).toBe('siglum q\u0307')
  })

  it('widens a start that falls on a combining mark back to its base letter', () => {
    const text = 'q\u0307q\u0307 end'
    const span = refineSelection(text, 1, 4)!
    expect(cpSlice(text, span)).toBe('q\u0307q\u0307')
  })

  it('never splits an astral character, and counts it as one code point', () => {
    const text = 'numeral \u{10143} fifty'
    const index = new CodePointIndex(text)
    const at = [...text].indexOf('\u{10143}')
    const span = refineSelection(text, at, at + 1, index)!
    expect(span).toEqual({ start: at, end: at + 1 })
    expect(cpSlice(text, span)).toBe('\u{10143}')
  })

  it('keeps an emoji sequence whole (one grapheme of several code points)', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'
    const text = `a ${family} b`
    const span = refineSelection(text, 3, 4)!
    expect(cpSlice(text, span)).toBe(family)
  })

  it('accepts the ends in either order', () => {
    const text = 'Selymbria (Silivri)'
    expect(refineSelection(text, 9, 0)).toEqual({ start: 0, end: 9 })
  })
})

/**
 * Property tests (fast-check) of normalisation and code-point offsets over arbitrary Unicode —
 * astral characters, combining marks, CR/CRLF, BOMs, lone surrogates — not only chosen examples.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CodePointIndex, codePointLength, sliceCodePoints } from '../../../../src/shared/text/code-points'
import { widenToGraphemes } from '../../../../src/shared/text/graphemes'
import { normaliseText } from '../../../../src/shared/text/normalise'
import { runs } from '../../../helpers/property-runs'

/** Text rich in what breaks offsets: astral letters, combining accents, CR, CRLF, BOM, emoji sequences. */
const hostileText = fc.array(fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom('\r\n', '\r', '\n', '\ufeff', 'e\u0301', 'A\u030a', '𝔊', '𓂀', '🏛', '👩‍👩‍👧', '🇫🇷', 'Ἰωάννης', 'ﬁ'),
  fc.string({ unit: 'binary', maxLength: 4 })
), { maxLength: 40 }).map((parts) => parts.join(''))

const wellFormed = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('e\u0301', '𝔊', '👩‍👩‍👧', '🇫🇷', '\n')), { maxLength: 40 }).map((p) => p.join(''))

describe('normaliseText', () => {
  it('is idempotent, leaves no CR, starts with no BOM, and is NFC', () => {
    fc.assert(fc.property(hostileText, (raw) => {
      const n = normaliseText(raw)
      expect(normaliseText(n)).toBe(n)
      expect(n).not.toContain('\r')
      expect(n.charCodeAt(0)).not.toBe(0xfeff)
      expect(n.normalize('NFC')).toBe(n)
    }), { numRuns: runs(1000) })
  })

  it('keeps the line count: every CRLF and every lone CR becomes exactly one LF', () => {
    fc.assert(fc.property(hostileText, (raw) => {
      const breaks = (raw.match(/\r\n|\r|\n/g) ?? []).length
      expect((normaliseText(raw).match(/\n/g) ?? []).length).toBe(breaks)
    }), { numRuns: runs(1000) })
  })
})

describe('code-point offsets', () => {
  it('count code points as [...text] does, and convert to UTF-16 and back exactly', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const index = new CodePointIndex(text)
      const points = [...text]
      expect(index.length).toBe(points.length)
      expect(codePointLength(text)).toBe(points.length)
      let utf16 = 0
      for (let cp = 0; cp <= points.length; cp++) {
        expect(index.toUtf16(cp)).toBe(utf16)
        expect(index.toCodePoint(utf16)).toBe(cp)
        utf16 += points[cp]?.length ?? 0
      }
    }), { numRuns: runs(500) })
  })

  it('slice [start, end) is the same code points as Array.from, so a slice never splits a surrogate pair', () => {
    fc.assert(fc.property(wellFormed, fc.nat(), fc.nat(), (text, a, b) => {
      const n = [...text].length
      const [start, end] = [a % (n + 1), b % (n + 1)].sort((x, y) => x - y)
      const s = sliceCodePoints(text, start, end)
      expect(s).toBe([...text].slice(start, end).join(''))
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s)).toBe(false) // no lone surrogate
    }), { numRuns: runs(1000) })
  })

  it('widening a selection to graphemes contains it and lands on grapheme boundaries', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    fc.assert(fc.property(wellFormed, fc.nat(), fc.nat(), (text, a, b) => {
      const index = new CodePointIndex(text)
      const [start, end] = [a % (index.length + 1), b % (index.length + 1)].sort((x, y) => x - y)
      const w = widenToGraphemes(index, start, end)
      expect(w.start).toBeLessThanOrEqual(start)
      expect(w.end).toBeGreaterThanOrEqual(end)
      const bounds = new Set([index.length])
      for (const { index: u } of segmenter.segment(text)) bounds.add(index.toCodePoint(u))
      expect(bounds.has(w.start) && bounds.has(w.end)).toBe(true)
    }), { numRuns: runs(500) })
  })
})

/**
 * Conversion between Unicode code point offsets (the unit of every stored and exported offset)
 * and UTF-16 code unit indices (the unit of JavaScript strings and the DOM).
 *
 * Texts are mostly BMP-only; a CodePointIndex records only the UTF-16 positions of astral
 * characters (surrogate pairs), so each conversion is a binary search over those: O(log k).
 */

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/** Precomputed offset conversions for one text. */
export class CodePointIndex {
  /** UTF-16 indices of the high surrogate of each astral character, ascending. */
  private readonly astral: number[] = []
  /** Length of the text in code points. */
  readonly length: number

  constructor(readonly text: string) {
    for (let i = 0; i < text.length - 1; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.astral.push(i)
        i++
      }
    }
    this.length = text.length - this.astral.length
  }

  /** Number of astral characters starting before UTF-16 index `u`. */
  private astralBeforeUtf16(u: number): number {
    let lo = 0
    let hi = this.astral.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.astral[mid] < u) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /**
   * UTF-16 index → code point offset. An index in the middle of a surrogate pair is
   * rounded down to the start of that character (a selection never splits a pair).
   */
  toCodePoint(utf16: number): number {
    const u = Math.max(0, Math.min(utf16, this.text.length))
    const before = this.astralBeforeUtf16(u)
    // If u points at the low surrogate of a pair, the pair started at u-1 and was counted above.
    if (before > 0 && this.astral[before - 1] === u - 1) return u - 1 - (before - 1)
    return u - before
  }

  /** Code point offset → UTF-16 index. */
  toUtf16(codePoint: number): number {
    const cp = Math.max(0, Math.min(codePoint, this.length))
    // Find the number of astral chars k with cpOffset(astral[k]) < cp, where cpOffset(a_k) = a_k - k.
    let lo = 0
    let hi = this.astral.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.astral[mid] - mid < cp) lo = mid + 1
      else hi = mid
    }
    return cp + lo
  }

  /** The code points [start, end) of the text. */
  slice(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end))
  }
}

/** The code points [start, end) of `text` (builds a throwaway index; reuse a CodePointIndex in loops). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return new CodePointIndex(text).slice(start, end)
}

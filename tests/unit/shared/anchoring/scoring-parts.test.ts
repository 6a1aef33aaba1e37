/**
 * The parts anchoring decides with, tested one by one with exact values: edit distance and
 * similarity, the candidate score (quote, context, position, the distinctive-quote floor), the
 * candidate searches (exact, fuzzy, bracketed, snapping to whole characters) and the old → new
 * offset map. Each expected figure follows from the documented rule, so a changed weight, bound or
 * comparison shows.
 */
import fc from 'fast-check'
import { describe as suite, expect, it } from 'vitest'
import { OffsetMap } from '../../../../src/shared/anchoring/offset-map'
import { DISTINCTIVE_QUOTE_LENGTH, MIN_SCORE, quoteSimilarity, scoreCandidate, type ScoringContext } from '../../../../src/shared/anchoring/score'
import { bracketCandidate, exactCandidates, fuzzyCandidates, MAX_ERRORS, MAX_EXACT_CANDIDATES, maxErrorsFor, snapToCharacters } from '../../../../src/shared/anchoring/search'
import { editDistance, similarity } from '../../../../src/shared/anchoring/similarity'
import { runs } from '../../../helpers/property-runs'

/** Textbook Levenshtein, for comparison. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 0; j <= b.length; j++) d[0][j] = j
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
  return d[a.length][b.length]
}

suite('edit distance and similarity', () => {
  it('gives the known distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('flaw', 'lawn')).toBe(2)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('Bajazet', 'Bajazet')).toBe(0)
    expect(similarity('', '')).toBe(1)
    expect(similarity('abcd', 'abcf')).toBe(0.75)
    expect(similarity('ab', 'abcd')).toBe(0.5)
    expect(similarity('xyz', 'abc')).toBe(0)
  })

  it('equals the textbook Levenshtein distance on any pair', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => editDistance(a, b) === reference(a, b)), { numRuns: runs(1000) })
  })
})

suite('candidate score', () => {
  const text = 'prefix-ctx QUOTE suffix-ctx'
  const at = { startUtf16: 11, endUtf16: 16, errors: 0 }
  const ctx = (o: Partial<ScoringContext>): ScoringContext => ({ text, quote: 'QUOTE', prefix: '', suffix: '', unique: false, ...o })

  it('is 1 for an exact quote in its own context at its old position', () => {
    expect(scoreCandidate(at, ctx({ prefix: 'prefix-ctx ', suffix: ' suffix-ctx', hintUtf16: 11 }))).toBe(1)
  })

  it('without context or position is the quote similarity alone', () => {
    expect(scoreCandidate(at, ctx({}))).toBe(1)
    expect(scoreCandidate({ ...at, errors: 1 }, ctx({}))).toBe(0.8)
    expect(quoteSimilarity({ startUtf16: 0, endUtf16: 10, errors: 2 }, 5)).toBe(0.8) // over the longer of the two
    expect(quoteSimilarity({ startUtf16: 0, endUtf16: 0, errors: 0 }, 0)).toBe(1)
    expect(quoteSimilarity({ startUtf16: 0, endUtf16: 2, errors: 9 }, 2)).toBe(0)
  })

  it('weighs quote 50, prefix 20, suffix 20: an unrelated prefix leaves 70/90', () => {
    const other = 'zzzzzzzzzzz' // nothing in common with the text before the quote
    expect(scoreCandidate(at, ctx({ prefix: other, suffix: ' suffix-ctx' }))).toBeCloseTo(70 / 90, 10)
    expect(scoreCandidate(at, ctx({ prefix: 'prefix-ctx ', suffix: 'zzzzzzzzzzz' }))).toBeCloseTo(70 / 90, 10)
    expect(scoreCandidate(at, ctx({ prefix: other, suffix: 'zzzzzzzzzzz' }))).toBeCloseTo(50 / 90, 10)
  })

  it('counts a context similarity of 0.3 or less as no evidence, and rescales above it', () => {
    // 'prefix-ctx ' vs 'prefix-xxx ': 2 of 11 differ (c, t) → similarity 9/11 → evidence (9/11 − 0.3)/0.7.
    const evidence = (9 / 11 - 0.3) / 0.7
    expect(scoreCandidate(at, ctx({ prefix: 'prefix-xxx ' }))).toBeCloseTo((50 + 20 * evidence) / 70, 10)
  })

  it('collapses whitespace and cuts the actual context from the quote side', () => {
    // Stored with a run of spaces and a line break; the text has single spaces: same evidence as exact.
    const t = 'xxxxab cd QUOTE ef gh yyyy'
    const c = { startUtf16: 10, endUtf16: 15, errors: 0 }
    const s = { text: t, quote: 'QUOTE', unique: false }
    expect(scoreCandidate(c, { ...s, prefix: 'ab  \n cd ', suffix: '' })).toBe(1)
    expect(scoreCandidate(c, { ...s, prefix: '', suffix: ' ef \n\n gh' })).toBe(1)
  })

  it('uses position only as a tie-breaker: nearer is better, by its 2/92 share', () => {
    const near = scoreCandidate(at, ctx({ prefix: 'prefix-ctx ', suffix: ' suffix-ctx', hintUtf16: 11 }))
    const far = scoreCandidate(at, ctx({ prefix: 'prefix-ctx ', suffix: ' suffix-ctx', hintUtf16: 11 + text.length }))
    expect(near).toBe(1)
    expect(far).toBeCloseTo(90 / 92, 10)
  })

  it('floors the context of a long, unique, almost exact quote at half evidence, counting code points', () => {
    const quote = 'x'.repeat(DISTINCTIVE_QUOTE_LENGTH)
    const t = `aaaaaaaa${quote}bbbbbbbb`
    const c = { startUtf16: 8, endUtf16: 8 + quote.length, errors: 0 }
    const base = { text: t, quote, prefix: 'qqqqqqqq', suffix: 'rrrrrrrr' }
    expect(scoreCandidate(c, { ...base, unique: true })).toBeCloseTo((50 + 10 + 10) / 90, 10)
    expect(scoreCandidate(c, { ...base, unique: false })).toBeCloseTo(50 / 90, 10)
    const short = quote.slice(1)
    expect(scoreCandidate({ ...c, endUtf16: c.endUtf16 - 1 }, { ...base, quote: short, unique: true })).toBeCloseTo(50 / 90, 10)
    // 23 astral letters are 46 UTF-16 units but 23 code points: not long enough.
    const astral = '𝔊'.repeat(DISTINCTIVE_QUOTE_LENGTH - 1)
    const ta = `aaaaaaaa${astral}bbbbbbbb`
    expect(scoreCandidate({ startUtf16: 8, endUtf16: 8 + astral.length, errors: 0 }, { text: ta, quote: astral, prefix: 'qqqqqqqq', suffix: 'rrrrrrrr', unique: true })).toBeCloseTo(50 / 90, 10)
    // Found with too many errors (similarity below 0.9): no floor either.
    expect(scoreCandidate({ ...c, errors: 3 }, { ...base, unique: true })).toBeCloseTo((50 * (1 - 3 / 24)) / 90, 10)
  })

  it('accepts at 0.75 and not below', () => {
    expect(MIN_SCORE).toBe(0.75)
  })
})

suite('candidate search', () => {
  it('finds every exact occurrence, overlapping ones included, and none of an empty quote', () => {
    expect(exactCandidates('aaaa', 'aa').map((c) => c.startUtf16)).toEqual([0, 1, 2])
    expect(exactCandidates('abc', '')).toEqual([])
    expect(exactCandidates('a'.repeat(MAX_EXACT_CANDIDATES + 10), 'a')).toHaveLength(MAX_EXACT_CANDIDATES)
    expect(exactCandidates('x John y', 'John')).toEqual([{ startUtf16: 2, endUtf16: 6, errors: 0 }])
  })

  it('allows half the quote in edits, capped', () => {
    expect(maxErrorsFor('abcdefg')).toBe(3)
    expect(maxErrorsFor('abcdefgh', 0.25)).toBe(2)
    expect(maxErrorsFor('a'.repeat(10_000))).toBe(MAX_ERRORS)
  })

  it('finds fuzzy matches with their errors, offsets from the window start, one per overlap', () => {
    const text = 'Manuel II sought help in the West; Manuel III did not.'
    const found = fuzzyCandidates(text, 'Manuel IV', 0, text.length)
    expect(found.map((c) => [c.startUtf16, c.errors])).toEqual([[0, 1], [35, 1]])
    const windowed = fuzzyCandidates(text, 'Manuel IV', 30, text.length)
    expect(windowed.map((c) => c.startUtf16)).toEqual([35])
    expect(fuzzyCandidates(text, '')).toEqual([])
    expect(fuzzyCandidates('nothing alike here', 'Bajazet', 0, 18, 0.25)).toEqual([])
  })

  it('snaps a match to whole characters: never inside a surrogate pair or before a combining mark', () => {
    const t = 'a𝔊b e\u0301c'
    expect(snapToCharacters(t, { startUtf16: 2, endUtf16: 3, errors: 0 })).toEqual({ startUtf16: 1, endUtf16: 3, errors: 0 })
    expect(snapToCharacters(t, { startUtf16: 1, endUtf16: 2, errors: 0 })).toEqual({ startUtf16: 1, endUtf16: 3, errors: 0 })
    expect(snapToCharacters(t, { startUtf16: 5, endUtf16: 6, errors: 1 })).toEqual({ startUtf16: 5, endUtf16: 7, errors: 1 })
    expect(snapToCharacters(t, { startUtf16: 6, endUtf16: 8, errors: 0 })).toEqual({ startUtf16: 5, endUtf16: 8, errors: 0 })
    expect(snapToCharacters(t, { startUtf16: 0, endUtf16: t.length, errors: 0 })).toEqual({ startUtf16: 0, endUtf16: t.length, errors: 0 })
  })

  it('brackets a rewritten passage between its intact prefix and suffix, nearest the hint', () => {
    const t = 'his wife was Keratsa (Kyratza) of Bulgaria, daughter of'
    const c = bracketCandidate(t, 'Keratsa of Bulgaria', 'wife was ', ', daughter', 13)
    expect(c).toEqual({ startUtf16: 13, endUtf16: 42, errors: editDistance('Keratsa of Bulgaria', 'Keratsa (Kyratza) of Bulgaria') })
    expect(bracketCandidate(t, 'Keratsa of Bulgaria', '', ', daughter', 13)).toBeUndefined()
    expect(bracketCandidate(t, 'Keratsa of Bulgaria', 'wife was ', '', 13)).toBeUndefined()
    expect(bracketCandidate(t, 'Keratsa of Bulgaria', 'not there ', ', daughter', 13)).toBeUndefined()
    expect(bracketCandidate(t, 'Keratsa of Bulgaria', 'wife was ', ' not there', 13)).toBeUndefined()
    // Too long or too short against the quote (more than 3× either way): not the same passage.
    expect(bracketCandidate(t, 'Kera', 'wife was ', ', daughter', 13)).toBeUndefined()
    expect(bracketCandidate('ab X cd', 'a much longer quote', 'ab ', ' cd', 3)).toBeUndefined()
    // Two prefixes: the one ending nearest the hint wins.
    const two = 'of A, of B, end'
    expect(bracketCandidate(two, 'B', 'of ', ', end', 9)?.startUtf16).toBe(9)
    expect(bracketCandidate(two, 'A, of B', 'of ', ', end', 2)?.startUtf16).toBe(3)
  })
})

suite('old → new offset map', () => {
  it('maps equal runs one to one and deleted text to where it was cut', () => {
    const m = new OffsetMap('abcXYZdef', 'abcdef!')
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((x) => m.map(x))).toEqual([0, 1, 2, 3, 3, 3, 3, 4, 5, 7])
  })

  it('shifts text after an insertion and is the identity for an unchanged text', () => {
    const m = new OffsetMap('John VII', 'Emperor John VII')
    expect(m.map(0)).toBe(8)
    expect(m.map(8)).toBe(16)
    const same = new OffsetMap('same', 'same')
    expect([0, 2, 4].map((x) => same.map(x))).toEqual([0, 2, 4])
  })

  it('maps in order, inside the new text, the end to the end, and a kept character to itself (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), (a, ins, b) => {
      const oldText = a + b
      const newText = a + ins + b
      const m = new OffsetMap(oldText, newText)
      let prev = 0
      for (let i = 0; i <= oldText.length; i++) {
        const x = m.map(i)
        if (x < prev || x > newText.length) return false
        prev = x
      }
      return m.map(oldText.length) === newText.length
    }), { numRuns: runs(500) })
  })
})

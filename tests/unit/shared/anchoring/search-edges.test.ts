/**
 * The candidate searches at their edges: fuzzy matches collapsed as documented (sorted, one per
 * overlap: fewest errors, then shortest), snapping at the very start and end of the text, and the
 * bracket search's window, tie-break and size bounds.
 */
import approxSearch from 'approx-string-match'
import fc from 'fast-check'
import { describe as suite, expect, it } from 'vitest'
import { bracketCandidate, fuzzyCandidates, LOCAL_WINDOW, maxErrorsFor, snapToCharacters } from '../../../../src/shared/anchoring/search'
import { runs } from '../../../helpers/property-runs'

/** The documented rule, written out plainly. */
function collapse(text: string, quote: string, from: number, to: number) {
  const ms = approxSearch(text.slice(from, to), quote, maxErrorsFor(quote)).map((m) => ({ startUtf16: m.start + from, endUtf16: m.end + from, errors: m.errors }))
  ms.sort((a, b) => (a.startUtf16 !== b.startUtf16 ? a.startUtf16 - b.startUtf16 : a.errors !== b.errors ? a.errors - b.errors : a.endUtf16 - b.endUtf16))
  const out: typeof ms = []
  for (const m of ms) {
    const last = out[out.length - 1]
    if (!last || m.startUtf16 >= last.endUtf16) out.push(m)
    else if (m.errors < last.errors || (m.errors === last.errors && m.endUtf16 - m.startUtf16 < last.endUtf16 - last.startUtf16)) out[out.length - 1] = m
  }
  return out
}

suite('fuzzy candidates', () => {
  it('are the matches sorted and collapsed one per overlap, fewest errors then shortest, in any window', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', ' ')
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }), fc.array(alphabet, { minLength: 1, maxLength: 6 }), fc.nat(), fc.nat(), (t, q, x, y) => {
      const text = t.join('')
      const quote = q.join('')
      const [from, to] = [x % (text.length + 1), y % (text.length + 1)].sort((a, b) => a - b)
      expect(fuzzyCandidates(text, quote, from, to)).toEqual(collapse(text, quote, from, to))
      expect(fuzzyCandidates(text, quote)).toEqual(collapse(text, quote, 0, text.length))
    }), { numRuns: runs(1500) })
  })

  it('keeps adjacent matches apart (touching is not overlapping)', () => {
    expect(fuzzyCandidates('abcabc', 'abc').map((c) => [c.startUtf16, c.endUtf16, c.errors])).toEqual([[0, 3, 0], [3, 6, 0]])
  })
})

suite('snapping at the edges of the text', () => {
  it('never goes before the start, even on a combining mark or a lone low surrogate there', () => {
    expect(snapToCharacters('\u0301ab', { startUtf16: 0, endUtf16: 2, errors: 0 }).startUtf16).toBe(0)
    expect(snapToCharacters('\udc00ab', { startUtf16: 0, endUtf16: 2, errors: 0 }).startUtf16).toBe(0)
    expect(snapToCharacters('ab\u0301', { startUtf16: 1, endUtf16: 2, errors: 0 }).endUtf16).toBe(3)
  })
})

suite('bracket search bounds', () => {
  const pad = (n: number) => '·'.repeat(n)

  it('looks for the prefix only within LOCAL_WINDOW of the hint, both ways (the edge included)', () => {
    const quote = 'the passage'
    const far = `of ${quote}, then${pad(5000)}`
    // The prefix starts at 0: searched from hint − LOCAL_WINDOW on.
    expect(bracketCandidate(far, quote, 'of ', ', then', LOCAL_WINDOW + 1)).toBeUndefined() // prefix too far before
    expect(bracketCandidate(far, quote, 'of ', ', then', LOCAL_WINDOW)?.startUtf16).toBe(3) // at the edge
    const after = `${pad(3000)}of ${quote}, then`
    expect(bracketCandidate(after, quote, 'of ', ', then', 3000 - LOCAL_WINDOW - 1)).toBeUndefined() // prefix too far after
    expect(bracketCandidate(after, quote, 'of ', ', then', 3000 - LOCAL_WINDOW)?.startUtf16).toBe(3003) // at the edge
  })

  it('between two prefixes equally far from the hint keeps the first', () => {
    const t = 'of X; of Y; end'
    // Prefix ends at 3 and at 9; hint 6 is 3 from each.
    expect(bracketCandidate(t, 'X; of Y', 'of ', '; end', 6)?.startUtf16).toBe(3)
  })

  it('accepts a passage up to 3× the quote and down to a third of it, a quote up to 2,000 units', () => {
    expect(bracketCandidate('<abcdefghi>', 'abc', '<', '>', 1)?.endUtf16).toBe(10) // 9 = 3 × 3
    expect(bracketCandidate('<abcdefghij>', 'abc', '<', '>', 1)).toBeUndefined() // 10 > 9
    expect(bracketCandidate('<abc>', 'abcdefghi', '<', '>', 1)?.endUtf16).toBe(4) // 3 × 3 = 9
    expect(bracketCandidate('<ab>', 'abcdefghi', '<', '>', 1)).toBeUndefined()
    const q = 'q'.repeat(2000)
    expect(bracketCandidate(`<${q}>`, q, '<', '>', 1)?.errors).toBe(0)
    expect(bracketCandidate(`<${q}q>`, q + 'q', '<', '>', 1)).toBeUndefined()
  })
})

import { describe as suite, expect, it } from 'vitest'
import { anchor, describe, MIN_SCORE } from '../../../../src/shared/anchoring'
import { sliceCodePoints } from '../../../../src/shared/text/code-points'

const SEED =
  'John VII Palaiologos (or Palaeologus) (Greek: Ιωάννης Ζ\' Παλαιολόγος, Iōannēs VII Palaiologos) (1370 – 22 September 1408) ' +
  'was Byzantine Emperor for five months in 1390. While he was Emperor, there is evidence showing he used the name ' +
  'Andronikos, after his father, although when he was regent during his brother\'s absence in the West, he governed in his birth name.'

/** Target of the first occurrence of `quote` in `text`, in code points. */
function target(text: string, quote: string, occurrence = 1) {
  let u = -1
  for (let i = 0; i < occurrence; i++) u = text.indexOf(quote, u + 1)
  if (u < 0) throw new Error(`no ${quote}`)
  const start = [...text.slice(0, u)].length
  return describe(text, start, start + [...quote].length)
}

suite('anchor', () => {
  it('accepts the stored position when the text is unchanged', () => {
    const t = target(SEED, 'Byzantine Emperor')
    expect(anchor(SEED, t)).toEqual({ start: t.start, end: t.end, status: 'anchored', score: 1, method: 'position' })
  })

  it('finds a passage shifted by an insertion before it, at its new offsets', () => {
    const t = target(SEED, 'five months in 1390')
    const edited = 'Preface added in a new edition. ' + SEED
    const r = anchor(edited, t)
    expect(r.status).toBe('moved')
    expect(r.method).toBe('quote')
    expect(sliceCodePoints(edited, r.start, r.end)).toBe('five months in 1390')
    expect(r.start).toBe(t.start + 32)
    expect(r.score).toBeGreaterThan(0.95)
  })

  it('does not accept a stored position that now shows a different occurrence of the quote', () => {
    const text = 'the Emperor Manuel left; the Emperor John stayed in the city.'
    const t = target(text, 'Emperor', 2) // "the Emperor John"
    // Delete "Manuel left; the " so the old position of occurrence 2 now holds… nothing useful,
    // and shift things so occurrence 1's position equals the stored one.
    const edited = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxx Emperor Manuel left; the Emperor John stayed in the city.'
    const r = anchor(edited, t)
    expect(sliceCodePoints(edited, r.start - 4, r.end + 5)).toBe('the Emperor John')
    expect(r.status).toBe('moved')
  })

  it('disambiguates a repeated quote by its prefix and suffix', () => {
    const text = 'John V reigned. Later John VII reigned briefly. Then John VIII reigned long.'
    const t = target(text, 'reigned', 2)
    const edited = 'Much later: ' + text.replace('John V reigned.', 'John V reigned for decades.')
    const r = anchor(edited, t)
    expect(sliceCodePoints(edited, r.start - 9, r.end + 8)).toBe('John VII reigned briefly')
  })

  it('between identical passages, picks the one nearest the old position', () => {
    const unit = 'He was crowned. '
    const text = unit.repeat(6)
    const t = target(text, 'crowned', 4)
    const edited = 'Intro. ' + text
    const r = anchor(edited, { ...t })
    expect(r.start).toBe(t.start + 7)
    expect(r.status).toBe('moved')
  })

  it('refuses a bare quote that occurs twice with nothing to choose between them', () => {
    const r = anchor('John met John.', { exact: 'John' })
    expect(r).toMatchObject({ status: 'orphaned', reason: 'ambiguous' })
  })

  it('anchors a bare unique quote without position or context (an import from another tool)', () => {
    expect(anchor(SEED, { exact: 'Andronikos' })).toMatchObject({ status: 'anchored', method: 'quote' })
  })

  it('follows a passage whose wording was corrected (fuzzy match)', () => {
    const t = target(SEED, 'there is evidence showing he used the name Andronikos')
    const edited = SEED.replace('there is evidence showing he used', 'there is evidence that he used')
    const r = anchor(edited, t)
    expect(r.status).toBe('moved')
    expect(r.method).toBe('fuzzy')
    expect(sliceCodePoints(edited, r.start, r.end)).toBe('there is evidence that he used the name Andronikos')
    expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE)
  })

  it('never moves to a look-alike: a deleted short passage is orphaned even if its words occur elsewhere', () => {
    const text = 'In 1390 John VII seized the throne. Years later, in Selymbria, the young prince ruled alone.'
    const t = target(text, 'John VII')
    const edited = 'Years later, in Selymbria, the young prince ruled alone. Another chronicle names John VII once.'
    const r = anchor(edited, t)
    expect(r.status).toBe('orphaned')
    expect(r.reason).toBe('low-confidence')
    expect(r.score).toBeLessThan(MIN_SCORE)
    // The orphan keeps its stored offsets.
    expect([r.start, r.end]).toEqual([t.start, t.end])
  })

  it('keeps a long, unique quote whose surroundings were rewritten', () => {
    const quote = 'ousted his grandfather John V and maintained himself on the throne'
    const text = 'On April 14, 1390 John VII Palaiologos ' + quote + ' for five months.'
    const t = target(text, quote)
    const edited = 'Sources differ. In the spring of that year, the usurper ' + quote + ', until Manuel returned.'
    const r = anchor(edited, t)
    expect(r.status).toBe('moved')
    expect(sliceCodePoints(edited, r.start, r.end)).toBe(quote)
  })

  it('orphans a passage that is gone', () => {
    const t = target(SEED, 'governed in his birth name')
    expect(anchor('A completely different text about Venetian trade.', t)).toMatchObject({ status: 'orphaned' })
  })

  it('reports offsets in code points past astral characters and Greek', () => {
    const text = '𝔊𝔊𝔊 ' + SEED
    const t = target(SEED, 'Παλαιολόγος')
    const r = anchor(text, t)
    expect(r.start).toBe(t.start + 4)
    expect(sliceCodePoints(text, r.start, r.end)).toBe('Παλαιολόγος')
  })

  it('edits in Greek text with combining marks: a fuzzy match never splits a mark from its letter', () => {
    // Polytonic Greek decomposed marks that have no precomposed form after NFC: ε + U+0342 + U+0345.
    const greek = 'καὶ ὁ βασιλεὺς Ἰωάννης ἐβασίλευσε μῆνας πέντε ε\u0342\u0345 ἐν τῇ πόλει'
    const t = target(greek, 'ἐβασίλευσε μῆνας πέντε ε\u0342\u0345')
    const edited = greek.replace('πέντε', 'ἕξ')
    const r = anchor(edited, t)
    expect(r.status).toBe('moved')
    const found = sliceCodePoints(edited, r.start, r.end)
    expect(found.startsWith('ἐβασίλευσε')).toBe(true)
    expect(/^\p{M}/u.test(sliceCodePoints(edited, r.end, r.end + 1))).toBe(false)
  })

  it('an exact quote of astral characters is found', () => {
    const text = 'Linear B: 𐀀𐀁𐀂 and again 𐀀𐀁𐀂 here.'
    const t = target(text, '𐀀𐀁𐀂', 2)
    const r = anchor('prefix ' + text, t)
    expect(r.start).toBe(t.start + 7)
    expect(r.end - r.start).toBe(3)
  })

  it('handles an empty quote', () => {
    expect(anchor('abc', { exact: '', start: 1, end: 1 })).toMatchObject({ status: 'anchored', start: 1, end: 1 })
    expect(anchor('abc', { exact: '' })).toMatchObject({ status: 'orphaned', reason: 'empty-quote' })
  })

  it('clamps a stored position beyond the end of a shortened text', () => {
    const t = target(SEED, 'birth name')
    const r = anchor('short', t)
    expect(r.status).toBe('orphaned')
    expect(r.end).toBeLessThanOrEqual(5)
  })
})

/**
 * The thresholds anchoring decides with, at their edges: a stored position is confirmed at once
 * only when ≥ 90% of the stored prefix and suffix still touch the quote; `minScore` decides moved
 * versus orphaned; an empty quote anchors only as an empty range inside the text.
 */
import { describe as suite, expect, it } from 'vitest'
import { anchor, describe, reanchorAll } from '../../../../src/shared/anchoring'

const PREFIX = 'abcdefghijklmnopqrstuvwxyz012345' // 32 code points
const SUFFIX = '6789ABCDEFGHIJKLMNOPQRSTUVWXYZ#$' // 32 code points
const QUOTE = ' the battle of Ankara '
const TEXT = PREFIX + QUOTE + SUFFIX
const S = PREFIX.length
const E = S + QUOTE.length
const target = describe(TEXT, S, E)

/** TEXT with the first `n` code points of the prefix (the far end from the quote) changed. */
const farPrefixEdited = (n: number) => 'Ω'.repeat(n) + PREFIX.slice(n) + QUOTE + SUFFIX
/** TEXT with the last `n` code points of the suffix (the far end from the quote) changed. */
const farSuffixEdited = (n: number) => PREFIX + QUOTE + SUFFIX.slice(0, SUFFIX.length - n) + 'Ω'.repeat(n)

suite('position confirmed by its context', () => {
  it('accepts the position outright while 29 of 32 context code points still touch the quote (≥ 0.9)', () => {
    expect(anchor(farPrefixEdited(3), target)).toEqual({ start: S, end: E, status: 'anchored', score: 1, method: 'position' })
    expect(anchor(farSuffixEdited(3), target)).toEqual({ start: S, end: E, status: 'anchored', score: 1, method: 'position' })
  })

  it('with 28 of 32 (0.875) it scores the place instead: still found there, but not with full confidence', () => {
    for (const edited of [farPrefixEdited(4), farSuffixEdited(4)]) {
      const r = anchor(edited, target)
      expect(r.start).toBe(S)
      expect(r.end).toBe(E)
      expect(r.status).toBe('anchored')
      expect(r.score).toBeLessThan(1)
      expect(r.score).toBeGreaterThan(0.9)
    }
  })

  it('counts the context from the quote outwards: the same 3 edits next to the quote are not confirmed', () => {
    const near = PREFIX.slice(0, -3) + 'ΩΩΩ' + QUOTE + SUFFIX
    expect(anchor(near, target).score).toBeLessThan(1)
    const nearSuffix = PREFIX + QUOTE + 'ΩΩΩ' + SUFFIX.slice(3)
    expect(anchor(nearSuffix, target).score).toBeLessThan(1)
  })

  it('a target without context is confirmed by its quote alone', () => {
    expect(anchor(TEXT, { start: S, end: E, exact: QUOTE, prefix: '', suffix: '' })).toEqual({ start: S, end: E, status: 'anchored', score: 1, method: 'position' })
  })
})

suite('minScore', () => {
  const edited = PREFIX + ' the battel of Ankira ' + SUFFIX
  it('moves a fuzzy match above the threshold, orphans it below, and reports the score either way', () => {
    const r = anchor(edited, target)
    expect(r.status).toBe('moved')
    expect(r.method).toBe('fuzzy')
    const strict = anchor(edited, target, { minScore: 0.99 })
    expect(strict).toMatchObject({ status: 'orphaned', reason: 'low-confidence', method: 'none', score: r.score, start: S, end: E })
  })
})

suite('empty quotes and positions', () => {
  it('anchors an empty range inside the text, and nothing else, by position', () => {
    expect(anchor(TEXT, { start: 3, end: 3, exact: '' })).toEqual({ start: 3, end: 3, status: 'anchored', score: 1, method: 'position' })
    expect(anchor(TEXT, { start: TEXT.length, end: TEXT.length, exact: '' })).toMatchObject({ status: 'anchored' })
    expect(anchor(TEXT, { start: TEXT.length + 1, end: TEXT.length + 1, exact: '' })).toMatchObject({ status: 'orphaned', reason: 'empty-quote' })
    expect(anchor(TEXT, { start: 3, end: 5, exact: '' })).toMatchObject({ status: 'orphaned', reason: 'empty-quote' })
    expect(anchor(TEXT, { exact: '' })).toMatchObject({ status: 'orphaned', reason: 'empty-quote', start: 0, end: 0 })
  })

  it('an orphan keeps its old range (clamped into the text) for review', () => {
    const r = anchor('nothing of it here at all', { ...target })
    expect(r).toMatchObject({ status: 'orphaned', method: 'none' })
    expect([r.start, r.end]).toEqual([25, 25])
  })

  it('a unique bare quote found exactly is anchored by quote, without a position', () => {
    expect(anchor(TEXT, { exact: 'battle of Ankara' })).toEqual({ start: S + 5, end: S + 21, status: 'anchored', score: 1, method: 'quote' })
  })
})

suite('reanchorAll progress', () => {
  it('reports every 500 annotations and once at the end', () => {
    const seen: [number, number][] = []
    const anns = Array.from({ length: 1001 }, (_, i) => ({ id: `a${i}`, target }))
    const out = reanchorAll(TEXT, TEXT, anns, { progress: (d, t) => seen.push([d, t]) })
    expect(seen).toEqual([[0, 1001], [500, 1001], [1000, 1001], [1001, 1001]])
    expect(out.every((r) => r.status === 'anchored' && r.target.exact === QUOTE)).toBe(true)
  })

  it('keeps an orphan’s old target, and re-describes a moved one in the new text', () => {
    const [gone] = reanchorAll(TEXT, 'unrelated text entirely', [{ id: 'x', target }])
    expect(gone.target).toEqual(target)
    const shifted = 'Inserted. ' + TEXT
    const [moved] = reanchorAll(TEXT, shifted, [{ id: 'y', target }])
    expect(moved).toMatchObject({ status: 'anchored', start: S + 10, end: E + 10 })
    expect(moved.target).toEqual(describe(shifted, S + 10, E + 10))
  })
})

suite('edges of the decision', () => {
  it('confirms a position at exactly 90% of its context (9 of a 10-code-point prefix)', () => {
    const text = 'abcdefghij' + QUOTE + SUFFIX
    const t = describe(text, 10, 10 + QUOTE.length)
    expect(t.prefix).toBe('abcdefghij')
    expect(anchor('Xbcdefghij' + QUOTE + SUFFIX, t)).toEqual({ start: 10, end: 10 + QUOTE.length, status: 'anchored', score: 1, method: 'position' })
  })

  it('says "position" for a passage still at its place when only its far context changed', () => {
    expect(anchor(farPrefixEdited(4), target).method).toBe('position')
  })

  it('names why an annotation is orphaned: not found at all', () => {
    expect(anchor(TEXT, { exact: 'Thessalonica', prefix: '', suffix: '' })).toMatchObject({ status: 'orphaned', reason: 'not-found', score: 0 })
  })

  it('a selector with a start but no end has no position: a repeated bare quote stays ambiguous', () => {
    const twice = 'John VII and John VII'
    expect(anchor(twice, { start: 13, exact: 'John VII' })).toMatchObject({ status: 'orphaned', reason: 'ambiguous' })
    expect(anchor(twice, { start: 13, end: 21, exact: 'John VII' })).toMatchObject({ status: 'anchored', start: 13, end: 21 })
  })

  it('follows a long passage edited by one letter whose surroundings were rewritten, if it is the only one like it', () => {
    const passage = 'the emperor besieged the city of Constantinople'
    const old = 'Long before that summer, ' + passage + ' for eight long years.'
    const t = describe(old, 25, 25 + passage.length)
    const edited = 'Quite different words here now; ' + passage.replace('besieged', 'besieget') + ' — other words follow.'
    const r = anchor(edited, t)
    expect(r).toMatchObject({ status: 'moved', method: 'fuzzy', start: 32, end: 32 + passage.length })
    // With a second look-alike in the text it is no longer distinctive: orphaned for review.
    const twice = edited + ' Later ' + passage.replace('besieged', 'besiegex') + ' again.'
    expect(anchor(twice, t).status).toBe('orphaned')
  })
})

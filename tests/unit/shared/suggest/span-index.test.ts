import { describe, expect, it } from 'vitest'
import { SpanIndex } from '../../../../src/shared/suggest/span-index'
import { overlaps } from '../../../../src/shared/suggest/types'

/** A small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('SpanIndex', () => {
  it('answers exactly as a scan of every span does, including touching and nested spans', () => {
    const rnd = random(7)
    const span = () => {
      const start = Math.floor(rnd() * 200)
      return { start, end: start + 1 + Math.floor(rnd() * 15) }
    }
    for (let round = 0; round < 50; round++) {
      const spans = Array.from({ length: Math.floor(rnd() * 40) }, span)
      const index = new SpanIndex(spans)
      for (let q = 0; q < 100; q++) {
        const s = span()
        expect(index.overlaps(s), JSON.stringify({ spans, s })).toBe(spans.some((x) => overlaps(x, s)))
      }
    }
    expect(new SpanIndex([{ start: 0, end: 5 }]).overlaps({ start: 5, end: 9 })).toBe(false)
    expect(new SpanIndex([]).overlaps({ start: 0, end: 1 })).toBe(false)
  })
})

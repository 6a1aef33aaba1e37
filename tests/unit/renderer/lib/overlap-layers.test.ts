import { describe, expect, it } from 'vitest'
import { overlapLayers } from '../../../../src/renderer/lib/overlap-layers'

describe('overlapLayers (spans in code points)', () => {
  it('puts disjoint and touching spans on one layer', () => {
    expect(overlapLayers([{ start: 0, end: 5 }, { start: 5, end: 9 }, { start: 20, end: 30 }])).toEqual([0, 0, 0])
  })

  it('separates overlapping spans, whatever their order', () => {
    const spans = [{ start: 10, end: 40 }, { start: 0, end: 20 }, { start: 15, end: 25 }, { start: 30, end: 35 }]
    const layers = overlapLayers(spans)
    for (let i = 0; i < spans.length; i++) {
      for (let j = i + 1; j < spans.length; j++) {
        const overlap = spans[i].start < spans[j].end && spans[j].start < spans[i].end
        if (overlap) expect(layers[i]).not.toBe(layers[j])
      }
    }
    expect(Math.max(...layers)).toBe(2)
  })

  it('reuses a layer once its span has ended', () => {
    expect(overlapLayers([{ start: 0, end: 10 }, { start: 5, end: 15 }, { start: 12, end: 20 }])).toEqual([0, 1, 0])
  })
})

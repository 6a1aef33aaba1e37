/**
 * Assigns overlapping passages to different layers (greedy interval colouring, O(n·k) for k
 * layers). The painter puts each (colour, layer) pair in its own CSS Highlight, so two overlapping
 * highlights of the same colour still both paint and their overlap shows darker, instead of the
 * browser merging them into one.
 */

/**
 * Layer number (0-based) of each span; spans sharing a layer never overlap.
 * Offsets are code points, end exclusive; input order does not matter.
 */
export function overlapLayers(spans: readonly { start: number; end: number }[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || spans[b].end - spans[a].end)
  const layerEnds: number[] = []
  const out = new Array<number>(spans.length).fill(0)
  for (const i of order) {
    const s = spans[i]
    let layer = layerEnds.findIndex((end) => end <= s.start)
    if (layer < 0) {
      layer = layerEnds.length
      layerEnds.push(s.end)
    } else layerEnds[layer] = s.end
    out[i] = layer
  }
  return out
}

import { describe, expect, it } from 'vitest'
import type { Network } from '../../../../src/shared/corpus/network'
import { layoutNetwork } from '../../../../src/shared/corpus/network-layout'

/** A network of `n` entities in clusters of 10, with a few links between clusters and some loners. */
function clustered(n: number): Network {
  let seed = 7
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, label: `E${i}`, type: 'person' as const, mentions: 1 + Math.floor(rnd() * 40), annotationIds: [] }))
  const edges: Network['edges'] = []
  for (let i = 0; i < n - 20; i++) {
    for (let k = 0; k < 3; k++) {
      const j = Math.floor(i / 10) * 10 + Math.floor(rnd() * 10)
      if (j !== i) edges.push({ id: `c${i}-${j}-${k}`, source: `e${i}`, target: `e${j}`, kind: 'co-occurrence', weight: 1, annotationIds: [] })
    }
    if (rnd() < 0.05) edges.push({ id: `x${i}`, source: `e${i}`, target: `e${Math.floor(rnd() * (n - 20))}`, kind: 'relation', weight: 1, label: 'allied with', annotationIds: [] })
  }
  return { nodes, edges, omitted: 0 }
}

describe('network layout at a few hundred nodes', () => {
  const net = clustered(300)
  const layout = layoutNetwork(net)
  const pos = new Map(layout.positions.map((p) => [p.id, p]))
  const dist = (a: string, b: string) => Math.hypot(pos.get(a)!.x - pos.get(b)!.x, pos.get(a)!.y - pos.get(b)!.y)

  it('places every node, inside the bounds, with discs that (nearly) never overlap', () => {
    expect(layout.positions).toHaveLength(300)
    let overlaps = 0
    for (const p of layout.positions) {
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true)
      expect(p.x - p.r).toBeGreaterThanOrEqual(layout.bounds.minX)
      expect(p.y + p.r).toBeLessThanOrEqual(layout.bounds.maxY)
      for (const q of layout.positions) if (p.id < q.id && Math.hypot(p.x - q.x, p.y - q.y) < 0.8 * (p.r + q.r)) overlaps++
    }
    expect(overlaps).toBeLessThanOrEqual(3) // of 44,850 pairs
  })

  it('draws linked entities near each other and clusters apart', () => {
    const linked = net.edges.filter((e) => e.kind === 'co-occurrence').map((e) => dist(e.source, e.target))
    const ids = net.nodes.map((n) => n.id)
    const random = ids.slice(0, 200).map((id, i) => dist(id, ids[(i * 37 + 101) % 280]))
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(linked)).toBeLessThan(mean(random) / 2.5)
  })

  it('gives the same network the same layout', () => {
    expect(layoutNetwork(clustered(300)).positions).toEqual(layout.positions)
  })

  it('draws the same entities alike in another project, where their ids differ and come in another order', () => {
    // Entity ids are random per project: the same people get other ids, listed in another order.
    const other = (id: string) => `z${(Number(id.slice(1)) * 7919) % 1009}`
    const renamed: Network = {
      nodes: [...net.nodes].reverse().map((n) => ({ ...n, id: other(n.id) })),
      edges: net.edges.map((e) => ({ ...e, source: other(e.source), target: other(e.target) })),
      omitted: 0
    }
    const again = new Map(layoutNetwork(renamed).positions.map((p) => [p.id, p]))
    for (const n of net.nodes) {
      const p = again.get(other(n.id))!
      expect([p.x, p.y, p.r], n.label).toEqual([pos.get(n.id)!.x, pos.get(n.id)!.y, pos.get(n.id)!.r])
    }
  })
})

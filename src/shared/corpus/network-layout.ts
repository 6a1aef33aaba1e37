/**
 * A force-directed layout of the entity network (d3-force), computed ahead of drawing rather than
 * animated in the UI: the service runs it in batches of ticks between other requests, so the window
 * never freezes, the CLI and an SVG export get the same picture, and a network of a few hundred
 * nodes arrives settled instead of jiggling into place. Readability at that size comes from node
 * radii by mentions, a collision force (no two discs overlap), a many-body repulsion cut off at a
 * distance (Barnes–Hut, so a tick is O(n log n)) and a weak pull to the centre that keeps
 * unconnected entities from drifting away. d3-force's random source is seeded: the same network
 * gets the same layout. Units are the layout's own; the UI scales `bounds` to its canvas.
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force'
import { drainSteps } from '../search/drain-steps'
import type { Network } from './network'

export interface NodePosition {
  id: string
  x: number
  y: number
  /** Radius of the node's disc (grows with the square root of its mentions). */
  r: number
}

export interface NetworkLayout {
  positions: NodePosition[]
  bounds: { minX: number; minY: number; maxX: number; maxY: number }
}

/** Ticks run; d3's default cooling (alpha 1 → 0.001) takes 300. */
export const LAYOUT_TICKS = 300
const BATCH = 25

interface SimNode extends SimulationNodeDatum {
  id: string
  r: number
}

/** Radius of a node with `mentions` mentions. */
export const nodeRadius = (mentions: number): number => 4 + 2 * Math.sqrt(mentions)

/** Lays out `net` in steps; each yields `[ticks done, total]`. */
export function* layoutSteps(net: Network, ticks = LAYOUT_TICKS): Generator<[number, number], NetworkLayout> {
  // Simulated in an order that does not depend on ids (random per project): by label, type and
  // mentions, so two projects with the same entities and mentions draw the same picture.
  const ordered = [...net.nodes].sort((a, b) => compare(a.label, b.label) || compare(a.type, b.type) || b.mentions - a.mentions || compare(a.id, b.id))
  const rank = new Map(ordered.map((n, i) => [n.id, i]))
  const nodes: SimNode[] = ordered.map((n) => ({ id: n.id, r: nodeRadius(n.mentions) }))
  const byId = new Map(nodes.map((n) => [n.id, n]))
  // One spring per pair of entities, however many edges (co-occurrence and relations) join them.
  const pairs = new Map<string, SimulationLinkDatum<SimNode> & { weight: number }>()
  for (const e of net.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue
    const [a, b] = rank.get(e.source)! < rank.get(e.target)! ? [e.source, e.target] : [e.target, e.source]
    const key = `${a}|${b}`
    const link = pairs.get(key)
    if (link) link.weight += e.weight
    else pairs.set(key, { source: a, target: b, weight: e.weight })
  }
  const links = [...pairs.values()].sort((l, m) => rank.get(l.source as string)! - rank.get(m.source as string)! || rank.get(l.target as string)! - rank.get(m.target as string)!)
  const sim = forceSimulation(nodes)
    .force('link', forceLink<SimNode, (typeof links)[number]>(links).id((n) => n.id).distance((l) => 30 + (l.source as SimNode).r + (l.target as SimNode).r))
    .force('charge', forceManyBody<SimNode>().strength(-60).distanceMax(400))
    .force('collide', forceCollide<SimNode>((n) => n.r + 2).iterations(2))
    .force('x', forceX<SimNode>(0).strength(0.05))
    .force('y', forceY<SimNode>(0).strength(0.05))
    .stop()
  for (let done = 0; done < ticks; ) {
    const n = Math.min(BATCH, ticks - done)
    sim.tick(n)
    done += n
    if (done < ticks) yield [done, ticks]
  }
  // In the network's own node order, as before.
  const positions = net.nodes.map((n) => byId.get(n.id)!).map((n) => ({ id: n.id, x: n.x ?? 0, y: n.y ?? 0, r: n.r }))
  const bounds = positions.length
    ? {
        minX: Math.min(...positions.map((p) => p.x - p.r)), minY: Math.min(...positions.map((p) => p.y - p.r)),
        maxX: Math.max(...positions.map((p) => p.x + p.r)), maxY: Math.max(...positions.map((p) => p.y + p.r))
      }
    : { minX: 0, minY: 0, maxX: 0, maxY: 0 }
  return { positions, bounds }
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Lays out `net` in one go. */
export function layoutNetwork(net: Network, ticks = LAYOUT_TICKS): NetworkLayout {
  return drainSteps(layoutSteps(net, ticks))
}

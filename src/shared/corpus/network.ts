/**
 * The network of entities: two entities are linked when annotations mentioning them lie in the same
 * paragraph (weight: the number of such paragraphs), and by every explicit relation between them
 * (a labelled edge, its predicate). Node weight is the number of mentions under the filter. The
 * `maxNodes` most-mentioned entities are kept so a drawing stays readable; how many were left out
 * is reported; without a filter, entities in a relation are shown even when unmentioned. Paragraphs are the document's reading-order blocks (never page or line milestones).
 */
import type { DocumentRecord, EntityType } from '../model'
import { isMilestone } from '../model'
import type { AnnotationFilter } from './annotation-filter'
import type { CorpusData } from './annotation-rows'
import { filteredRows } from './filtered-rows'

export interface NetworkNode {
  id: string
  label: string
  type: EntityType
  /** Annotations linked to the entity under the filter. */
  mentions: number
  annotationIds: string[]
}

export interface NetworkEdge {
  /** `co:a|b` for co-occurrence, the relation's id for a relation. */
  id: string
  source: string
  target: string
  kind: 'co-occurrence' | 'relation'
  /** Paragraphs shared (co-occurrence) or 1 (relation). */
  weight: number
  /** The relation's predicate (`son of`); absent for co-occurrence. */
  label?: string
  /** The passages behind the edge: annotations of either entity in the shared paragraphs, or a relation's annotation ends. */
  annotationIds: string[]
}

export interface Network {
  nodes: NetworkNode[]
  edges: NetworkEdge[]
  /** Entities `maxNodes` left out (the least mentioned). */
  omitted: number
}

export interface NetworkOptions {
  /** Entity types shown (all when absent or empty). */
  types?: EntityType[]
  /** Most nodes kept, by mentions (default 300). */
  maxNodes?: number
  /** Fewest shared paragraphs for a co-occurrence edge (default 1). */
  minWeight?: number
}

export const DEFAULT_MAX_NODES = 300

/** The reading-order block holding code point `at` of a document, as `docId#n`; undefined outside any. */
function paragraphFinder(doc: DocumentRecord | undefined): (at: number) => string | undefined {
  const blocks = (doc?.structure ?? []).filter((b) => !isMilestone(b)).sort((a, b) => a.start - b.start)
  return (at) => {
    let lo = 0
    let hi = blocks.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (blocks[mid].start <= at) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    return found >= 0 && at < blocks[found].end ? `${doc!.id}#${found}` : undefined
  }
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

/** The entity network under `filter`; see the module comment. */
export function network(data: CorpusData, filter?: AnnotationFilter, opts: NetworkOptions = {}): Network {
  const types = opts.types?.length ? new Set(opts.types) : undefined
  const shown = (id: string): boolean => Boolean(data.entities[id]) && (!types || types.has(data.entities[id].type))
  const { rows, byEntity, filtered } = filteredRows(data, filter)
  // Relations are known links: without a filter their entities appear even when nothing mentions them.
  const mentioned = new Map(byEntity)
  if (!filtered) {
    for (const rel of Object.values(data.relations)) for (const id of [rel.subject, rel.object]) if (data.entities[id] && !mentioned.has(id)) mentioned.set(id, [])
  }
  const ranked = [...mentioned].filter(([id]) => shown(id)).sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
  const max = opts.maxNodes ?? DEFAULT_MAX_NODES
  const kept = new Map(ranked.slice(0, max))
  const nodes: NetworkNode[] = [...kept].map(([id, annotationIds]) => {
    const e = data.entities[id]
    return { id, label: e.label, type: e.type, mentions: annotationIds.length, annotationIds }
  })

  // Paragraph → the kept entities mentioned in it and the annotations that mention them.
  const finders = new Map<string, (at: number) => string | undefined>()
  const paragraphs = new Map<string, { entities: Set<string>; annotations: Map<string, string[]> }>()
  for (const r of rows) {
    const ids = r.entities.map((e) => e.id).filter((id) => kept.has(id))
    if (ids.length === 0) continue
    let find = finders.get(r.documentId)
    if (!find) finders.set(r.documentId, (find = paragraphFinder(data.documents[r.documentId])))
    const key = find(r.start) ?? `annotation:${r.id}`
    let p = paragraphs.get(key)
    if (!p) paragraphs.set(key, (p = { entities: new Set(), annotations: new Map() }))
    for (const id of ids) {
      p.entities.add(id)
      p.annotations.set(id, [...(p.annotations.get(id) ?? []), r.id])
    }
  }
  const co = new Map<string, NetworkEdge>()
  for (const p of paragraphs.values()) {
    const ids = [...p.entities].sort()
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = pairKey(ids[i], ids[j])
        let edge = co.get(key)
        if (!edge) co.set(key, (edge = { id: `co:${key}`, source: ids[i], target: ids[j], kind: 'co-occurrence', weight: 0, annotationIds: [] }))
        edge.weight++
        edge.annotationIds.push(...p.annotations.get(ids[i])!, ...p.annotations.get(ids[j])!)
      }
    }
  }
  const edges = [...co.values()].filter((e) => e.weight >= (opts.minWeight ?? 1))
  for (const e of edges) e.annotationIds = [...new Set(e.annotationIds)]

  // Relations: an end that is an annotation stands for the entities it links to.
  const ends = (id: string): { entities: string[]; annotations: string[] } => {
    if (data.entities[id]) return { entities: [id], annotations: [] }
    const a = data.annotations[id]
    return a ? { entities: a.entityIds, annotations: [id] } : { entities: [], annotations: [] }
  }
  for (const rel of Object.values(data.relations)) {
    const s = ends(rel.subject)
    const o = ends(rel.object)
    for (const source of s.entities.filter((id) => kept.has(id))) {
      for (const target of o.entities.filter((id) => kept.has(id) && id !== source)) {
        edges.push({ id: s.entities.length * o.entities.length > 1 ? `${rel.id}:${source}:${target}` : rel.id, source, target, kind: 'relation', weight: 1, label: rel.predicate, annotationIds: [...s.annotations, ...o.annotations] })
      }
    }
  }
  return { nodes, edges, omitted: ranked.length - nodes.length }
}

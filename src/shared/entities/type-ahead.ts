/**
 * Type-ahead over entity labels and aliases, accent- and case-insensitive (see fold.ts).
 * Ranking, best first: whole label, whole alias, label prefix, alias prefix, every typed word
 * starting a word of the name, then a plain substring. The scores are only an order: the
 * gaps of 10 leave room for a label hit to beat the same kind of alias hit.
 */
import type { Entity, EntityType } from '../model'
import { foldKey } from '../text/fold'

export interface EntityMatch {
  entity: Entity
  /** The label or alias that matched, as written. */
  matched: string
  /** Higher is better; see the module comment for the order. */
  score: number
}

function scoreName(query: string, queryWords: string[], name: string, isLabel: boolean): number {
  const key = foldKey(name)
  if (key === '') return 0
  const bonus = isLabel ? 5 : 0
  if (key === query) return 90 + bonus
  if (key.startsWith(query)) return 70 + bonus
  const words = key.split(/[\s\-'’().,]+/).filter(Boolean)
  if (queryWords.every((q) => words.some((w) => w.startsWith(q)))) return 50 + bonus
  if (key.includes(query)) return 30 + bonus
  return 0
}

/**
 * Entities whose label or an alias matches `query`, best first (ties by label).
 * An empty query lists every entity (of `type` if given) by label.
 */
export function searchEntities(
  entities: Iterable<Entity>,
  query: string,
  opts: { type?: EntityType; limit?: number } = {}
): EntityMatch[] {
  const q = foldKey(query)
  const qWords = q.split(' ').filter(Boolean)
  const out: EntityMatch[] = []
  for (const entity of entities) {
    if (opts.type && entity.type !== opts.type) continue
    if (q === '') {
      out.push({ entity, matched: entity.label, score: 0 })
      continue
    }
    let best: EntityMatch | undefined
    for (const [name, isLabel] of [[entity.label, true], ...entity.aliases.map((a) => [a, false])] as [string, boolean][]) {
      const score = scoreName(q, qWords, name, isLabel)
      if (score > 0 && (!best || score > best.score)) best = { entity, matched: name, score }
    }
    if (best) out.push(best)
  }
  out.sort((a, b) => b.score - a.score || a.entity.label.localeCompare(b.entity.label))
  return opts.limit ? out.slice(0, opts.limit) : out
}

/** Entities of `type` one of whose names folds to the same key as `name` (exact-name lookup). */
export function findByName(entities: Iterable<Entity>, name: string, type?: EntityType): Entity[] {
  const key = foldKey(name)
  const out: Entity[] = []
  for (const e of entities) {
    if (type && e.type !== type) continue
    if (foldKey(e.label) === key || e.aliases.some((a) => foldKey(a) === key)) out.push(e)
  }
  return out
}

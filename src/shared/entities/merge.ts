/**
 * Merging and deleting entities as pure plans over the project data: what to put and what to
 * remove, so the service applies a plan as ONE store transaction (one undoable edit).
 */
import type { Annotation, AuthorityId, Collections, Entity, EntityDates, Id, Relation } from '../model'
import { uniteAuthorities } from './authority'
import { foldKey } from '../text/fold'

export interface MergePlan {
  /** The surviving entity, with united aliases, authorities, dates and description. */
  entity: Entity
  /** Annotations whose links moved from the merged-away entity to the survivor. */
  annotations: Annotation[]
  /** Relations whose subject or object moved to the survivor. */
  relations: Relation[]
  /** Relations removed because the move made them duplicates of an existing one. */
  removedRelations: Id[]
  /** Authority ids of the merged-away entity dropped because the survivor has another id in that scheme. */
  conflicts: AuthorityId[]
}

/** Why a merge cannot be planned: an unknown id (`not-found`) or merging an entity into itself. */
export class MergeError extends Error {
  constructor(readonly code: 'not-found' | 'invalid-argument', message: string) {
    super(message)
  }
}

/** Names of `from` (label first, then aliases) that are not already a name of `into`, folded-unique. */
export function uniteAliases(into: Entity, from: Entity): string[] {
  const seen = new Set([foldKey(into.label)])
  const out: string[] = []
  for (const name of [...into.aliases, from.label, ...from.aliases]) {
    const key = foldKey(name)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    out.push(name)
  }
  return out
}

function uniteDates(into: EntityDates, from: EntityDates): EntityDates {
  const out: EntityDates = { ...into }
  for (const k of ['date', 'birth', 'death', 'start', 'end'] as const) {
    if (!out[k] && from[k]) out[k] = from[k]
  }
  return out
}

/**
 * Plans merging entity `fromId` into `intoId`: the survivor keeps its own label, type and ids;
 * it gains the other's label and aliases as aliases, any dates, coordinates and authority ids it
 * lacks; every annotation link and relation of the other now points at it.
 * @throws MergeError when an id is unknown or both ids are the same.
 */
export function planMerge(data: Pick<Collections, 'entities' | 'annotations' | 'relations'>, intoId: Id, fromId: Id, now: string): MergePlan {
  if (intoId === fromId) throw new MergeError('invalid-argument', `cannot merge entity ${intoId} into itself`)
  const into = data.entities[intoId]
  const from = data.entities[fromId]
  if (!into) throw new MergeError('not-found', `no entity ${intoId} (--into)`)
  if (!from) throw new MergeError('not-found', `no entity ${fromId} (--from)`)
  const { authorities, conflicts } = uniteAuthorities(into.authorities, from.authorities)
  const description =
    from.description && from.description !== into.description
      ? [into.description, from.description].filter(Boolean).join('\n\n')
      : into.description
  const entity: Entity = {
    ...into,
    aliases: uniteAliases(into, from),
    description,
    authorities,
    coordinates: into.coordinates ?? from.coordinates,
    dates: uniteDates(into.dates, from.dates),
    modified: now
  }

  const annotations: Annotation[] = []
  for (const a of Object.values(data.annotations)) {
    if (!a.entityIds.includes(fromId)) continue
    const entityIds = [...new Set(a.entityIds.map((e) => (e === fromId ? intoId : e)))]
    annotations.push({ ...a, entityIds, modified: now })
  }

  const relations: Relation[] = []
  const removedRelations: Id[] = []
  const key = (r: Relation): string => `${r.subject}\u0000${r.predicate}\u0000${r.object}`
  const kept = new Set(Object.values(data.relations).filter((r) => r.subject !== fromId && r.object !== fromId).map(key))
  for (const r of Object.values(data.relations)) {
    if (r.subject !== fromId && r.object !== fromId) continue
    const moved: Relation = {
      ...r,
      subject: r.subject === fromId ? intoId : r.subject,
      object: r.object === fromId ? intoId : r.object
    }
    if (kept.has(key(moved))) removedRelations.push(r.id)
    else {
      kept.add(key(moved))
      relations.push(moved)
    }
  }
  return { entity, annotations, relations, removedRelations, conflicts }
}

export interface DeletePlan {
  /** Annotations kept, with the link to the deleted entity removed. */
  annotations: Annotation[]
  /** Relations that had the entity as subject or object (removed with it). */
  removedRelations: Id[]
}

/** Plans deleting an entity: its links are removed from annotations (the passages stay) and its relations go. */
export function planDelete(data: Pick<Collections, 'annotations' | 'relations'>, entityId: Id, now: string): DeletePlan {
  const annotations = Object.values(data.annotations)
    .filter((a) => a.entityIds.includes(entityId))
    .map((a) => ({ ...a, entityIds: a.entityIds.filter((e) => e !== entityId), modified: now }))
  const removedRelations = Object.values(data.relations)
    .filter((r) => r.subject === entityId || r.object === entityId)
    .map((r) => r.id)
  return { annotations, removedRelations }
}

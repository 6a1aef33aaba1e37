/**
 * Resolving one merge conflict: take our version, theirs, the version the merge kept, or a combined
 * record the historian made. An entity merged away on one side and changed on the other is resolved
 * for the merging side by merging it again (planMerge), so the other side's changes (aliases, dates,
 * description, links) are carried into the survivor rather than dropped.
 */
import { planMerge } from '../../entities/merge'
import { COLLECTION_NAMES, type CollectionName, type ProjectData } from '../../model'
import { own } from '../stable-json'
import type { MergeConflict, MergeResult, Side } from './types'
import { validateProject } from './validate'

export type Resolution = Side | 'kept' | { record: unknown }

function put(data: ProjectData, c: CollectionName, id: string, value: unknown): void {
  const map = data[c] as Record<string, unknown>
  if (value === null || value === undefined) delete map[id]
  else Object.defineProperty(map, id, { value, enumerable: true, writable: true, configurable: true })
}

function chosen(conflict: MergeConflict, resolution: Resolution): unknown {
  if (resolution === 'kept') return undefined
  if (typeof resolution === 'object') {
    const id = (resolution.record as { id?: unknown } | null)?.id
    if (id !== conflict.id) throw new Error(`${conflict.key}: the combined record must keep the id ${conflict.id}`)
    return resolution.record
  }
  return conflict[resolution]
}

/**
 * Applies `resolution` to the conflict `key` and returns the new result (the given one is not changed):
 * the conflict is gone from the list and the project is validated again.
 * @param now ISO timestamp recorded as `modified` when an entity merge is redone.
 * @throws Error for an unknown key, a combined record with another id, or a side that deleted a
 *   record other records still point at.
 */
export function resolveConflict(result: MergeResult, key: string, resolution: Resolution, now: string): MergeResult {
  const conflict = result.conflicts.find((c) => c.key === key)
  if (!conflict) throw new Error(`no conflict ${key}`)
  // Records are replaced, never changed in place, so copying the maps keeps `result` intact.
  const merged = { ...result.merged } as ProjectData
  for (const c of COLLECTION_NAMES) (merged as unknown as Record<string, unknown>)[c] = { ...result.merged[c] }
  const redoEntityMerge = conflict.kind === 'entity-merged' && resolution === conflict.deletedBy && conflict.mergedInto && own(merged.entities, conflict.mergedInto)
  if (redoEntityMerge) {
    const plan = planMerge(merged, conflict.mergedInto!, conflict.id, now)
    put(merged, 'entities', plan.entity.id, plan.entity)
    for (const a of plan.annotations) put(merged, 'annotations', a.id, a)
    for (const r of plan.relations) put(merged, 'relations', r.id, r)
    for (const id of plan.removedRelations) put(merged, 'relations', id, null)
    put(merged, 'entities', conflict.id, null)
  } else if (resolution !== 'kept') {
    const value = chosen(conflict, resolution)
    if (value === null && conflict.kind === 'reanchored') throw new Error(`${key}: that side has no version of this annotation; keep the re-anchored one or give a corrected record`)
    put(merged, conflict.collection, conflict.id, value)
  }
  const problems = validateProject(merged)
  const introduced = problems.filter((p) => !result.problems.includes(p))
  if (introduced.length) throw new Error(`${key}: this choice would break the project: ${introduced.slice(0, 3).join('; ')}`)
  return { ...result, merged, conflicts: result.conflicts.filter((c) => c.key !== key), problems }
}

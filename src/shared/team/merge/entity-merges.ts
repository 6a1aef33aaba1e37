/**
 * Recognising an entity merge (src/shared/entities/merge.ts) in one side's history: the entity is
 * gone on that side, and the annotations that linked it in the common ancestor now link another
 * entity there, or another entity gained its label as an alias. The survivor is what the merge
 * went into.
 */
import type { Id, ProjectData } from '../../model'
import { foldKey } from '../../text/fold'
import { own } from '../stable-json'

/** The entity `id` (deleted on `side`) was merged into, or undefined when it was simply deleted. */
export function mergedInto(base: ProjectData, side: ProjectData, id: Id): Id | undefined {
  const votes = new Map<Id, number>()
  for (const a of Object.values(base.annotations)) {
    if (!a.entityIds.includes(id)) continue
    const now = own(side.annotations, a.id)
    if (!now) continue
    for (const e of now.entityIds) if (!a.entityIds.includes(e) && own(side.entities, e)) votes.set(e, (votes.get(e) ?? 0) + 1)
  }
  const best = [...votes.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]
  if (best) return best[0]
  const label = own(base.entities, id)?.label
  if (!label) return undefined
  const key = foldKey(label)
  for (const e of Object.values(side.entities)) {
    const before = own(base.entities, e.id)
    const gained = e.aliases.some((x) => foldKey(x) === key) && !(before?.aliases ?? []).some((x) => foldKey(x) === key)
    if (gained) return e.id
  }
  return undefined
}

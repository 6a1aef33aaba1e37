/**
 * Highlights take the colour of the type of the entity they are linked to. The shell's project
 * state records every entity's type here after each load (before it repaints), and the highlight
 * colour function asks it for an annotation's first linked entity.
 */
import { ENTITY_TYPE_COLOURS } from '../../shared/entities/colours'
import type { EntityType } from '../../shared/model'

let types = new Map<string, EntityType>()

/** Records the type of every entity of the project (call after each load). */
export function setEntityTypes(entities: ReadonlyArray<{ id: string; type: EntityType }>): void {
  types = new Map(entities.map((e) => [e.id, e.type]))
}

/** Colour of the first linked entity's type, or undefined when no linked entity is known. */
export function entityColour(entityIds: readonly string[] | undefined): string | undefined {
  for (const id of entityIds ?? []) {
    const type = types.get(id)
    if (type) return ENTITY_TYPE_COLOURS[type]
  }
  return undefined
}

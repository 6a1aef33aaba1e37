/**
 * The kinds of entity a passage can be linked to: the one list the model, the API contract, the
 * exporters, the UI and the CLI use. The zod schema is the source; the type and the list derive from it.
 */
import { z } from 'zod'

export const entityTypeSchema = z.enum(['person', 'place', 'organisation', 'event', 'date', 'work', 'concept'])

/** `person`, `place`, `organisation`, `event`, `date`, `work` or `concept`. */
export type EntityType = z.infer<typeof entityTypeSchema>

/** Every entity type, in the order lists and menus show them. */
export const ENTITY_TYPES: readonly EntityType[] = entityTypeSchema.options

/** How each type is named to a historian (menus, badges, headings). */
export const ENTITY_TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  event: 'Event',
  date: 'Date',
  work: 'Work',
  concept: 'Concept'
}

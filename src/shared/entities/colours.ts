/**
 * Highlight colour of each entity type. Light tints (alpha 0.35) so overlapping highlights stay
 * readable; hues chosen to be told apart with the common colour-vision deficiencies
 * (blue / orange / purple / teal pairs rather than red / green).
 */
import type { EntityType } from '../model'

export const ENTITY_TYPE_COLOURS: Record<EntityType, string> = {
  person: 'rgba(66, 133, 244, 0.35)',
  place: 'rgba(255, 152, 0, 0.35)',
  organisation: 'rgba(156, 39, 176, 0.30)',
  event: 'rgba(229, 57, 53, 0.30)',
  date: 'rgba(0, 150, 136, 0.35)',
  work: 'rgba(121, 85, 72, 0.30)',
  concept: 'rgba(96, 125, 139, 0.30)'
}

/** Solid version of a type's colour (for swatches and the entity panel's badges). */
export function solidColour(type: EntityType): string {
  return ENTITY_TYPE_COLOURS[type].replace(/rgba\(([^,]+),([^,]+),([^,]+),[^)]+\)/, 'rgb($1,$2,$3)')
}

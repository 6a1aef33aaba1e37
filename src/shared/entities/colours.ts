/**
 * Highlight colour of each entity type (solid; the highlight painter mixes it with transparency).
 * Hues chosen to be told apart with the common colour-vision deficiencies (blue / orange /
 * purple / teal rather than red / green pairs), and distinct from the tag palette's yellow default.
 */
import type { EntityType } from '../model'

export const ENTITY_TYPE_COLOURS: Record<EntityType, string> = {
  person: '#4285f4',
  place: '#ff9800',
  organisation: '#9c27b0',
  event: '#e53935',
  date: '#009688',
  work: '#795548',
  concept: '#607d8b'
}

/** The colour of a type, for swatches, badges and highlights. */
export function solidColour(type: EntityType): string {
  return ENTITY_TYPE_COLOURS[type]
}

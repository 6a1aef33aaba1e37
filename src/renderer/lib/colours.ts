/**
 * Every colour the renderer paints with, in one place and one spelling (`colour`; `color` only
 * where the API's field names have it): tag colours, entity type colours, verdict badge colours,
 * and the colour of a highlight.
 *
 * Tag colours: the annotations service stores a palette colour for every new tag and the
 * historian may change it (`setTagColor`). A tag that still has none (e.g. from an older or
 * imported project) gets a palette colour derived from its name, so it is the same on every start
 * without writing anything (writing would add an undo step the user never asked for).
 */
import { ENTITY_TYPE_COLORS, hashString, highlightColor, resolveTagColors, UNTAGGED_COLOR, VERDICT_COLORS } from '../../shared/colors'
import type { Annotation, EntityType, Tag } from '../../shared/model'

// The colours themselves and the rules that pick them are the one shared color module's
// (src/shared/colors.ts, which the services use too); this file gives them the renderer's names.

export { hashString }

/** Colour of a highlight with neither its own colour, nor a linked entity, nor a coloured tag. */
export const UNTAGGED_COLOUR = UNTAGGED_COLOR

/** Swatch and highlight colour of each entity type (the shared list, re-exported for views). */
export function entityTypeColour(type: EntityType): string {
  return ENTITY_TYPE_COLORS[type]
}

/** Badge colour of each verdict (white text on it). */
export const VERDICT_COLOURS = VERDICT_COLORS

/**
 * The colour of every tag: its stored colour, else a free palette slot derived from its name
 * (see resolveTagColors in src/shared/colors.ts).
 * @param tags the project's tags as `listTags` returns them (a missing or empty colour means none)
 * @param extraNames tag names in use that `tags` may not list yet
 */
export function resolveTagColours(tags: Iterable<Tag>, extraNames: Iterable<string> = []): Map<string, string> {
  return resolveTagColors([...tags], [...extraNames])
}

/**
 * The colour a highlight is painted in: its own, else its first known linked entity's type
 * colour, else its first coloured tag's, else the default.
 * @param entityTypes the type of every known entity, by id
 */
export function colourForAnnotation(
  a: Pick<Annotation, 'color' | 'tags'> & { entityIds?: readonly string[] },
  tagColours: ReadonlyMap<string, string>,
  entityTypes: ReadonlyMap<string, EntityType> = new Map()
): string {
  return highlightColor(a, tagColours, (id) => entityTypes.get(id))
}

/** Only characters of CSS colour syntax may reach a stylesheet; anything else is dropped. */
export function safeCssColour(c: string): string | undefined {
  return /^[#\w\s().,%-]{1,60}$/.test(c) ? c : undefined
}

/** `#rrggbb` for an `<input type=color>` (which takes nothing else); other CSS colours show as black there. */
export function hexForPicker(c: string): string {
  if (/^#[0-9a-f]{6}$/i.test(c)) return c
  if (/^#[0-9a-f]{3}$/i.test(c)) return '#' + [...c.slice(1)].map((x) => x + x).join('')
  return '#000000'
}

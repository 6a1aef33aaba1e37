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
import { ENTITY_TYPE_COLOURS } from '../../shared/entities/colours'
import type { Annotation, EntityType, Tag, VerificationStatus } from '../../shared/model'
import { TAG_PALETTE } from '../../shared/tag-palette'

/** Colour of a highlight with neither its own colour, nor a linked entity, nor a coloured tag. */
export const UNTAGGED_COLOUR = '#f2c14e'

/** Swatch and highlight colour of each entity type (the shared list, re-exported for views). */
export function entityTypeColour(type: EntityType): string {
  return ENTITY_TYPE_COLOURS[type]
}

/** Badge colour of each verdict (white text on it). */
export const VERDICT_COLOURS: Record<VerificationStatus, string> = {
  supported: '#2e7d32',
  'partially-supported': '#a67c00',
  contradicted: '#b3261e',
  'not-found': '#666',
  unchecked: '#666'
}

/** FNV-1a over the UTF-16 code units of `s`: a small, stable, well-spread string hash. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * The colour of every tag: its stored colour when it has one, otherwise its hashed palette slot,
 * moving on to the next free slot when that colour is already taken (tags are visited in name
 * order so the outcome does not depend on the order the service lists them). With more tags than
 * palette colours, colours repeat.
 * @param tags the project's tags as `listTags` returns them (a missing or empty colour means none)
 * @param extraNames tag names in use that `tags` may not list yet
 */
export function resolveTagColours(tags: Iterable<Tag>, extraNames: Iterable<string> = []): Map<string, string> {
  const out = new Map<string, string>()
  const taken = new Set<string>()
  const names = new Set<string>()
  for (const t of tags) {
    names.add(t.id)
    if (t.color && t.color.trim()) {
      out.set(t.id, t.color)
      taken.add(t.color.toLowerCase())
    }
  }
  for (const n of extraNames) names.add(n)
  const pending = [...names].filter((n) => !out.has(n)).sort()
  for (const name of pending) {
    const first = hashString(name) % TAG_PALETTE.length
    let chosen = TAG_PALETTE[first]
    for (let k = 0; k < TAG_PALETTE.length; k++) {
      const c = TAG_PALETTE[(first + k) % TAG_PALETTE.length]
      if (!taken.has(c)) {
        chosen = c
        break
      }
    }
    taken.add(chosen)
    out.set(name, chosen)
  }
  return out
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
  if (a.color) return a.color
  for (const id of a.entityIds ?? []) {
    const type = entityTypes.get(id)
    if (type) return ENTITY_TYPE_COLOURS[type]
  }
  for (const t of a.tags) {
    const c = tagColours.get(t)
    if (c) return c
  }
  return UNTAGGED_COLOUR
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

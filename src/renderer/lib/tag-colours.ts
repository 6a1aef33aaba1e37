/**
 * Colours of highlights. The annotations service stores a palette colour for every new tag and
 * the historian may change it (`setTagColor`). A tag that still has none (e.g. from an older or
 * imported project) gets a palette colour derived from its name, so it is the same on every start
 * without writing anything (writing would add an undo step the user never asked for).
 * An annotation's own colour wins over its tags'.
 */
import type { Annotation, Tag } from '../../shared/model'
import { TAG_PALETTE as PALETTE } from '../../shared/tag-palette'
import { entityColour } from './entity-colours'

/** Colour of a highlight with neither its own colour nor a tag. */
export const UNTAGGED_COLOUR = '#f2c14e'

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
export function resolveTagColours(tags: readonly Tag[], extraNames: readonly string[] = []): Map<string, string> {
  const out = new Map<string, string>()
  const taken = new Set<string>()
  for (const t of tags) {
    if (t.color && t.color.trim()) {
      out.set(t.id, t.color)
      taken.add(t.color.toLowerCase())
    }
  }
  const pending = [...new Set([...tags.map((t) => t.id), ...extraNames])].filter((n) => !out.has(n)).sort()
  for (const name of pending) {
    const first = hashString(name) % PALETTE.length
    let chosen = PALETTE[first]
    for (let k = 0; k < PALETTE.length; k++) {
      const c = PALETTE[(first + k) % PALETTE.length]
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
 * The colour a highlight is painted in: its own, else its linked entity's type colour
 * (lib/entity-colours.ts), else its first coloured tag's, else the default.
 */
export function colourForAnnotation(a: Pick<Annotation, 'color' | 'tags'> & { entityIds?: string[] }, tagColours: ReadonlyMap<string, string>): string {
  if (a.color) return a.color
  const linked = entityColour(a.entityIds)
  if (linked) return linked
  for (const t of a.tags) {
    const c = tagColours.get(t)
    if (c) return c
  }
  return UNTAGGED_COLOUR
}

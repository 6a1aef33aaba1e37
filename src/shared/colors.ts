/**
 * The one color module: colors of entity types, the palette new tags get, the color of an
 * untagged highlight, verdict badge colors, and the rule that picks a highlight's color.
 * Pure (no DOM): the services use it to give new tags a color, the renderer to paint.
 * Identifiers spell `color`, like CSS and the stored `color` fields of annotations and tags.
 */
import type { Annotation, EntityType, Tag, VerificationStatus } from './model'

/**
 * Highlight color of each entity type (solid; the highlight painter mixes it with transparency).
 * Hues chosen to be told apart with the common color-vision deficiencies (blue / orange /
 * purple / teal rather than red / green pairs), and distinct from the tag palette's yellow default.
 */
export const ENTITY_TYPE_COLORS: Readonly<Record<EntityType, string>> = {
  person: '#4285f4',
  place: '#ff9800',
  organisation: '#9c27b0',
  event: '#e53935',
  date: '#009688',
  work: '#795548',
  concept: '#607d8b'
}

/** The color of a type, for swatches, badges and highlights. */
export function entityTypeColor(type: EntityType): string {
  return ENTITY_TYPE_COLORS[type]
}

/**
 * Colors given to new tags, in order: distinct hues that stay readable under dark text when
 * painted at ~40% opacity. A tag keeps its color once assigned (stored in `tags`).
 */
export const TAG_PALETTE: readonly string[] = [
  '#f2c14e', '#7fb7e6', '#9bd18b', '#f28f8f', '#c9a0e8', '#f5a962', '#6fd1c4', '#e89ac7', '#b8c46a', '#a3a8f0'
]

/** The palette color for the n-th tag (0-based), cycling when there are more tags than colors. */
export function paletteColor(n: number): string {
  return TAG_PALETTE[n % TAG_PALETTE.length]
}

/** Color of a highlight with neither its own color, a linked entity, nor a colored tag. */
export const UNTAGGED_COLOR = '#f2c14e'

/** Badge color of each verdict (white text on it passes WCAG AA contrast). */
export const VERDICT_COLORS: Readonly<Record<VerificationStatus, string>> = {
  supported: '#2e7d32', 'partially-supported': '#8a6700', contradicted: '#b3261e', 'not-found': '#595959', unchecked: '#595959'
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
 * The color of every tag: its stored color when it has one, otherwise its hashed palette slot,
 * moving on to the next free slot when that color is already taken (tags are visited in name
 * order so the outcome does not depend on the order they are listed in). A tag without a color
 * (e.g. from an older or imported project) thus gets the same one on every start without anything
 * being written. With more tags than palette colors, colors repeat.
 * @param tags the project's tags (a missing or empty color means none)
 * @param extraNames tag names in use that `tags` may not list yet
 */
export function resolveTagColors(tags: readonly Tag[], extraNames: readonly string[] = []): Map<string, string> {
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
 * The color a highlight is painted in: its own, else the type color of its first linked entity
 * whose type is known, else its first colored tag's, else UNTAGGED_COLOR.
 * @param entityTypeOf the type of an entity by id (undefined when unknown)
 */
export function highlightColor(
  a: Pick<Annotation, 'color' | 'tags'> & { entityIds?: readonly string[] },
  tagColors: ReadonlyMap<string, string>,
  entityTypeOf: (id: string) => EntityType | undefined = () => undefined
): string {
  if (a.color) return a.color
  for (const id of a.entityIds ?? []) {
    const type = entityTypeOf(id)
    if (type) return ENTITY_TYPE_COLORS[type]
  }
  for (const t of a.tags) {
    const c = tagColors.get(t)
    if (c) return c
  }
  return UNTAGGED_COLOR
}

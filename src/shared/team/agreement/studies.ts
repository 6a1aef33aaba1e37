/**
 * Turning annotators' annotations on one document into agreement studies, as INCEpTION does for a
 * span layer: who annotated is the annotation's `author`; what they said is its tags (`by: 'tag'`)
 * or the types of the entities it links (`by: 'type'`). Annotations with no label of the kind
 * measured are not part of the study. Offsets are code points of the document's normalised text.
 */
import type { Annotation, Entity, Id } from '../../model'
import type { CodingItem } from './coding'
import type { Unit, UnitizingStudy } from './unitizing'

export type AgreementDimension = 'tag' | 'type'

/** Separator of a set of labels written as one nominal value (`person + place`). */
export const VALUE_SEPARATOR = ' + '

/** The labels an annotation carries in the dimension measured, sorted and unique. */
export function labelsOf(a: Annotation, by: AgreementDimension, entities: Readonly<Record<Id, Entity>>): string[] {
  const labels = by === 'tag' ? a.tags : a.entityIds.map((id) => entities[id]?.type).filter((t): t is Entity['type'] => !!t)
  return [...new Set(labels)].sort()
}

/** True when a set value written with VALUE_SEPARATOR contains `label`. */
export function valueContains(value: string, label: string): boolean {
  return value.split(VALUE_SEPARATOR).includes(label)
}

export interface CodingStudyResult {
  /** One row per position, one value per rater (in `raters` order). */
  items: CodingItem[]
  /** Positions `start-end` left out because one rater put two annotations there (INCEpTION: stacked). */
  stacked: string[]
}

/**
 * The coding study: an item is a position (start, end) at which any rater has an annotation with a
 * label; a rater's value there is the set of labels of their annotation (sets written `a + b`), or
 * `null` when they have no annotation there. Positions where a rater has two annotations are left out.
 */
export function codingStudy(annotations: readonly Annotation[], raters: readonly string[], by: AgreementDimension, entities: Readonly<Record<Id, Entity>>): CodingStudyResult {
  const index = new Map(raters.map((r, i) => [r, i]))
  const positions = new Map<string, (string | null)[]>()
  const stacked = new Set<string>()
  for (const a of annotations) {
    const rater = index.get(a.author)
    const labels = labelsOf(a, by, entities)
    if (rater === undefined || labels.length === 0) continue
    const key = `${a.target.start}-${a.target.end}`
    let row = positions.get(key)
    if (!row) positions.set(key, (row = raters.map(() => null)))
    if (row[rater] !== null) stacked.add(key)
    row[rater] = labels.join(VALUE_SEPARATOR)
  }
  const keys = [...positions.keys()].filter((k) => !stacked.has(k)).sort(byPosition)
  return { items: keys.map((k) => positions.get(k)!), stacked: [...stacked].sort(byPosition) }
}

function byPosition(a: string, b: string): number {
  const [as, ae] = a.split('-').map(Number)
  const [bs, be] = b.split('-').map(Number)
  return as - bs || ae - be
}

/**
 * The unitizing study over the document (continuum = its length in code points): each label of an
 * annotation is a unit of that category. As INCEpTION, a rater's unit overlapping an earlier unit of
 * the same category (annotations taken by start, longer first) is left out, since αu forbids it.
 */
export function unitizingStudy(annotations: readonly Annotation[], raters: readonly string[], by: AgreementDimension, entities: Readonly<Record<Id, Entity>>, length: number): UnitizingStudy & { skipped: number } {
  const index = new Map(raters.map((r, i) => [r, i]))
  const ordered = [...annotations].sort((a, b) => a.target.start - b.target.start || b.target.end - a.target.end)
  const reach = new Map<string, number>() // `${rater}\0${category}` → end of the last unit kept
  const units: Unit[] = []
  let skipped = 0
  for (const a of ordered) {
    const rater = index.get(a.author)
    if (rater === undefined || a.target.end <= a.target.start) continue
    for (const category of labelsOf(a, by, entities)) {
      const key = `${rater}\u0000${category}`
      if ((reach.get(key) ?? -1) > a.target.start) {
        skipped++
        continue
      }
      reach.set(key, a.target.end)
      units.push({ rater, start: a.target.start, end: Math.min(a.target.end, length), category })
    }
  }
  return { length, raters: raters.length, units, skipped }
}

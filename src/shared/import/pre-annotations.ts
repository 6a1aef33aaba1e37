/**
 * Turns an edition's own name and date markup (ParsedDocument.mentions / .entities) into
 * Marginalia records: one annotation per mention, linked to an entity. An entity the project
 * already has is reused — matched by an authority id (Wikidata, VIAF, GeoNames…), or, for names
 * from the edition's own register and for dates, by type and label — and new ones are created
 * otherwise. Existing entities are never changed. Pure: the service stores the result together with
 * the document in one undoable edit.
 */
import { describe } from '../anchoring/describe'
import type { Annotation, Entity, Id } from '../model'
import { CodePointIndex } from '../text/code-points'
import type { EntityHint, PreAnnotation } from './parsed-document'

export interface PreAnnotationEnv {
  newId(prefix: string): string
  /** ISO timestamp with timezone. */
  now: string
  author: string
}

export interface MaterialisedMentions {
  annotations: Annotation[]
  /** Entities to create. */
  entities: Entity[]
  /** Existing entities the mentions were linked to. */
  reused: number
}

/** Tag put on annotations that come from the source's own markup. */
export const PRE_ANNOTATION_TAG = 'source markup'

const labelKey = (type: string, label: string) => `${type}:${label.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}`

/** Links each mention to an existing or new entity and makes its annotation. */
export function materialisePreAnnotations(
  existing: Readonly<Record<Id, Entity>>,
  documentId: Id,
  text: string,
  mentions: readonly PreAnnotation[],
  hints: readonly EntityHint[],
  env: PreAnnotationEnv
): MaterialisedMentions {
  const byAuthority = new Map<string, Entity>()
  const byLabel = new Map<string, Entity>()
  for (const e of Object.values(existing)) {
    for (const a of e.authorities) byAuthority.set(`${a.scheme}:${a.id}`, e)
    byLabel.set(labelKey(e.type, e.label), e)
    if (e.type === 'date' && e.dates.date) byLabel.set(labelKey('date', e.dates.date), e)
  }
  const entities: Entity[] = []
  const entityOf = new Map<string, Id>()
  let reused = 0
  for (const hint of hints) {
    const match = hint.authorities.map((a) => byAuthority.get(`${a.scheme}:${a.id}`)).find(Boolean)
      ?? (hint.registered ? byLabel.get(labelKey(hint.type, hint.label)) : undefined)
    if (match && match.type === hint.type) {
      entityOf.set(hint.key, match.id)
      reused++
      continue
    }
    const entity: Entity = {
      id: env.newId('ent'),
      type: hint.type,
      label: hint.label.slice(0, 500),
      aliases: hint.aliases.map((a) => a.slice(0, 500)),
      description: hint.description,
      authorities: hint.authorities,
      dates: hint.dates,
      created: env.now,
      modified: env.now
    }
    if (hint.coordinates) entity.coordinates = hint.coordinates
    entities.push(entity)
    entityOf.set(hint.key, entity.id)
    // A later hint with the same authority or label (another edition's spelling) reuses it.
    for (const a of entity.authorities) byAuthority.set(`${a.scheme}:${a.id}`, entity)
    if (hint.registered) byLabel.set(labelKey(entity.type, entity.label), entity)
  }
  const index = new CodePointIndex(text)
  const annotations: Annotation[] = mentions
    .filter((m) => entityOf.has(m.entityKey) && m.end > m.start && m.end <= index.length)
    .map((m) => ({
      id: env.newId('ann'),
      documentId,
      target: describe(index, m.start, m.end),
      tags: [PRE_ANNOTATION_TAG],
      note: '',
      entityIds: [entityOf.get(m.entityKey)!],
      citations: [],
      author: env.author,
      created: env.now,
      modified: env.now,
      status: 'anchored'
    }))
  return { annotations, entities, reused }
}

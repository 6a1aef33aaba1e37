/**
 * Curation, as in INCEpTION: annotators' versions of a passage side by side, and one version per
 * disputed passage accepted into a curated layer: the annotations whose `author` (the annotator,
 * agreement's rater) is CURATION_AUTHOR; `createdBy` names the curator who accepted each one.
 * Offsets are code points.
 */
import type { Annotation, Id } from '../model'
import { sameJson } from './stable-json'

/** Author name of the curated layer's annotations. */
export const CURATION_AUTHOR = 'curation'

/** Overlapping annotations of one document by annotators who did not all say the same thing. */
export interface DisputedSpan {
  /** Union of the versions' spans (code points, end exclusive). */
  start: number
  end: number
  /** Each annotator's annotations in the span, by author. */
  versions: Record<string, Annotation[]>
  /** The curated annotation already accepted for it, if any. */
  curated?: Annotation
}

const what = (a: Annotation) => ({ start: a.target.start, end: a.target.end, tags: [...a.tags].sort(), entityIds: [...a.entityIds].sort(), note: a.note })

/**
 * Groups the document's annotations into clusters of overlapping spans and returns those where the
 * annotators disagree (a span, tag, entity or note differs, or someone has no annotation there).
 */
export function disputedSpans(annotations: readonly Annotation[], documentId: Id): DisputedSpan[] {
  const own = annotations.filter((a) => a.documentId === documentId).sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end)
  const authors = [...new Set(own.filter((a) => a.author !== CURATION_AUTHOR).map((a) => a.author))]
  const clusters: Annotation[][] = []
  let end = -1
  for (const a of own) {
    if (a.target.start < end) clusters[clusters.length - 1].push(a)
    else clusters.push([a])
    end = Math.max(end, a.target.end)
  }
  const out: DisputedSpan[] = []
  for (const cluster of clusters) {
    const versions: Record<string, Annotation[]> = Object.fromEntries(authors.map((x) => [x, []]))
    for (const a of cluster) if (a.author !== CURATION_AUTHOR) versions[a.author].push(a)
    const said = Object.values(versions).map((xs) => xs.map(what))
    if (said.every((s) => sameJson(s, said[0]))) continue
    const curated = cluster.find((a) => a.author === CURATION_AUTHOR)
    out.push({ start: cluster[0].target.start, end: Math.max(...cluster.map((a) => a.target.end)), versions, ...(curated ? { curated } : {}) })
  }
  return out
}

export interface CurationPlan {
  /** The annotation accepted into the curated layer. */
  put: Annotation
  /** Curated annotations it replaces (they overlapped it). */
  remove: Id[]
}

/**
 * Plans accepting annotation `sourceId` into the curated layer: a copy (same passage, tags, links,
 * note, citations) authored by CURATION_AUTHOR, replacing curated annotations that overlap it.
 * @throws Error when the annotation does not exist or is itself curated.
 */
export function planAcceptIntoCuration(annotations: Readonly<Record<Id, Annotation>>, sourceId: Id, newId: Id, now: string): CurationPlan {
  const source = Object.prototype.hasOwnProperty.call(annotations, sourceId) ? annotations[sourceId] : undefined
  if (!source) throw new Error(`no annotation ${sourceId}`)
  if (source.author === CURATION_AUTHOR) throw new Error(`${sourceId} is already in the curated layer`)
  const remove = Object.values(annotations)
    .filter((a) => a.author === CURATION_AUTHOR && a.documentId === source.documentId && a.target.start < source.target.end && source.target.start < a.target.end)
    .map((a) => a.id)
  // The curated record is the curator's: its authorship is left for the services to stamp.
  const { createdBy: _c, modifiedBy: _m, ...copy } = structuredCopy(source)
  return { put: { ...copy, id: newId, author: CURATION_AUTHOR, created: now, modified: now }, remove }
}

function structuredCopy(a: Annotation): Annotation {
  return JSON.parse(JSON.stringify(a)) as Annotation
}

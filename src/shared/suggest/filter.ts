/**
 * Removes suggestions the historian has already dealt with: passages already linked to an entity
 * (any overlap), passages already highlighted exactly, and suggestions they rejected.
 * Offsets are code points.
 */
import type { Annotation, RejectedSuggestion } from '../model'
import { overlaps, type Suggestion } from './types'

/** True when a rejection covers this suggestion (same span and same text). */
export function isRejected(s: Suggestion, rejected: readonly RejectedSuggestion[]): boolean {
  return rejected.some((r) => r.start === s.start && r.end === s.end && r.exact === s.exact)
}

/**
 * The suggestions not yet annotated nor rejected.
 * @param annotations annotations of the same document.
 * @param rejected rejections of the same document.
 */
export function withoutHandled(
  suggestions: readonly Suggestion[],
  annotations: readonly Annotation[],
  rejected: readonly RejectedSuggestion[]
): Suggestion[] {
  const linked = annotations.filter((a) => a.entityIds.length > 0).map((a) => a.target)
  const spans = new Set(annotations.map((a) => `${a.target.start}:${a.target.end}`))
  return suggestions.filter(
    (s) => !spans.has(`${s.start}:${s.end}`) && !linked.some((t) => overlaps(t, s)) && !isRejected(s, rejected)
  )
}

/**
 * Removes suggestions the historian has already dealt with: passages already linked to an entity
 * (any overlap), passages already highlighted exactly, and suggestions they rejected.
 * Offsets are code points.
 */
import type { Annotation, RejectedSuggestion } from '../model'
import { SpanIndex } from './span-index'
import type { Suggestion } from './types'

const rejectionKey = (r: { start: number; end: number; exact: string }): string => `${r.start}:${r.end}:${r.exact}`

/** True when a rejection covers this suggestion (same span and same text). */
export function isRejected(s: Suggestion, rejected: readonly RejectedSuggestion[]): boolean {
  return rejected.some((r) => r.start === s.start && r.end === s.end && r.exact === s.exact)
}

/**
 * The suggestions not yet annotated nor rejected, in their order. O((S + A) log A) for S
 * suggestions and A annotations, so a book with thousands of each filters in milliseconds.
 * @param annotations annotations of the same document.
 * @param rejected rejections of the same document.
 */
export function withoutHandled(
  suggestions: readonly Suggestion[],
  annotations: readonly Annotation[],
  rejected: readonly RejectedSuggestion[]
): Suggestion[] {
  const linked = new SpanIndex(annotations.filter((a) => a.entityIds.length > 0).map((a) => a.target))
  const spans = new Set(annotations.map((a) => `${a.target.start}:${a.target.end}`))
  const refused = new Set(rejected.map(rejectionKey))
  return suggestions.filter((s) => !spans.has(`${s.start}:${s.end}`) && !linked.overlaps(s) && !refused.has(rejectionKey(s)))
}

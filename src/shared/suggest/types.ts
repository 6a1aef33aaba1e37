/** A candidate mention proposed to the historian. Never stored; accepting it creates an annotation. */
import type { EntityType, Id, SuggestionSource } from '../model'

export type { SuggestionSource }

export interface Suggestion {
  /** Code point offset of the first character, in the document's normalised text. */
  start: number
  /** Code point offset after the last character (exclusive). */
  end: number
  /** The text [start, end) as written. */
  exact: string
  /** Proposed entity type. */
  type: EntityType
  source: SuggestionSource
  /** The known entity this mention matches, when there is one. */
  entityId?: Id
  /** For dates: the EDTF value, e.g. `1390-04-14`, `1403/1408`, `1400~`. */
  edtf?: string
  /** For dates written without a year (`on 5 February`): the year was inferred from the text before it. */
  inferred?: boolean
  /** The explicit date the year was taken from; offsets in code points of the same text. */
  inferredFrom?: { start: number; end: number; exact: string }
}

/** True when [a.start, a.end) and [b.start, b.end) share at least one code point. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

/**
 * Keeps the longest of overlapping candidates (ties: earliest, then input order), returning them
 * in text order. Used within one finder, where a longer match is the better reading
 * (`22 September 1408` over `1408`, `Manuel II` over `Manuel`).
 */
export function longestNonOverlapping<T extends { start: number; end: number }>(items: T[]): T[] {
  const order = items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.end - b.item.start - (a.item.end - a.item.start) || a.item.start - b.item.start || a.i - b.i)
  const kept: T[] = []
  for (const { item } of order) if (!kept.some((k) => overlaps(k, item))) kept.push(item)
  return kept.sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * Identity of a suggestion in a list: span, type, source, matched entity and date value. Two
 * suggestions with equal keys propose the same thing; a SuggestionUpdate names removals by key.
 */
export function suggestionKey(s: Suggestion): string {
  return `${s.start}:${s.end}:${s.type}:${s.source}:${s.entityId ?? ''}:${s.edtf ?? ''}`
}

/**
 * How a document's suggestion list changed after an edit (accepting a suggestion may also add
 * other mentions of the entity it created, or match found names to it). Apply it with
 * applySuggestionUpdate to the list `suggestMentions` gave, instead of asking for the list again.
 */
export interface SuggestionUpdate {
  documentId: Id
  /** suggestionKey of each suggestion no longer proposed. */
  removed: string[]
  /** Suggestions newly proposed, in text order. */
  added: Suggestion[]
}

/** The differences from `before` to `after` as an update of `documentId`'s list. */
export function diffSuggestions(documentId: Id, before: readonly Suggestion[], after: readonly Suggestion[]): SuggestionUpdate {
  const old = new Set(before.map(suggestionKey))
  const now = new Set(after.map(suggestionKey))
  return {
    documentId,
    removed: [...old].filter((k) => !now.has(k)),
    added: after.filter((s) => !old.has(suggestionKey(s)))
  }
}

/** `list` with `update` applied, in text order (start, then longest first), as `suggestMentions` orders it. */
export function applySuggestionUpdate(list: readonly Suggestion[], update: SuggestionUpdate): Suggestion[] {
  const removed = new Set(update.removed)
  return [...list.filter((s) => !removed.has(suggestionKey(s))), ...update.added].sort((a, b) => a.start - b.start || b.end - a.end)
}

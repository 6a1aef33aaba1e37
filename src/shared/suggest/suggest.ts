/**
 * Suggestions for one document: (a) other occurrences of known entities' names, (b) people,
 * places, organisations and events found by NLP, (c) dates normalised to EDTF. Where they
 * overlap, a known entity's name beats a date, and a date beats an NLP name; NLP names that
 * nest inside one another are all kept (`Keratsa of Bulgaria` and `Bulgaria`). Nothing here
 * writes anything: suggestions become annotations only when the historian accepts them.
 *
 * The work comes in three layers, so a caller can keep the costly one (see
 * src/main/services/entities/suggestion-cache.ts):
 * 1. `readText` (./read-text.ts): what depends on the text alone — the NLP pass (tens of seconds on a whole book)
 *    and the date patterns. Computed once per text version.
 * 2. `resolve` (./resolve.ts): what also depends on the entity registry — known names found in the text, and
 *    NLP names and dates matched to known entities. Milliseconds once the text is folded.
 * 3. `withoutHandled` (./filter.ts): what the historian already dealt with is left out.
 * Offsets are code points of the document's normalised text.
 */
import { type Annotation, type Entity, type RejectedSuggestion, SUGGESTION_SOURCES } from '../model'
import { withoutHandled } from './filter'
import { readText, readTextAsync } from './read-text'
import { resolve } from './resolve'
import type { Suggestion, SuggestionSource } from './types'

export interface SuggestInput {
  /** The document's normalised text. */
  text: string
  /** Every entity of the project. */
  entities: readonly Entity[]
  /** The document's annotations. */
  annotations: readonly Annotation[]
  /** The document's rejected suggestions. */
  rejected: readonly RejectedSuggestion[]
  /** Which finders to run (all by default). */
  sources?: readonly SuggestionSource[]
  /** Progress in code points of the text scanned by the NLP pass. */
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

/** Every suggestion for the document, in text order; see the module comment. */
export function suggest(input: SuggestInput): Suggestion[] {
  const sources = input.sources ?? SUGGESTION_SOURCES
  const reading = readText(input.text, sources, input.onProgress, input.signal)
  input.signal?.throwIfAborted()
  return withoutHandled(resolve(input.text, reading, input.entities, sources), input.annotations, input.rejected)
}

/** As suggest, with the NLP pass yielding to the event loop (readTextAsync). */
export async function suggestAsync(input: SuggestInput): Promise<Suggestion[]> {
  const sources = input.sources ?? SUGGESTION_SOURCES
  const reading = await readTextAsync(input.text, sources, input.onProgress, input.signal)
  input.signal?.throwIfAborted()
  return withoutHandled(resolve(input.text, reading, input.entities, sources), input.annotations, input.rejected)
}

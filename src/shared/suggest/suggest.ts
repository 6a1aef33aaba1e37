/**
 * Suggestions for one document: (a) other occurrences of known entities' names, (b) people,
 * places, organisations and events found by NLP, (c) dates normalised to EDTF. Where they
 * overlap, a known entity's name beats a date, and a date beats an NLP name; NLP names that
 * nest inside one another are all kept (`Keratsa of Bulgaria` and `Bulgaria`). Nothing here
 * writes anything: suggestions become annotations only when the historian accepts them.
 * Offsets are code points of the document's normalised text.
 */
import type { Annotation, Entity, RejectedSuggestion } from '../model'
import { findByName } from '../entities/type-ahead'
import { findAliasMentions } from './alias-finder'
import { findDates } from './date-finder'
import { withoutHandled } from './filter'
import { findNames } from './name-finder'
import { datesOfParagraph } from './nlp-dates'
import { longestNonOverlapping, overlaps, type Suggestion, type SuggestionSource } from './types'

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

/** The date entity whose date is exactly this EDTF value, if exactly one exists. */
function dateEntity(entities: readonly Entity[], edtf: string): Entity | undefined {
  const found = entities.filter((e) => e.type === 'date' && e.dates.date === edtf)
  return found.length === 1 ? found[0] : undefined
}

/** Every suggestion for the document, in text order; see the module comment. */
export function suggest(input: SuggestInput): Suggestion[] {
  const want = new Set(input.sources ?? ['alias', 'nlp', 'date'])
  const aliases = want.has('alias') ? findAliasMentions(input.text, input.entities) : []
  // One compromise parse per paragraph serves both the name finder and compromise-dates.
  const nlpDates: Suggestion[] = []
  const rawNames = want.has('nlp')
    ? findNames(input.text, input.onProgress, input.signal, want.has('date')
      ? (view, para, offset, index) => nlpDates.push(...datesOfParagraph(view, para, offset, index))
      : undefined)
    : []
  input.signal?.throwIfAborted()
  let dates: Suggestion[] = []
  if (want.has('date')) {
    const found = findDates(input.text)
    // compromise-dates fills gaps only: the patterns are more exact where both read a date.
    const extra = nlpDates.filter((d) => !found.some((f) => overlaps(f, d)))
    dates = longestNonOverlapping([...found, ...extra])
      .filter((d) => !aliases.some((a) => overlaps(a, d)))
      .map((d) => {
        const entity = d.edtf ? dateEntity(input.entities, d.edtf) : undefined
        return entity ? { ...d, entityId: entity.id } : d
      })
  }
  const names = rawNames
    .filter((n) => !aliases.some((a) => overlaps(a, n)) && !dates.some((d) => overlaps(d, n)))
    .map((n) => {
      const known = findByName(input.entities, n.exact, n.type)
      return known.length === 1 ? { ...n, entityId: known[0].id } : n
    })
  const all = [...aliases, ...dates, ...names].sort((a, b) => a.start - b.start || b.end - a.end)
  return withoutHandled(all, input.annotations, input.rejected)
}

/**
 * Suggestions for one document: (a) other occurrences of known entities' names, (b) people,
 * places, organisations and events found by NLP, (c) dates normalised to EDTF. Where they
 * overlap, a known entity's name beats a date, and a date beats an NLP name; NLP names that
 * nest inside one another are all kept (`Keratsa of Bulgaria` and `Bulgaria`). Nothing here
 * writes anything: suggestions become annotations only when the historian accepts them.
 * Offsets are code points of the document's normalised text.
 */
import { type Annotation, type Entity, type RejectedSuggestion, SUGGESTION_SOURCES } from '../model'
import { findByName } from '../entities/type-ahead'
import { findAliasMentions } from './alias-finder'
import { findDates } from './date-finder'
import { withoutHandled } from './filter'
import { findNames, findNamesAsync, type ParagraphReader } from './name-finder'
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
  const nlpDates: Suggestion[] = []
  const names = wants(input, 'nlp') ? findNames(input.text, input.onProgress, input.signal, dateReader(input, nlpDates)) : []
  return assemble(input, names, nlpDates)
}

/**
 * As suggest, but the NLP pass yields to the event loop regularly (see findNamesAsync): the one
 * the services use, so a long book neither freezes the server nor ignores a cancellation.
 */
export async function suggestAsync(input: SuggestInput): Promise<Suggestion[]> {
  const nlpDates: Suggestion[] = []
  const names = wants(input, 'nlp') ? await findNamesAsync(input.text, input.onProgress, input.signal, dateReader(input, nlpDates)) : []
  return assemble(input, names, nlpDates)
}

const wants = (input: SuggestInput, source: SuggestionSource): boolean => (input.sources ?? SUGGESTION_SOURCES).includes(source)

/** One compromise parse per paragraph serves both the name finder and compromise-dates. */
function dateReader(input: SuggestInput, into: Suggestion[]): ParagraphReader | undefined {
  return wants(input, 'date') ? (view, para, offset, index) => into.push(...datesOfParagraph(view, para, offset, index)) : undefined
}

/** Combines the finders' results: known names first, then dates, then NLP names; drops what is handled. */
function assemble(input: SuggestInput, rawNames: Suggestion[], nlpDates: Suggestion[]): Suggestion[] {
  input.signal?.throwIfAborted()
  const aliases = wants(input, 'alias') ? findAliasMentions(input.text, input.entities) : []
  let dates: Suggestion[] = []
  if (wants(input, 'date')) {
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

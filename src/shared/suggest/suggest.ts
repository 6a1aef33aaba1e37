/**
 * Suggestions for one document: (a) other occurrences of known entities' names, (b) people,
 * places, organisations and events found by NLP, (c) dates normalised to EDTF. Where they
 * overlap, a known entity's name beats a date, and a date beats an NLP name; NLP names that
 * nest inside one another are all kept (`Keratsa of Bulgaria` and `Bulgaria`). Nothing here
 * writes anything: suggestions become annotations only when the historian accepts them.
 *
 * The work comes in three layers, so a caller can keep the costly one (see
 * src/main/services/entities/suggestion-cache.ts):
 * 1. `readText`: what depends on the text alone — the NLP pass (tens of seconds on a whole book)
 *    and the date patterns. Computed once per text version.
 * 2. `resolve`: what also depends on the entity registry — known names found in the text, and
 *    NLP names and dates matched to known entities. Milliseconds once the text is folded.
 * 3. `withoutHandled` (./filter.ts): what the historian already dealt with is left out.
 * Offsets are code points of the document's normalised text.
 */
import { type Annotation, type Entity, type RejectedSuggestion, SUGGESTION_SOURCES } from '../model'
import { foldKey, foldText, type FoldedText } from '../text/fold'
import { findAliasMentions } from './alias-finder'
import { findDates } from './date-finder'
import { withoutHandled } from './filter'
import { findNames, findNamesAsync, type ParagraphReader } from './name-finder'
import { datesOfParagraph } from './nlp-dates'
import { SpanIndex } from './span-index'
import { longestNonOverlapping, type Suggestion, type SuggestionSource } from './types'

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

/** What the finders read from the text alone (layer 1). Offsets in code points. */
export interface TextReading {
  /** Names found by the NLP pass (empty when it was not run). */
  names: Suggestion[]
  /** Dates compromise-dates read during the NLP pass (empty when it was not run). */
  nlpDates: Suggestion[]
  /** Dates found by the patterns of date-finder.ts (empty when not asked for). */
  dates: Suggestion[]
  /** The text folded for name matching (computed on first use by `resolve`). */
  folded?: FoldedText
}

/** Layer 1, synchronously: the NLP pass (when `nlp` is wanted) and the date patterns (when `date` is). */
export function readText(text: string, sources: readonly SuggestionSource[] = SUGGESTION_SOURCES, onProgress?: SuggestInput['onProgress'], signal?: AbortSignal): TextReading {
  const nlpDates: Suggestion[] = []
  const names = sources.includes('nlp') ? findNames(text, onProgress, signal, dateReader(sources, nlpDates)) : []
  return { names, nlpDates, dates: sources.includes('date') ? findDates(text) : [] }
}

/**
 * Layer 1, yielding to the event loop regularly during the NLP pass (see findNamesAsync): the one
 * the services use, so a long book neither freezes the server nor ignores a cancellation.
 */
export async function readTextAsync(text: string, sources: readonly SuggestionSource[] = SUGGESTION_SOURCES, onProgress?: SuggestInput['onProgress'], signal?: AbortSignal): Promise<TextReading> {
  const nlpDates: Suggestion[] = []
  const names = sources.includes('nlp') ? await findNamesAsync(text, onProgress, signal, dateReader(sources, nlpDates)) : []
  return { names, nlpDates, dates: sources.includes('date') ? findDates(text) : [] }
}

/** One compromise parse per paragraph serves both the name finder and compromise-dates. */
function dateReader(sources: readonly SuggestionSource[], into: Suggestion[]): ParagraphReader | undefined {
  return sources.includes('date') ? (view, para, offset, index) => into.push(...datesOfParagraph(view, para, offset, index)) : undefined
}

/** Known entities by folded name and type, for matching found names to them in one lookup each. */
export class EntityNameIndex {
  private readonly byName = new Map<string, Entity[]>()
  private readonly byDate = new Map<string, Entity[]>()

  constructor(entities: readonly Entity[]) {
    for (const e of entities) {
      if (e.type === 'date') {
        if (e.dates.date) push(this.byDate, e.dates.date, e)
        continue
      }
      for (const key of new Set([e.label, ...e.aliases].map(foldKey))) push(this.byName, `${e.type}\u0000${key}`, e)
    }
  }

  /** The one entity of `type` with this name (label or alias, folded), if exactly one has it. */
  named(name: string, type: string): Entity | undefined {
    const found = this.byName.get(`${type}\u0000${foldKey(name)}`)
    return found?.length === 1 ? found[0] : undefined
  }

  /** The one date entity whose date is exactly this EDTF value, if exactly one exists. */
  dated(edtf: string): Entity | undefined {
    const found = this.byDate.get(edtf)
    return found?.length === 1 ? found[0] : undefined
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/**
 * Layer 2: combines the reading with the registry — known names first, then dates, then NLP
 * names — in text order, handled or not. Folds the text on first use and keeps it in `reading`.
 */
export function resolve(text: string, reading: TextReading, entities: readonly Entity[], sources: readonly SuggestionSource[] = SUGGESTION_SOURCES): Suggestion[] {
  const index = new EntityNameIndex(entities)
  let aliases: Suggestion[] = []
  if (sources.includes('alias')) {
    reading.folded ??= foldText(text)
    aliases = findAliasMentions(text, entities, reading.folded)
  }
  const known = new SpanIndex(aliases)
  let dates: Suggestion[] = []
  if (sources.includes('date')) {
    // compromise-dates fills gaps only: the patterns are more exact where both read a date.
    const patterned = new SpanIndex(reading.dates)
    const extra = sources.includes('nlp') ? reading.nlpDates.filter((d) => !patterned.overlaps(d)) : []
    dates = longestNonOverlapping([...reading.dates, ...extra])
      .filter((d) => !known.overlaps(d))
      .map((d) => {
        const entity = d.edtf ? index.dated(d.edtf) : undefined
        return entity ? { ...d, entityId: entity.id } : d
      })
  }
  const taken = new SpanIndex([...aliases, ...dates])
  const names = (sources.includes('nlp') ? reading.names : [])
    .filter((n) => !taken.overlaps(n))
    .map((n) => {
      const known = index.named(n.exact, n.type)
      return known ? { ...n, entityId: known.id } : n
    })
  return [...aliases, ...dates, ...names].sort((a, b) => a.start - b.start || b.end - a.end)
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

/**
 * Layer 2 of the suggesters (see suggest.ts): what depends on the text and the entity registry —
 * known names found in the text, and NLP names and dates matched to known entities. Milliseconds
 * once the text is folded. Kept apart from the NLP pass (read-text.ts) so that code needing only
 * this layer does not load compromise (≈ 0.4 s of start-up in every CLI call).
 * Offsets are code points of the document's normalised text.
 */
import { type Entity, SUGGESTION_SOURCES } from '../model'
import { foldKey, foldText, type FoldedText } from '../text/fold'
import { findAliasMentions } from './alias-finder'
import { SpanIndex } from './span-index'
import { longestNonOverlapping, type Suggestion, type SuggestionSource } from './types'

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


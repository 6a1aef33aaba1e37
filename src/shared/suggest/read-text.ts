/**
 * Layer 1 of the suggesters (see suggest.ts): what depends on the text alone — the NLP pass
 * (compromise; tens of seconds on a whole book) and the date patterns. Computed once per text
 * version. Offsets are code points of the document's normalised text.
 */
import { SUGGESTION_SOURCES } from '../model'
import { findDates } from './date-finder'
import { findNames, findNamesAsync, type ParagraphReader } from './name-finder'
import { datesOfParagraph } from './nlp-dates'
import type { TextReading } from './resolve'
import type { Suggestion, SuggestionSource } from './types'

/** Progress in code points of the text scanned by the NLP pass. */
type OnProgress = (done: number, total: number) => void

/** Layer 1, synchronously: the NLP pass (when `nlp` is wanted) and the date patterns (when `date` is). */
export function readText(text: string, sources: readonly SuggestionSource[] = SUGGESTION_SOURCES, onProgress?: OnProgress, signal?: AbortSignal): TextReading {
  const nlpDates: Suggestion[] = []
  const names = sources.includes('nlp') ? findNames(text, onProgress, signal, dateReader(sources, nlpDates)) : []
  return { names, nlpDates, dates: sources.includes('date') ? findDates(text) : [] }
}

/**
 * Layer 1, yielding to the event loop regularly during the NLP pass (see findNamesAsync): the one
 * the services use, so a long book neither freezes the server nor ignores a cancellation.
 */
export async function readTextAsync(text: string, sources: readonly SuggestionSource[] = SUGGESTION_SOURCES, onProgress?: OnProgress, signal?: AbortSignal): Promise<TextReading> {
  const nlpDates: Suggestion[] = []
  const names = sources.includes('nlp') ? await findNamesAsync(text, onProgress, signal, dateReader(sources, nlpDates)) : []
  return { names, nlpDates, dates: sources.includes('date') ? findDates(text) : [] }
}

/** One compromise parse per paragraph serves both the name finder and compromise-dates. */
function dateReader(sources: readonly SuggestionSource[], into: Suggestion[]): ParagraphReader | undefined {
  return sources.includes('date') ? (view, para, offset, index) => into.push(...datesOfParagraph(view, para, offset, index)) : undefined
}


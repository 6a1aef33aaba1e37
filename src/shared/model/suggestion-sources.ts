/**
 * Where an entity suggestion comes from: a known entity's name (`alias`), the NLP name finder
 * (`nlp`), or the date finder (`date`). The one list the API contract, the suggester, the UI and
 * the CLI use; the zod schema is the source.
 */
import { z } from 'zod'

export const suggestionSourceSchema = z.enum(['alias', 'nlp', 'date'])

export type SuggestionSource = z.infer<typeof suggestionSourceSchema>

export const SUGGESTION_SOURCES: readonly SuggestionSource[] = suggestionSourceSchema.options

export const SUGGESTION_SOURCE_LABELS: Readonly<Record<SuggestionSource, string>> = {
  alias: 'Known names',
  nlp: 'Names found in the text',
  date: 'Dates'
}

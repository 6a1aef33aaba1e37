/**
 * The language of a bibliography item (CSL `language`), as a BCP 47 tag. citeproc applies English
 * title case only to items whose language is English (or not given), so a German or French title
 * keeps its own capitalisation when the item says `de` or `fr`. BibLaTeX files name languages
 * (`langid = {ngerman}`); those names become tags here so every item speaks one vocabulary.
 */

/** BibLaTeX/babel language names → BCP 47. */
const NAMES: Record<string, string> = {
  english: 'en', american: 'en-US', british: 'en-GB', ukenglish: 'en-GB', usenglish: 'en-US', australian: 'en-AU', canadian: 'en-CA',
  german: 'de', ngerman: 'de', austrian: 'de-AT', naustrian: 'de-AT', swissgerman: 'de-CH', nswissgerman: 'de-CH',
  french: 'fr', francais: 'fr', italian: 'it', spanish: 'es', portuguese: 'pt', portuges: 'pt', brazilian: 'pt-BR', dutch: 'nl',
  greek: 'el', polutonikogreek: 'el', ancientgreek: 'grc', latin: 'la', turkish: 'tr', russian: 'ru', polish: 'pl', czech: 'cs',
  danish: 'da', swedish: 'sv', norwegian: 'no', finnish: 'fi', hungarian: 'hu', romanian: 'ro', bulgarian: 'bg', serbian: 'sr',
  croatian: 'hr', slovenian: 'sl', ukrainian: 'uk', catalan: 'ca', hebrew: 'he', arabic: 'ar', japanese: 'ja', chinese: 'zh'
}

/** A BCP 47 language tag (language, then optional script, region, variants). */
const TAG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/

/**
 * `value` as a BCP 47 tag: a tag stays as written (case kept), a BibLaTeX language name becomes its
 * tag (`ngerman` → `de`); undefined for an empty value or one that is neither.
 */
export function normaliseLanguage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const v = value.trim()
  if (!v) return undefined
  const named = NAMES[v.toLowerCase().replace(/[^a-z]/g, '')]
  if (named) return named
  return TAG.test(v) ? v : undefined
}

/**
 * Who, when two people share a name. A modern claim tells them apart by regnal number
 * ("Andronikos II", "Andronikos III"); an older narrative by an epithet ("the elder Andronicus",
 * "Andronicus the Younger", "the young Alexius"). The source side records each name written with
 * such an epithet as a term of its own (`~younger:andronicu`); the claim side maps the regnal
 * numbers it gives for one name to those epithets: of two numbers of the same name in the claim
 * and its context, the lower is the elder (he reigned first), the higher the younger. Nothing is
 * mapped from a single number, nor from three or more of one name (three Alexii: which is "the
 * young" one cannot be told by order alone).
 */
import { labelValue } from '../structure/parse-locator'
import { stemOf } from '../text/stem'
import type { Token } from '../text/tokenise'
import { STOPWORDS } from './stopwords'

/** The two epithets a narrative tells namesakes apart by. */
export type Epithet = 'elder' | 'younger'

/** Words that say elder or younger ("the old emperor", "the young Alexius"). */
const EPITHET_WORDS: Record<string, Epithet> = { elder: 'elder', eldest: 'elder', old: 'elder', aged: 'elder', younger: 'younger', youngest: 'younger', young: 'younger' }
/** Titles that stand for the person in a narrative ("the elder emperor", "the young prince"): recorded as `~elder:*`. */
const ROLE_WORDS = new Set(['emperor', 'prince', 'king', 'sultan', 'monarch', 'sovereign', 'duke', 'caesar', 'despot'])
/** The term of a title with an epithet ("the aged emperor"), whoever bears it. */
export const ANY_NAME = '*'

/** A Roman numeral (I to CCCXCIX) as written after a name, in capitals. */
const ROMAN = /^(?=[IVXLC])(C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/

/** The value of a Roman numeral written in capitals ("VII" → 7, "IX's" → 9), or undefined. */
export function romanValue(text: string): number | undefined {
  const t = text.replace(/['’]s$/, '')
  return ROMAN.test(t) ? labelValue(t) : undefined
}

/**
 * The source words that make an epithet term, for marking them in a passage: the name's stem
 * (none for a title, `*`) and the stems of the epithet's words. Undefined for another term.
 */
export function epithetTermWords(term: string): string[] | undefined {
  const m = /^~(elder|younger):(.+)$/.exec(term)
  if (!m) return undefined
  const words = Object.keys(EPITHET_WORDS).filter((w) => EPITHET_WORDS[w] === m[1]).map(stemOf)
  return m[2] === ANY_NAME ? words : [m[2], ...words]
}

/** The index term of a name written with an epithet: `~younger:` + the name's stem. */
export function epithetTerm(epithet: Epithet, stem: string): string {
  return `~${epithet}:${stem}`
}

/**
 * Epithet terms of a sentence's tokens: "the elder Andronicus", "Andronicus the Younger",
 * "Andronicus, the elder". Only a word written with a capital inside the sentence counts as the
 * name (so "the younger brother" is no epithet of a name).
 */
export function epithetTermsOf(tokens: Token[]): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const e = EPITHET_WORDS[tokens[i].norm]
    if (!e) continue
    const after = tokens[i + 1]
    if (after?.cap && !/[.;:!?]/.test(after.gap)) out.push(epithetTerm(e, after.stem))
    else if (after && ROLE_WORDS.has(after.norm)) out.push(epithetTerm(e, ANY_NAME))
    const name = tokens[i - 2]
    if (i >= 2 && tokens[i - 1].norm === 'the' && name.cap && !STOPWORDS.has(name.norm) && !/[.;:!?]/.test(tokens[i - 1].gap)) out.push(epithetTerm(e, name.stem))
  }
  return out
}

/**
 * The epithets the claim's regnal numbers stand for, by the name's folded form: for each name
 * given exactly two different numbers in the claim and its context, lower number → elder,
 * higher → younger. `Map<norm, Map<number, Epithet>>`.
 */
export function regnalEpithets(texts: Token[][]): Map<string, Map<number, Epithet>> {
  const numbers = new Map<string, Set<number>>()
  for (const tokens of texts) {
    for (const m of regnalMentions(tokens)) {
      const set = numbers.get(m.norm) ?? new Set<number>()
      set.add(m.number)
      numbers.set(m.norm, set)
    }
  }
  const out = new Map<string, Map<number, Epithet>>()
  for (const [norm, set] of numbers) {
    if (set.size !== 2) continue
    const [low, high] = [...set].sort((a, b) => a - b)
    out.set(norm, new Map<number, Epithet>([[low, 'elder'], [high, 'younger']]))
  }
  return out
}

/** Names followed by a regnal number ("John VII", "Michael IX's"): token index of the name, its norm and the number. */
export function regnalMentions(tokens: Token[]): { at: number; norm: string; number: number }[] {
  const out: { at: number; norm: string; number: number }[] = []
  for (let i = 1; i < tokens.length; i++) {
    if (!tokens[i].cap || !tokens[i - 1].cap) continue
    const n = romanValue(tokens[i].text)
    if (n !== undefined && !/[.;:!?,]/.test(tokens[i].gap)) out.push({ at: i - 1, norm: tokens[i - 1].norm, number: n })
  }
  return out
}

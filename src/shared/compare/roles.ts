/**
 * Who a passage is about when it does not say the name: a narrative names a person once and
 * then calls him by his title ("the sultan", "the emperor", "the usurper"). The index records which
 * titles the source gives which names ("the sultan Bajazet", "Mourzoufle, the usurper") as terms
 * `~role:<title stem>:<name stem>`; a window that says such a title of a claim's name, a few
 * sentences after the name in the same paragraph, is taken to be about that person.
 */
import type { Token } from '../text/tokenise'
import { stemOf } from '../text/stem'

/** Titles that stand for a person in a narrative. */
const TITLES = new Set(
  `emperor empress sultan king queen prince princess duke despot caesar usurper tyrant pope patriarch doge khan emir caliph
  regent marquis count monarch sovereign`.split(/\s+/)
)

/** The index term of a title given to a name: `~role:sultan:bajazet`. */
export function roleTerm(titleStem: string, nameStem: string): string {
  return `~role:${titleStem}:${nameStem}`
}

/** Stems of the titles (as the index spells them, e.g. `emperor`, `sultan`). */
export const TITLE_STEMS = [...TITLES].map(stemOf)

/**
 * Role terms of a sentence's tokens: a title followed by a name ("the sultan Bajazet", "the
 * emperor Alexius") or a name followed by ", the" and a title ("Mourzoufle, the usurper").
 * A name is a word written with a capital that is not the sentence's first.
 */
export function roleTermsOf(tokens: Token[]): string[] {
  const out: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!TITLES.has(tokens[i].norm) || tokens[i].cap) continue
    const after = tokens[i + 1]
    if (after?.cap && !/[.;:!?(]/.test(after.gap)) out.push(roleTerm(tokens[i].stem, after.stem))
    const name = tokens[i - 2]
    if (i >= 3 && tokens[i - 1].norm === 'the' && name.cap && /,/.test(tokens[i - 1].gap)) out.push(roleTerm(tokens[i].stem, name.stem))
  }
  return out
}

/**
 * Finds names of people, places, organisations and events with `compromise`: compromise splits
 * the text into sentences and terms and tags them (ProperNoun, Person, Place…); this module groups
 * capitalised terms into names (`Andronikos IV Palaiologos`, `Keratsa of Bulgaria`, `Sea of Marmara`)
 * and decides each name's type from compromise's tags and the cues in name-lexicon.ts
 * (`Emperor …`, `his uncle …`, `besieged …`, `… Sea`, regnal numerals). A name seen once with a
 * clear type lends it to its other, unclear mentions in the same document ("one sense per
 * discourse"). Offsets are code points of the text.
 */
import type { EntityType } from '../model'
import { foldKey } from '../text/fold'
import nlp from './nlp-instance'
import { CodePointIndex } from '../text/code-points'
import {
  DEMONYM, EVENT_HEADS, NAME_JOINERS, NOT_NAMES, ORGANISATION_HEADS, PERSON_CUES, PERSON_OF, PLACE_CUES, PLACE_HEADS, PLACE_OF,
  REGNAL, TITLES
} from './name-lexicon'
import type { Suggestion } from './types'
import { paragraphs, type Token, tokenise } from './tokens'

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific']
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region']
/** Punctuation after a term that ends a name (a full stop after an initial is handled apart). */
const BREAK = /[^\s]/

interface Name {
  tokens: Token[]
  type?: EntityType
  /** True when the type came from the name's own words or context, not from another mention. */
  firm: boolean
}

const isCapitalised = (t: Token): boolean => /^\p{Lu}/u.test(t.text)
const hasTag = (t: Token, tags: string[]): boolean => tags.some((tag) => t.tags.has(tag))
const isInitial = (t: Token): boolean => /^\p{Lu}$/u.test(t.text) && t.post.startsWith('.')

/** Tags of common words: a capitalised sentence opener with one of these is not a name. */
const COMMON_TAGS = ['Verb', 'Adverb', 'Conjunction', 'Preposition', 'Determiner', 'Pronoun', 'QuestionWord', 'Value']
/** Tags of words that are capitalised but never names of people or places (`July`, `Monday`). */
const CALENDAR_TAGS = ['Month', 'WeekDay']

function isNameWord(t: Token): boolean {
  if (!isCapitalised(t) || NOT_NAMES.has(t.folded) || /[\d:_]/.test(t.text) || hasTag(t, CALENDAR_TAGS)) return false
  // A capitalised sentence opener may be any word; it stays a candidate unless compromise knows
  // it as a common word, and is kept later only with evidence of a type (see classify).
  if (t.sentenceStart) return hasTag(t, ['ProperNoun', ...PERSON_TAGS, ...PLACE_TAGS]) || !hasTag(t, COMMON_TAGS)
  return true
}

/** A Greek numeral letter with its keraia (`Ζʹ`, `Ζ'`), as in `Ιωάννης Ζ' Παλαιολόγος`. */
const isGreekNumeral = (t: Token): boolean => /^[\u0391-\u03a9]{1,3}$/u.test(t.text) && /^['ʹ’]/.test(t.post)

/** Groups consecutive name words (with regnal numerals, initials and joiners like `of`) into names. */
function chunk(tokens: Token[]): Name[] {
  const names: Name[] = []
  let i = 0
  while (i < tokens.length) {
    if (!isNameWord(tokens[i]) || REGNAL.test(tokens[i].text)) {
      i++
      continue
    }
    const run: Token[] = [tokens[i]]
    let j = i + 1
    while (j < tokens.length) {
      const prev = run[run.length - 1]
      // compromise may end a sentence at an initial's full stop (`Elizabeth A. Zachariadou`).
      if (tokens[j].sentence !== prev.sentence && !isInitial(prev)) break
      const t = tokens[j]
      const glued = !BREAK.test(prev.post) || (isInitial(prev) && prev.post.trim() === '.') || (isGreekNumeral(prev) && prev.post.trim().length === 1) ||
        (/^[-‐]$/.test(prev.post) && isCapitalised(t)) // `Pierre-Joseph Proudhon`
      if (!glued || /[([{"“«]/.test(t.pre)) break
      if ((isInitial(t) || isGreekNumeral(t)) && tokens[j + 1] && isNameWord(tokens[j + 1])) run.push(t)
      else if (isNameWord(t) || (REGNAL.test(t.text) && t.text !== '')) run.push(t)
      else if (NAME_JOINERS.has(t.text) && !BREAK.test(t.post) && tokens[j + 1] && isNameWord(tokens[j + 1])) run.push(t)
      else break
      j++
    }
    names.push({ tokens: run, firm: false })
    i = j
  }
  return names
}

/** Removes leading titles (`Emperor`) and a trailing joiner; returns whether a title was removed. */
function trim(name: Name): boolean {
  let titled = false
  while (name.tokens.length > 1 && TITLES.has(name.tokens[0].folded)) {
    name.tokens.shift()
    titled = true
  }
  while (name.tokens.length && NAME_JOINERS.has(name.tokens[name.tokens.length - 1].text)) name.tokens.pop()
  while (name.tokens.length && NAME_JOINERS.has(name.tokens[0].text)) name.tokens.shift()
  return titled
}

const DETERMINERS = ['the', 'his', 'her', 'their', 'its', 'own', 'a', 'an', 'all']

/**
 * The lower-case word before a name, skipping determiners and possessives (`his uncle Manuel`);
 * `of` is looked through to the noun it follows (`the domain of Selymbria` gives `domain`).
 * `determined` tells whether a determiner was skipped (`by the Turks` is not `by Timur`).
 */
function cueBefore(tokens: Token[], first: Token): { cue: string; determined: boolean } {
  let determined = false
  for (let k = first.index - 1, seen = 0; k >= 0 && seen < 4; k--, seen++) {
    const t = tokens[k]
    if (t.sentence !== first.sentence || BREAK.test(t.post)) return { cue: '', determined }
    if (DETERMINERS.includes(t.folded)) {
      determined = true
      continue
    }
    if (t.folded === 'of' && tokens[k - 1] && PLACE_OF.has(tokens[k - 1].folded)) return { cue: 'of-place', determined }
    if (t.folded === 'of' && tokens[k - 1] && PERSON_OF.has(tokens[k - 1].folded)) return { cue: 'of-person', determined }
    return { cue: t.folded, determined }
  }
  return { cue: '', determined }
}

/** Splits `Keratsa of Bulgaria` into head `Keratsa` and tail `Bulgaria` (no tail when there is no `of`). */
function split(tokens: Token[]): { head: Token[]; tail: Token[] } {
  const of = tokens.findIndex((t) => t.text === 'of')
  return of < 0 ? { head: tokens, tail: [] } : { head: tokens.slice(0, of), tail: tokens.slice(of + 1) }
}

interface Verdict {
  type?: EntityType
  /** Also propose the part after `of` as a place (`Keratsa of Bulgaria`, `Battle of Ankara`). */
  tailPlace: boolean
  /** The type rests on a weak cue only; it is not lent to other mentions. */
  weak?: boolean
}

function classify(name: Name, all: Token[], titled: boolean): Verdict {
  const words = name.tokens.map((t) => t.folded)
  const { head, tail } = split(name.tokens)
  const headWords = head.map((t) => t.folded)
  const next = all[name.tokens[name.tokens.length - 1].index + 1]
  const { cue, determined } = cueBefore(all, name.tokens[0])
  const last = name.tokens[name.tokens.length - 1]
  const tailIsPlace = tail.length > 0 && (tail.some((t) => hasTag(t, PLACE_TAGS)) || !tail.some((t) => hasTag(t, PERSON_TAGS)))
  if (headWords.some((w) => EVENT_HEADS.has(w))) return { type: 'event', tailPlace: tailIsPlace }
  if (headWords.some((w) => ORGANISATION_HEADS.has(w))) return { type: 'organisation', tailPlace: tailIsPlace }
  if (words.some((w) => PLACE_HEADS.has(w))) return { type: 'place', tailPlace: false }
  if (TITLES.has(words[words.length - 1])) return { tailPlace: false } // an office (`Byzantine Emperor`), not a name
  // `Taoism`, `Roman Catholicism`: a doctrine, not a name of a person or place.
  if (/ism$/u.test(words[words.length - 1])) return { tailPlace: false }
  // `Serbian`, `Byzantines`: a demonym or a people, not one person or place.
  if (name.tokens.length === 1 && !hasTag(name.tokens[0], PERSON_TAGS) && (DEMONYM.test(name.tokens[0].text) || name.tokens[0].tags.has('Plural'))) {
    return { tailPlace: false }
  }
  const gluedNext = next !== undefined && next.sentence === last.sentence && !BREAK.test(last.post)
  // `Ottoman princes`: a one-word name before a common noun is an adjective, not a name.
  if (gluedNext && name.tokens.length === 1 && /^\p{Ll}/u.test(next.text) && next.tags.has('Noun') && !hasTag(next, ['Verb', 'Pronoun', 'Determiner'])) {
    return { tailPlace: false }
  }
  const personTagged = head.some((t) => hasTag(t, PERSON_TAGS) && !hasTag(t, PLACE_TAGS))
  const regnal = name.tokens.slice(1).some((t) => REGNAL.test(t.text))
  // `Keratsa of Bulgaria`: a name followed by `of <place>` is a person known by a territory.
  const personCue = (PERSON_CUES.has(cue) && !(determined && (cue === 'by' || cue === 'with'))) || cue === 'of-person'
  if (personTagged || regnal || titled || personCue || (tail.length > 0 && tailIsPlace)) {
    return { type: 'person', tailPlace: tailIsPlace }
  }
  if (name.tokens.some((t) => hasTag(t, PLACE_TAGS)) || PLACE_CUES.has(cue) || cue === 'of-place') return { type: 'place', tailPlace: false }
  // A name that is the subject of a verb (`Bayezid confirmed`) acts: most often a person.
  // Not for sentence openers, which may be any capitalised word.
  if (gluedNext && next.tags.has('Verb') && !next.tags.has('Noun') && !(name.tokens[0].sentenceStart && !name.tokens[0].tags.has('ProperNoun'))) {
    return { type: 'person', tailPlace: false, weak: true }
  }
  // `Necipoglu (2009)`: an author cited by year.
  if (next && /^\d{4}$/.test(next.text) && next.pre.includes('(') && /^\s*$/.test(last.post)) return { type: 'person', tailPlace: false }
  return { tailPlace: false }
}

function tagWord(word: string): string[] {
  const terms = (nlp(word).json({ terms: { tags: true } }) as Array<{ terms: Array<{ tags: string[] }> }>)[0]?.terms
  return terms?.[0]?.tags ?? []
}

/**
 * The name just before the parenthesis a name opens (`Selymbria (Silivri)`, `Palaiologos
 * (or Palaeologus)`, `… (Greek: Ιωάννης Ζ' Παλαιολόγος`): an alternative name of the same thing.
 */
function parentheticalAnchor(all: Token[], first: Token): number | undefined {
  for (let k = first.index, back = 0; k >= 0 && back < 3; k--, back++) {
    const t = all[k]
    if (k !== first.index && !NOT_NAMES.has(t.folded)) return undefined
    if (t.pre.includes('(')) return k - 1
    if (k !== first.index && BREAK.test(t.post) && !/^[:,]\s*$/.test(t.post)) return undefined
  }
  return undefined
}

const LIST_WORDS = new Set(['and', 'or', 'nor'])

/**
 * Index of the last token of the name this one is listed after (`A and B`, `A, B`, `A, B, and C`),
 * or undefined. Only within a sentence.
 */
function listedAfter(all: Token[], first: Token): number | undefined {
  let k = first.index - 1
  let linked = false
  while (k >= 0 && all[k].sentence === first.sentence && LIST_WORDS.has(all[k].folded) && !BREAK.test(all[k].post)) {
    linked = true
    k--
  }
  if (k < 0 || all[k].sentence !== first.sentence) return undefined
  const post = all[k].post.trim()
  return (linked && (post === '' || post === ',')) || (!linked && post === ',') ? k : undefined
}

function toSuggestion(tokens: Token[], type: EntityType, index: CodePointIndex): Suggestion {
  const from = tokens[0].start
  let to = tokens[tokens.length - 1].end
  const start = index.toCodePoint(from)
  let end = index.toCodePoint(to)
  const exact = index.slice(start, end).replace(/['’]s$/u, '')
  end = start + [...exact].length
  return { start, end, exact, type, source: 'nlp' }
}

/** Receives compromise's parse of each paragraph (the compromise-dates pass reads it too). */
export type ParagraphReader = (view: ReturnType<typeof nlp>, paraText: string, offset: number, index: CodePointIndex) => void

/** Parses the text paragraph by paragraph into `tokens`, yielding the code points done after each. */
function* parseText(text: string, index: CodePointIndex, tokens: Token[], onParagraph?: ParagraphReader): Generator<number> {
  for (const para of paragraphs(text)) {
    const view = nlp(para.text)
    tokens.push(...tokenise(view, para.offset, tokens.length, tagWord))
    onParagraph?.(view, para.text, para.offset, index)
    yield index.toCodePoint(para.offset + para.text.length)
  }
}

/**
 * People, places, organisations and events named in `text`, found with compromise.
 * @param text normalised text; offsets of the result are its code points.
 * @param onProgress called with code points done and total after each paragraph.
 * @param onParagraph receives compromise's parse of each paragraph, so another reader (the
 *   compromise-dates pass) need not parse the text a second time.
 */
export function findNames(text: string, onProgress?: (done: number, total: number) => void, signal?: AbortSignal, onParagraph?: ParagraphReader): Suggestion[] {
  const index = new CodePointIndex(text)
  const tokens: Token[] = []
  for (const done of parseText(text, index, tokens, onParagraph)) {
    signal?.throwIfAborted()
    onProgress?.(done, index.length)
  }
  onProgress?.(index.length, index.length) // trailing blank lines hold no paragraph
  return namesOf(tokens, index)
}

/** Longest stretch of parsing between two yields to the event loop, in ms (keeps a server responsive). */
const SLICE_MS = 40

/**
 * As findNames, but yields to the event loop every SLICE_MS of work, so a server stays responsive,
 * progress can be polled and a cancellation (`signal`) takes effect during a long text.
 */
export async function findNamesAsync(text: string, onProgress?: (done: number, total: number) => void, signal?: AbortSignal, onParagraph?: ParagraphReader): Promise<Suggestion[]> {
  const index = new CodePointIndex(text)
  const tokens: Token[] = []
  let slice = Date.now()
  for (const done of parseText(text, index, tokens, onParagraph)) {
    signal?.throwIfAborted()
    onProgress?.(done, index.length)
    if (Date.now() - slice > SLICE_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0))
      slice = Date.now()
    }
  }
  signal?.throwIfAborted()
  onProgress?.(index.length, index.length)
  return namesOf(tokens, index)
}

/** Groups, types and positions the names of a parsed text. */
function namesOf(tokens: Token[], index: CodePointIndex): Suggestion[] {
  const found: Name[] = []
  const byLastToken = new Map<number, Name>()
  for (const name of chunk(tokens)) {
    const titled = trim(name)
    if (name.tokens.length === 0) continue
    const verdict = classify(name, tokens, titled)
    let type = verdict.type
    if (!type) {
      const anchor = parentheticalAnchor(tokens, name.tokens[0])
      type = anchor === undefined ? undefined : byLastToken.get(anchor)?.type
    }
    const tailPlace = verdict.tailPlace
    const entry: Name = { tokens: name.tokens, type, firm: type !== undefined && !verdict.weak }
    found.push(entry)
    byLastToken.set(name.tokens[name.tokens.length - 1].index, entry)
    const tail = split(name.tokens).tail
    if (tailPlace && tail.length) found.push({ tokens: tail, type: 'place', firm: true })
  }
  // One sense per discourse: unclear mentions take the type of a firm mention of the same name,
  // or of a ruler's first name (`Bayezid` after `Bayezid I`).
  const known = new Map<string, EntityType>()
  for (const f of found) {
    if (!f.firm || !f.type) continue
    const key = foldKey(f.tokens.map((t) => t.text).join(' '))
    if (!known.has(key)) known.set(key, f.type)
    if (f.type === 'person' && f.tokens.length > 1 && REGNAL.test(f.tokens[1].text) && !known.has(f.tokens[0].folded)) {
      known.set(f.tokens[0].folded, 'person')
    }
  }
  const out: Suggestion[] = []
  const final = new Map<Name, EntityType | undefined>()
  for (const f of found) {
    let type = f.type ?? known.get(foldKey(f.tokens.map((t) => t.text).join(' ')))
    // `Bayezid I and Devlet Hatun`, `Mehmed, Süleyman, İsa and Musa`: a name listed with a typed one.
    if (!type) {
      const before = listedAfter(tokens, f.tokens[0])
      const neighbour = before === undefined ? undefined : byLastToken.get(before)
      type = neighbour ? final.get(neighbour) : undefined
    }
    final.set(f, type)
    if (type) out.push(toSuggestion(f.tokens, type, index))
  }
  return out
}

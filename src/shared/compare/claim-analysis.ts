/**
 * Turns a claim into weighted query concepts: each content word, name, number and date of the
 * claim, with the source terms that count as a match for it (the stem itself, WordNet synonyms,
 * derived forms and broader terms, close spellings of names found in the source, the project's
 * entity aliases).
 */
import { nameKeys, nameSimilarity, type NameKeys } from './names'
import { findDates, findNumbers } from './numbers'
import { nameEntry, postingsOf, type SourceIndex } from './source-index'
import { ANY_NAME, epithetTerm, regnalEpithets, regnalMentions } from './regnal'
import { STOPWORDS } from './stopwords'
import { isAct, relatedStems, type Lexicon } from './lexicon'
import { stemOf } from '../text/stem'
import { tokenise, type Token } from '../text/tokenise'

/** An entity of the project as the comparison sees it: every name it goes by. */
export interface EntityNames {
  id: string
  type: string
  /** Label and aliases. */
  names: string[]
}

/**
 * How a source term matched: the same word (after folding and stemming), a WordNet synonym, a
 * derived form (`besieger` for `besiege`), a broader term (`sovereign` for `emperor`), a variant
 * spelling of a name, an alias of a project entity, a number or a date as a value.
 */
export type MatchHow = 'word' | 'synonym' | 'derivation' | 'broader' | 'name-variant' | 'alias' | 'number' | 'date'

/** One source term that satisfies a concept, with the weight of that kind of match (0–1). */
export interface Alternative {
  term: string
  weight: number
  how: MatchHow
  /** Entity through which the match was made, for aliases. */
  entityId?: string
}

/** A unit of evidence sought in the source. */
export interface Concept {
  /** The claim's word(s) as written. */
  label: string
  kind: 'word' | 'name' | 'number' | 'date'
  /** Importance of the concept relative to an ordinary word (names and values weigh more). */
  weight: number
  /** True for concepts taken from the claim's neighbouring sentences. */
  context: boolean
  /** True for a word that names an act (a verb, or a noun WordNet derives from one): the claim's "what". */
  act?: boolean
  /** The calendar year, for a year of the claim (it also places the claim in the source's chronology). */
  year?: number
  alts: Alternative[]
  /** Where the claim says it: code points of the claim's document (claim text when no base). */
  spans: { start: number; end: number; text: string }[]
}

// Relative weights. Names and values are what a historian checks first; context is only a hint.
const NAME_WEIGHT = 1.6
const YEAR_WEIGHT = 1.4
const NUMBER_WEIGHT = 1.1
const DATE_WEIGHT = 1.5
const CONTEXT_WEIGHT = 0.25
/** Weight of a lexicon match relative to the word itself, times the lexicon's own weight (0.45–0.85). */
const LEXICON_WEIGHT = 0.85
/** Weight of another name WordNet gives for a name (a synonym of the name's synset), times its own weight. */
const LEXICON_NAME_WEIGHT = 1.1
const ALIAS_WEIGHT = 0.95
/** Weight of a name written with the epithet the claim's regnal number stands for, relative to the name alone. */
const EPITHET_WEIGHT = 1
/** Weight of a title with that epithet ("the elder emperor") for such a name. */
const ROLE_EPITHET_WEIGHT = 0.7
/** Years either side of a claim's year that still count, and the weight of the nearest. */
const NEAR_YEARS = 2
const NEAR_YEAR_WEIGHT = 0.5
/** Least similarity for a source spelling to count as a variant of a claim name (see names.ts). */
const MIN_VARIANT_SIMILARITY = 0.75
/** Source spellings kept for a claim name: those within this much similarity of its closest one. */
const VARIANT_SPREAD = 0.1

/** Capitalised words that are titles or generic parts of names, not names themselves. */
export const GENERIC_NAME_WORDS = new Set(
  `emperor empress empire king queen prince princess sultan battle sea ocean river mount mountain lake city republic
  kingdom duke duchy count earl lord lady saint st pope bishop patriarch church council treaty war siege great
  western eastern northern southern west east north south upper lower old new holy greek latin roman`.split(/\s+/)
)
const ROMAN_NUMERAL = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/

/** True when a token starts a sentence of the claim (its capital says nothing about being a name). */
function sentenceInitial(tokens: Token[], i: number): boolean {
  return i === 0 || /[.!?:"“(]\s*$/.test(tokens[i].gap)
}

/** Whether a capitalised claim word is a proper name, judged by how the source writes it. */
function isName(t: Token, initial: boolean, index: SourceIndex, entityWords: Set<string>): boolean {
  if (!t.cap || STOPWORDS.has(t.norm) || GENERIC_NAME_WORDS.has(t.norm)) return false
  if (ROMAN_NUMERAL.test(t.text.replace(/['’]s$/, ''))) return false
  if (entityWords.has(t.norm)) return true
  // The source's usage decides: a word it mostly writes in lower case is a common word even when
  // the claim capitalises it ("the Fourth Crusade", "the Civil War").
  const seen = nameEntry(index, t.norm)
  if (seen) return seen[1] >= seen[2]
  if (!initial) return true
  // Not in the source with a capital: a name only if the source does not use it as a common word.
  return !postingsOf(index, stemOf(t.norm))
}

/** Words of an entity's names that identify it (not titles, numerals or function words). */
function distinctiveWords(name: string): string[] {
  return tokenise(name)
    .filter((t) => !STOPWORDS.has(t.norm) && !GENERIC_NAME_WORDS.has(t.norm) && !ROMAN_NUMERAL.test(t.text) && !/^\d/.test(t.norm))
    .map((t) => t.norm)
}

interface NameEntry {
  norm: string
  stem: string
  keys: NameKeys
}
/** The source's names bucketed for quick look-up: by phonetic key, key without a leading vowel, first letter. */
interface NameTable {
  byKey: Map<string, NameEntry[]>
  byLead: Map<string, NameEntry[]>
  byFirst: Map<string, NameEntry[]>
}
const nameTables = new WeakMap<SourceIndex, NameTable>()

function nameTable(index: SourceIndex): NameTable {
  let table = nameTables.get(index)
  if (table) return table
  table = { byKey: new Map(), byLead: new Map(), byFirst: new Map() }
  const push = (map: Map<string, NameEntry[]>, key: string, e: NameEntry): void => {
    const list = map.get(key)
    if (list) list.push(e)
    else map.set(key, [e])
  }
  for (const [norm, [stem, caps, lower]] of Object.entries(index.names)) {
    if (caps < lower) continue
    const e = { norm, stem, keys: nameKeys(norm) }
    push(table.byKey, e.keys.key, e)
    push(table.byLead, e.keys.lead, e)
    push(table.byFirst, norm[0], e)
  }
  nameTables.set(index, table)
  return table
}

/** Source spellings close to `norm` (names written with a capital in the source), with similarity. */
export function nameVariants(norm: string, index: SourceIndex): { norm: string; stem: string; sim: number }[] {
  const table = nameTable(index)
  // Only names that could pass nameSimilarity: same key, same key without the leading vowel, or
  // same first letter and a length within the edit distance allowed.
  const keys = nameKeys(norm)
  const pool = new Set<NameEntry>([...(table.byKey.get(keys.key) ?? []), ...(table.byLead.get(keys.lead) ?? [])])
  for (const e of table.byFirst.get(norm[0]) ?? []) if (Math.abs(e.norm.length - norm.length) <= Math.ceil(norm.length * 0.25)) pool.add(e)
  const out: { norm: string; stem: string; sim: number }[] = []
  for (const e of pool) {
    if (e.norm === norm) continue
    const sim = nameSimilarity(norm, e.norm, { a: keys, b: e.keys })
    if (sim >= MIN_VARIANT_SIMILARITY) out.push({ norm: e.norm, stem: e.stem, sim })
  }
  // Only the closest spellings: with `Alexius` (0.9) in the source, `Lucius` (0.75) is a
  // look-alike, not the same name; a name with one close spelling keeps it (`Amurath` for Murad).
  const best = Math.max(0, ...out.map((v) => v.sim))
  return out.filter((v) => v.sim >= best - VARIANT_SPREAD)
}

export interface AnalyseOptions {
  /** Code point offset of the claim text in its document, added to every span. */
  base?: number
  entities?: EntityNames[]
  /** The claim's neighbouring sentences. */
  context?: string[]
  /** WordNet synonyms and derived forms (see lexicon.ts); without it only the words themselves match. */
  lexicon?: Lexicon
}

/** The concepts of a claim (and of its context sentences, with a low weight). */
export function analyseClaim(text: string, index: SourceIndex, options: AnalyseOptions = {}): Concept[] {
  const entities = (options.entities ?? []).map((e) => ({ ...e, words: e.names.flatMap(distinctiveWords) }))
  const entityWords = new Set(entities.flatMap((e) => e.words))
  const concepts = new Map<string, Concept>()
  const add = (key: string, make: () => Concept, span: Concept['spans'][number]): void => {
    const c = concepts.get(key)
    if (c) {
      if (!c.context) c.spans.push(span)
      return
    }
    concepts.set(key, make())
  }
  const sources: { text: string; base: number; context: boolean }[] = [{ text, base: options.base ?? 0, context: false }]
  for (const c of options.context ?? []) sources.push({ text: c, base: 0, context: true })
  const tokenised = sources.map((src) => tokenise(src.text, src.base))
  const epithets = regnalEpithets(tokenised)
  sources.forEach((src, k) => {
    const tokens = tokenised[k]
    const regnal = new Map(regnalMentions(tokens).map((m) => [m.at, m.number]))
    const numbers = findNumbers(tokens)
    const dates = findDates(tokens, numbers)
    const inNumber = new Set<number>()
    const factor = src.context ? CONTEXT_WEIGHT : 1
    for (const d of dates) {
      if (d.day === undefined) continue
      const span = { start: tokens[d.from].start, end: tokens[d.to - 1].end, text: tokens.slice(d.from, d.to).map((t) => t.text).join(' ') }
      add(`@${d.month}-${d.day}`, () => ({ label: span.text, kind: 'date', weight: DATE_WEIGHT * factor, context: src.context, alts: [{ term: `@${d.month}-${d.day}`, weight: 1, how: 'date' }], spans: src.context ? [] : [span] }), span)
    }
    for (const n of numbers) {
      for (let i = n.from; i < n.to; i++) inNumber.add(i)
      const span = { start: n.start, end: n.end, text: tokens.slice(n.from, n.to).map((t) => t.text).join(' ') }
      const weight = (n.kind === 'year' ? YEAR_WEIGHT : NUMBER_WEIGHT) * factor
      const alts: Alternative[] = [{ term: `#${n.value}`, weight: 1, how: 'number' }]
      // Sources disagree on a year by one or two (1402/1403); a near year is weaker evidence.
      if (n.kind === 'year') for (let d = 1; d <= NEAR_YEARS; d++) for (const y of [n.value - d, n.value + d]) alts.push({ term: `#${y}`, weight: NEAR_YEAR_WEIGHT * (1 - (d - 1) / NEAR_YEARS), how: 'number' })
      add(`#${n.value}`, () => ({ label: span.text, kind: 'number', weight, context: src.context, alts, spans: src.context ? [] : [span], year: n.kind === 'year' ? n.value : undefined }), span)
    }
    tokens.forEach((t, i) => {
      if (inNumber.has(i) || STOPWORDS.has(t.norm) || t.norm.length < 2 || /^\d/.test(t.norm)) return
      if (t.cap && ROMAN_NUMERAL.test(t.text.replace(/['’]s$/, '')) && i > 0 && tokens[i - 1].cap) return // regnal number: "John VII"
      const span = { start: t.start, end: t.end, text: t.text }
      const name = isName(t, sentenceInitial(tokens, i), index, entityWords)
      // From the context only names are sought: they place the claim in the narrative; its other
      // words would mostly add noise (and time).
      if (src.context && !name) return
      // A regnal number the claim maps to an epithet ("Andronikos III": the younger) makes the name
      // a concept of its own, sought also as the source writes it with that epithet.
      const mapped = name && !src.context ? epithets.get(t.norm)?.get(regnal.get(i) ?? -1) : undefined
      const epithet = mapped && [t.stem, ...nameVariants(t.norm, index).map((v) => v.stem)].some((stem) => postingsOf(index, epithetTerm(mapped, stem))) ? mapped : undefined
      add(epithet ? `${t.stem}|${epithet}` : t.stem, () => {
        const alts: Alternative[] = [{ term: t.stem, weight: 1, how: 'word' }]
        if (name) {
          for (const v of nameVariants(t.norm, index)) alts.push({ term: v.stem, weight: v.sim, how: 'name-variant' })
          // WordNet knows some names' other names: Timur/Tamerlane, Ankara/Angora, Edirne/Adrianople.
          for (const [stem, w, rel] of relatedStems(options.lexicon, t.norm, 'names')) if (rel === 'synonym') alts.push({ term: stem, weight: LEXICON_NAME_WEIGHT * w, how: 'name-variant' })
          for (const e of entities) {
            if (!e.words.some((w) => w === t.norm || nameSimilarity(w, t.norm) >= 0.85)) continue
            for (const w of e.words) {
              if (w === t.norm) continue
              alts.push({ term: stemOf(w), weight: ALIAS_WEIGHT, how: 'alias', entityId: e.id })
              for (const v of nameVariants(w, index)) alts.push({ term: v.stem, weight: ALIAS_WEIGHT * v.sim, how: 'alias', entityId: e.id })
            }
          }
        }
        if (epithet) {
          for (const a of [...alts]) alts.push({ term: epithetTerm(epithet, a.term), weight: EPITHET_WEIGHT * a.weight, how: a.how })
          alts.push({ term: epithetTerm(epithet, ANY_NAME), weight: ROLE_EPITHET_WEIGHT, how: 'alias' })
        }
        if (!name) for (const [stem, w, rel] of relatedStems(options.lexicon, t.norm)) alts.push({ term: stem, weight: LEXICON_WEIGHT * w, how: rel === 'hypernym' ? 'broader' : rel })
        const act = !name && isAct(options.lexicon, t.norm)
        return { label: t.text, kind: name ? 'name' : 'word', weight: (name ? NAME_WEIGHT : 1) * factor, context: src.context, alts: dedupeAlts(alts), spans: src.context ? [] : [span], act }
      }, span)
    })
  })
  return [...concepts.values()]
}

/** Keeps the heaviest alternative per term. */
function dedupeAlts(alts: Alternative[]): Alternative[] {
  const best = new Map<string, Alternative>()
  for (const a of alts) {
    const b = best.get(a.term)
    if (!b || a.weight > b.weight) best.set(a.term, a)
  }
  return [...best.values()]
}


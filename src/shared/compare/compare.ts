/**
 * Compares a claim with an indexed source: ranks the source's passages, then describes the best
 * ones (their text, the matched terms on both sides, the discrepancies with the claim).
 * Pure: the caller supplies the index and the source text.
 */
import type { Discrepancy } from '../model/annotation'
import type { Block } from '../model/document'
import type { LocatorPart } from '../structure/parse-locator'
import { resolveLocator, type HeadingInfo, type LocatedRange } from '../structure/resolve-locator'
import type { CodePointIndex } from '../text/code-points'
import { analyseClaim, type Concept, type EntityNames, type MatchHow } from './claim-analysis'
import { claimParts, type ClaimParts } from './claim-parts'
import { findDiscrepancies } from './discrepancies'
import { epithetTermWords } from './regnal'
import { judge, type Judgement } from './judgement'
import { isPlaceName, type Lexicon } from './lexicon'
import { findDates, findNumbers } from './numbers'
import { idf, rankWindows, type RankedWindow } from './rank'
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
  /** True when the citation's locator resolved to a region and this passage lies outside it. */
  outsideCitedRegion?: boolean
}

export interface CompareRequest {
  claim: string
  /** Code point offset of the claim in its document: claim spans are then offsets of that document. */
  claimBase?: number
  /** Neighbouring sentences of the claim. */
  context?: string[]
  /**
   * The citation's locator (`ch. LXIV`, `pp. 339–342`, `fol. 12r`, `p. 39, l. 5`): passages in the
   * region it names are preferred; passages elsewhere are still listed, marked outsideCitedRegion.
   */
  locator?: string
  /** The source's structure (page and line milestones, headings), to resolve page, folio and line locators. */
  structure?: Block[]
  entities?: EntityNames[]
  /** WordNet lexicon for synonyms and derived forms (loaded main-side, see lexicon.ts). */
  lexicon?: Lexicon
  /** Number of candidates (default 5). */
  top?: number
}

export interface CompareResult {
  candidates: Candidate[]
  /** Whether the source has a passage for the claim, with a calibrated confidence (never a recorded verdict). */
  judgement: Judgement
  /** What the claim asserts: who, what, when, where, how many. */
  parts: ClaimParts
  /** The region the locator named (code points of the source) and the parts it could not resolve. */
  citedRegion?: { ranges: LocatedRange[]; unresolved: LocatorPart[] }
  /** Span from the first to the last cited range, with its label (for a one-line display). */
  narrowedTo?: { start: number; end: number; label: string }
}

/** Spans of the window's tokens (offsets in the source) that satisfy a concept. */
function sourceSpans(concept: Concept, tokens: Token[], source: CodePointIndex): TextSpan[] {
  // A phrase term ("put+death") marks each of its words; a name with an epithet, the name and the epithet.
  const wanted = new Set(concept.alts.flatMap((a) => epithetTermWords(a.term) ?? (a.term.includes('+') ? a.term.split('+') : [a.term])))
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

/**
 * The headings a locator can name: the source's heading blocks (text read from the source), or
 * when it has none with a number, the chapters found in its plain text ("Chapter LXIV: …").
 */
export function headingsOf(index: SourceIndex, source: CodePointIndex, structure: Block[] = []): HeadingInfo[] {
  const blocks = structure.filter((b) => b.kind === 'heading' || b.kind === 'title')
  const own = blocks.map((b) => ({ start: b.start, end: b.end, level: b.level ?? 1, label: b.label, text: source.slice(b.start, Math.min(b.end, b.start + 200)) }))
  if (own.some((h) => h.label !== undefined || /^\s*(?:chapter|chap\.?|book|section|part)?\s*(?:[0-9]+|[ivxlcdm]+)\b/i.test(h.text))) return own
  return index.chapters.map((c) => ({ start: c.start, end: c.start + [...c.label].length, level: 1, text: c.label }))
}

/** Ranks and describes the source passages for a claim, with a judgement and the cited region. */
export function compareWithSource(index: SourceIndex, source: CodePointIndex, request: CompareRequest): CompareResult {
  const concepts = analyseClaim(request.claim, index, { base: request.claimBase, entities: request.entities, context: request.context, lexicon: request.lexicon })
  const top = request.top ?? 5
  const resolved = request.locator ? resolveLocator(request.locator, request.structure ?? [], headingsOf(index, source, request.structure), index.length) : undefined
  const region = resolved?.ranges.length ? resolved.ranges : undefined
  const windows = rankWindows(index, concepts, { top, region, tokensOf: (start, end) => tokenise(source.slice(start, end), start) })
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
    const candidate: Candidate = {
      start: w.start,
      end: w.end,
      exact,
      score: Math.round(w.score * 1000) / 1000,
      coverage: Math.round(w.coverage * 1000) / 1000,
      matched,
      discrepancies: findDiscrepancies(request.claim, exact, { entities: request.entities, isCommonWord: (norm) => isCommon(index, norm) })
    }
    if (region && !w.inRegion) candidate.outsideCitedRegion = true
    return candidate
  })
  const entityTypes = new Map<string, string>()
  for (const e of request.entities ?? []) for (const n of e.names) for (const t of tokenise(n)) entityTypes.set(t.norm, e.type)
  const result: CompareResult = {
    candidates,
    judgement: judge(judgementFeatures(index, concepts, windows)),
    parts: claimParts(request.claim, concepts, (norm) => (entityTypes.has(norm) ? entityTypes.get(norm) === 'place' : isPlaceName(request.lexicon, norm)))
  }
  if (resolved && (resolved.ranges.length || resolved.unresolved.length)) result.citedRegion = resolved
  if (region) {
    const labels = region.map((r) => r.label)
    result.narrowedTo = { start: region[0].start, end: region[region.length - 1].end, label: labels.length > 1 ? `${labels[0]} … ${labels[labels.length - 1]}` : labels[0] }
  }
  return result
}

/** The features of a ranking that the judgement reads (see judgement.ts). */
export function judgementFeatures(index: SourceIndex, concepts: Concept[], windows: RankedWindow[]): Judgement['features'] {
  const own = concepts.filter((c) => !c.context)
  const weightOf = (c: Concept): number => c.weight * Math.max(0, ...c.alts.map((a) => a.weight * idf(index, a.term)))
  // Presence counts a concept by its own weight, also when the source lacks it (its idf is then 0).
  const total = own.reduce((sum, c) => sum + c.weight, 0) || 1
  const present = own.filter((c) => c.alts.some((a) => postingsOf(index, a.term))).reduce((sum, c) => sum + c.weight, 0)
  const importance = own.reduce((sum, c) => sum + weightOf(c), 0) || 1
  // The judgement was fitted on the index's evidence: it reads the windows in that order, without
  // the proximity factor (rank.ts).
  const [first, second] = [...windows].sort((a, b) => b.base - a.base)
  const names = own.filter((c) => c.kind === 'name')
  const inSource = (c: Concept): boolean => c.alts.some((a) => postingsOf(index, a.term))
  const absent = own.filter((c) => (c.kind === 'name' || c.kind === 'word') && !inSource(c)).length
  return {
    coverage: first?.coverage ?? 0,
    nameCoverage: first?.nameCoverage ?? 0,
    presence: present / total,
    margin: first && second && second.base > 0 ? Math.log(first.base / second.base) : 0,
    strength: first ? first.base / importance : 0,
    namePresence: names.length ? names.filter(inSource).length / names.length : 1,
    absentTerms: Math.min(1, absent / 4)
  }
}

/** True when the source mostly writes the word in lower case (so a capitalised claim word is not a name). */
export function isCommon(index: SourceIndex, norm: string): boolean {
  const seen = nameEntry(index, norm)
  if (seen) return seen[2] > seen[1]
  return postingsOf(index, stemOf(norm)) !== undefined
}

/**
 * Anchoring: finding a stored passage again in a (possibly changed) text, DESIGN.md §5.
 * Order, from cheapest and surest to most expensive:
 *  1. the stored position, accepted outright when it reproduces the quote and its context;
 *  2. every exact occurrence of the quote, scored on context and nearness to the old position;
 *  3. a fuzzy match (approx-string-match) near the old position, the passage still bracketed by
 *     its intact prefix and suffix there, and a fuzzy match in the whole text.
 * The best candidate is accepted only if its score reaches MIN_SCORE; otherwise the annotation
 * is orphaned, never moved to a look-alike passage.
 */
import type { CodePointIndex } from '../text/code-points'
import { indexOf } from './describe'
import { DISTINCTIVE_QUOTE_SIMILARITY, MIN_SCORE, quoteSimilarity, scoreCandidate, type Candidate, type ScoringContext } from './score'
import { bracketCandidate, exactCandidates, fuzzyCandidates, LOCAL_WINDOW, MAX_GLOBAL_ERROR_RATE, snapToCharacters } from './search'
import type { AnchorMethod, AnchorResult, AnchorSelector } from './types'

/** Context similarity (0–1) above which a stored position that reproduces the quote is accepted at once. */
const POSITION_CONTEXT_CONFIRM = 0.9

export interface AnchorOptions {
  /** Override MIN_SCORE (0–1). */
  minScore?: number
}

interface Scored {
  c: Candidate
  score: number
  method: AnchorMethod
}

/**
 * Finds `selector` in `text`. Offsets in and out are code points of `text` (end exclusive).
 * Pass a CodePointIndex to anchor many selectors in one text without re-indexing it.
 */
export function anchor(text: string | CodePointIndex, selector: AnchorSelector, options: AnchorOptions = {}): AnchorResult {
  const index = indexOf(text)
  const full = index.text
  const minScore = options.minScore ?? MIN_SCORE
  const quote = selector.exact
  const hasPosition = Number.isInteger(selector.start) && Number.isInteger(selector.end)
  const oldStart = hasPosition ? clamp(selector.start!, index.length) : 0
  const oldEnd = hasPosition ? clamp(selector.end!, index.length) : 0
  const orphan = (reason: AnchorResult['reason'], score = 0): AnchorResult => ({
    start: oldStart, end: Math.max(oldStart, oldEnd), status: 'orphaned', score: round(score), method: 'none', reason
  })

  if (!quote) {
    // Nothing to verify a position against: accept it only if it is an empty range inside the text.
    if (hasPosition && selector.start === selector.end && selector.start! <= index.length) {
      return { start: oldStart, end: oldStart, status: 'anchored', score: 1, method: 'position' }
    }
    return orphan('empty-quote')
  }

  const hintUtf16 = hasPosition ? index.toUtf16(oldStart) : undefined
  const ctx: ScoringContext = { text: full, quote, prefix: selector.prefix ?? '', suffix: selector.suffix ?? '', hintUtf16, unique: false }

  // 1. The stored position.
  if (hasPosition && index.slice(oldStart, oldEnd) === quote) {
    const c = { startUtf16: hintUtf16!, endUtf16: hintUtf16! + quote.length, errors: 0 }
    if (contextConfirms(c, ctx)) return { start: oldStart, end: oldEnd, status: 'anchored', score: 1, method: 'position' }
  }

  // 2. Exact occurrences.
  const exact = exactCandidates(full, quote)
  ctx.unique = exact.length === 1
  let best: Scored | undefined
  const exactBest = pick(exact.map((c) => ({ c, score: scoreCandidate(c, ctx), method: 'quote' as const })), hasPosition)
  if (exactBest === 'ambiguous') return orphan('ambiguous')
  best = exactBest

  // 3. Fuzzy: first near the old position (where an edited passage most likely is); the whole
  //    text is searched only when that finds nothing good enough (the costly part: a bit-parallel
  //    scan of the entire text per quote).
  const fuzzyPick = (cands: Candidate[]): Scored | undefined => {
    const snapped = dedupe(cands.map((c) => snapToCharacters(full, c)))
    ctx.unique = snapped.filter((c) => quoteSimilarity(c, quote.length) >= DISTINCTIVE_QUOTE_SIMILARITY).length + exact.length === 1
    const p = pick(snapped.map((c) => ({ c, score: scoreCandidate(c, ctx), method: 'fuzzy' as const })), hasPosition)
    return p === 'ambiguous' ? undefined : p
  }
  const better = (p: Scored | undefined): void => {
    if (p && (!best || p.score > best.score)) best = p
  }
  if ((!best || best.score < minScore) && hintUtf16 !== undefined) {
    const from = Math.max(0, hintUtf16 - LOCAL_WINDOW)
    const local = fuzzyCandidates(full, quote, from, Math.min(full.length, hintUtf16 + quote.length + LOCAL_WINDOW))
    const bracketed = bracketCandidate(full, quote, ctx.prefix, ctx.suffix, hintUtf16)
    if (bracketed) local.push(bracketed)
    better(fuzzyPick(local))
  }
  if ((!best || best.score < minScore) && exact.length === 0) better(fuzzyPick(fuzzyCandidates(full, quote, 0, full.length, MAX_GLOBAL_ERROR_RATE)))

  if (!best) return orphan('not-found')
  if (best.score < minScore) return orphan('low-confidence', best.score)
  const start = index.toCodePoint(best.c.startUtf16)
  const end = index.toCodePoint(best.c.endUtf16)
  // Without a stored position an exact quote is where the selector says it is (nothing moved).
  const exactQuote = best.c.errors === 0 && full.slice(best.c.startUtf16, best.c.endUtf16) === quote
  const same = exactQuote && (!hasPosition || (start === oldStart && end === oldEnd))
  return { start, end, status: same ? 'anchored' : 'moved', score: round(best.score), method: same && hasPosition ? 'position' : best.method }
}

/**
 * True when the context at the stored position agrees (or there is none to check): the share of
 * the stored prefix that still ends right before the quote, and of the suffix that still starts
 * right after it, must both reach POSITION_CONTEXT_CONFIRM.
 */
function contextConfirms(c: Candidate, ctx: ScoringContext): boolean {
  const before = ctx.text.slice(Math.max(0, c.startUtf16 - ctx.prefix.length), c.startUtf16)
  const after = ctx.text.slice(c.endUtf16, c.endUtf16 + ctx.suffix.length)
  const prefixShare = ctx.prefix ? commonLength(ctx.prefix, before, true) / ctx.prefix.length : 1
  const suffixShare = ctx.suffix ? commonLength(ctx.suffix, after, false) / ctx.suffix.length : 1
  return Math.min(prefixShare, suffixShare) >= POSITION_CONTEXT_CONFIRM
}

/** Length of the common tail (fromEnd) or head of two strings, in UTF-16 units. */
function commonLength(a: string, b: string, fromEnd: boolean): number {
  const n = Math.min(a.length, b.length)
  let k = 0
  if (fromEnd) while (k < n && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++
  else while (k < n && a.charCodeAt(k) === b.charCodeAt(k)) k++
  return k
}

/**
 * The best candidate; 'ambiguous' when two different places tie and no old position can decide
 * (e.g. a bare quote occurring twice): a guess would be a silent look-alike.
 */
function pick(list: Scored[], hasPosition: boolean): Scored | 'ambiguous' | undefined {
  if (list.length === 0) return undefined
  list.sort((a, b) => b.score - a.score)
  if (!hasPosition && list.length > 1 && list[0].score - list[1].score < 1e-9) return 'ambiguous'
  return list[0]
}

function dedupe(cs: Candidate[]): Candidate[] {
  const seen = new Set<string>()
  return cs.filter((c) => {
    const k = `${c.startUtf16}:${c.endUtf16}`
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(n, max))
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000
}

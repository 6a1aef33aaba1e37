/** Finding candidate places of a quote in a text (UTF-16 indices; see score.ts). */
import approxSearch from 'approx-string-match'
import type { Candidate } from './score'
import { editDistance } from './similarity'

/**
 * Most edits tolerated in a fuzzy match, as a share of the quote's length (Hypothesis uses 1/2;
 * a match at that error rate can still only be accepted with intact context, see MIN_SCORE).
 */
export const MAX_ERROR_RATE = 0.5
/**
 * Edit share tolerated when the whole text is searched (no match near the old position). The
 * scan's cost grows with the edits allowed (on Gibbon vol. 6: ~0.1 s per quote at 1/4, ~0.55 s
 * at 1/2), and a passage that both travelled far and lost over a quarter of its words is better
 * orphaned for review than guessed.
 */
export const MAX_GLOBAL_ERROR_RATE = 0.25
/** Cap on edits so a very long quote does not make the bit-parallel search quadratic. */
export const MAX_ERRORS = 256
/** Cap on exact occurrences scored (a one-letter quote can occur 100,000 times). */
export const MAX_EXACT_CANDIDATES = 20_000
/** Characters searched either side of the hint by the local fuzzy search. */
export const LOCAL_WINDOW = 2_000

/** Every exact occurrence of `quote` (overlapping ones included), up to MAX_EXACT_CANDIDATES. */
export function exactCandidates(text: string, quote: string): Candidate[] {
  const out: Candidate[] = []
  if (!quote) return out
  for (let i = text.indexOf(quote); i !== -1 && out.length < MAX_EXACT_CANDIDATES; i = text.indexOf(quote, i + 1)) {
    out.push({ startUtf16: i, endUtf16: i + quote.length, errors: 0 })
  }
  return out
}

/** Edits allowed for a quote of this length (UTF-16 units) at `rate` edits per character. */
export function maxErrorsFor(quote: string, rate = MAX_ERROR_RATE): number {
  return Math.min(MAX_ERRORS, Math.floor(quote.length * rate))
}

/**
 * Best approximate matches of `quote` in text[from, to) (all with the lowest error count found),
 * collapsed so that overlapping matches count once (the one with the fewest errors, then shortest).
 */
export function fuzzyCandidates(text: string, quote: string, from = 0, to = text.length, rate = MAX_ERROR_RATE): Candidate[] {
  if (!quote) return []
  const window = from === 0 && to === text.length ? text : text.slice(from, to)
  const matches = approxSearch(window, quote, maxErrorsFor(quote, rate))
    .map((m) => ({ startUtf16: m.start + from, endUtf16: m.end + from, errors: m.errors }))
    .sort((a, b) => a.startUtf16 - b.startUtf16 || a.errors - b.errors || a.endUtf16 - b.endUtf16)
  const out: Candidate[] = []
  for (const m of matches) {
    const last = out[out.length - 1]
    if (last && m.startUtf16 < last.endUtf16) {
      const better = m.errors < last.errors || (m.errors === last.errors && m.endUtf16 - m.startUtf16 < last.endUtf16 - last.startUtf16)
      if (better) out[out.length - 1] = m
    } else out.push(m)
  }
  return out
}

function isCombining(ch: string): boolean {
  return /\p{M}/u.test(ch)
}

/**
 * Widens a fuzzy match to whole characters: never starts on a low surrogate or a combining mark,
 * never ends before one (an approximate match can cut a grapheme; an exact one cannot, since the
 * quote itself was whole).
 */
export function snapToCharacters(text: string, c: Candidate): Candidate {
  let s = c.startUtf16
  let e = c.endUtf16
  const low = (i: number): boolean => i > 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00
  while (s > 0 && (low(s) || isCombining(text.charAt(s)))) s--
  while (e < text.length && (low(e) || isCombining(text.charAt(e)))) e++
  return { ...c, startUtf16: s, endUtf16: e }
}

/** A bracketed passage may be at most this many times longer than the quote (and at least 1/this). */
const BRACKET_MAX_GROWTH = 3
/** Quotes longer than this are not compared by full edit distance (O(n·m)); the fuzzy search covers them. */
const BRACKET_MAX_QUOTE = 2_000

/**
 * The passage between intact context: where the stored prefix still ends and the stored suffix
 * still starts, near the hint. This finds a quote edited beyond what the fuzzy search tolerates
 * (e.g. "Keratsa of Bulgaria" → "Keratsa (Kyratza) of Bulgaria") when both sides are unchanged.
 * Its `errors` are the edit distance between the quote and the bracketed text.
 */
export function bracketCandidate(text: string, quote: string, prefix: string, suffix: string, hintUtf16: number): Candidate | undefined {
  if (!prefix || !suffix || quote.length > BRACKET_MAX_QUOTE) return undefined
  const from = Math.max(0, hintUtf16 - LOCAL_WINDOW)
  let best: number | undefined
  for (let i = text.indexOf(prefix, from); i !== -1 && i <= hintUtf16 + LOCAL_WINDOW; i = text.indexOf(prefix, i + 1)) {
    if (best === undefined || Math.abs(i + prefix.length - hintUtf16) < Math.abs(best - hintUtf16)) best = i + prefix.length
  }
  if (best === undefined) return undefined
  const end = text.indexOf(suffix, best)
  if (end === -1) return undefined
  const length = end - best
  if (length > quote.length * BRACKET_MAX_GROWTH || length * BRACKET_MAX_GROWTH < quote.length) return undefined
  return { startUtf16: best, endUtf16: end, errors: editDistance(quote, text.slice(best, end)) }
}

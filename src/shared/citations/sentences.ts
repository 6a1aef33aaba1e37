/**
 * Finds the sentence a reference is attached to (the claim it supports). Works on UTF-16 indices
 * of one string; callers convert to code points. Deliberately simple: a sentence ends at `.`, `!`
 * or `?` (plus closing quotes/brackets and footnote markers) followed by white space, except after
 * an initial (`A.`) or a common abbreviation; a line break always ends one.
 */

/** Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot). */
const ABBREVIATIONS = new Set([
  'b', 'c', 'ca', 'cf', 'ch', 'col', 'd', 'dr', 'ed', 'eds', 'e.g', 'esp', 'et al', 'fig', 'fl', 'fol', 'i.e', 'jr', 'm', 'mr',
  'mrs', 'ms', 'mt', 'no', 'nos', 'p', 'pp', 'r', 'repr', 'rev', 'sr', 'st', 'trans', 'viz', 'vol', 'vols', 'vs'
])

/** A span of the text, UTF-16 indices, end exclusive. */
export interface Span {
  start: number
  end: number
}

const CLOSERS = '"”’\')]'

/** True when the full stop at `dot` ends a sentence (is not an initial or an abbreviation). */
export function isSentenceFullStop(text: string, dot: number): boolean {
  if (text[dot] !== '.') return true
  const before = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? ''
  if (/^(?:\p{Lu}\.)*\p{Lu}$/u.test(before)) return false // initials: `Elizabeth A. Zachariadou`, `P.A. Works`
  return !ABBREVIATIONS.has(before.toLowerCase())
}

/** Index just after the sentence terminator that starts at `i` (terminal mark, closers, `[n]` markers). */
function skipTerminator(text: string, i: number): number {
  let j = i + 1
  for (;;) {
    if (j < text.length && CLOSERS.includes(text[j])) j++
    else {
      const m = /^\[\d+\]/.exec(text.slice(j, j + 8))
      if (m) j += m[0].length
      else break
    }
  }
  return j
}

/**
 * The sentence containing UTF-16 index `at` within its line: from after the previous sentence end
 * (or the line start) to after the next sentence end (or the line end). Leading and trailing
 * white space is excluded.
 */
export function sentenceAround(text: string, at: number): Span {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1
  const nl = text.indexOf('\n', at)
  const lineEnd = nl < 0 ? text.length : nl
  let start = lineStart
  for (let i = lineStart; i < at; i++) {
    if ('.!?'.includes(text[i]) && isSentenceFullStop(text, i)) {
      const j = skipTerminator(text, i)
      if (j <= at && j < lineEnd && /\s/.test(text[j])) start = j
    }
  }
  let end = lineEnd
  for (let i = at; i < lineEnd; i++) {
    if ('.!?'.includes(text[i]) && isSentenceFullStop(text, i)) {
      const j = skipTerminator(text, i)
      if (j >= lineEnd || /\s/.test(text[j])) {
        end = j
        break
      }
    }
  }
  return trimSpan(text, { start, end })
}

/**
 * The sentence ending at UTF-16 index `end` (exclusive), e.g. the claim a glued reference follows:
 * scans back to the previous sentence end or line start.
 */
export function sentenceEndingAt(text: string, end: number): Span {
  const lineStart = text.lastIndexOf('\n', end - 1) + 1
  let start = lineStart
  // Skip the claim's own terminator when looking for the previous sentence end.
  let last = end - 1
  while (last > lineStart && (CLOSERS.includes(text[last]) || '.!?'.includes(text[last]))) last--
  for (let i = lineStart; i < last; i++) {
    if ('.!?'.includes(text[i]) && isSentenceFullStop(text, i)) {
      const j = skipTerminator(text, i)
      if (j <= last && /\s/.test(text[j] ?? '')) start = j
    }
  }
  return trimSpan(text, { start, end })
}

/** `span` without white space at either end, a leading list bullet, or trailing `[n]` footnote markers. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span
  const bullet = /^\s*(?:[-*+•]|\d+[.)])\s+/.exec(text.slice(start, Math.min(end, start + 12)))
  if (bullet && start === text.lastIndexOf('\n', start) + 1) start += bullet[0].length
  for (;;) {
    while (end > start && /\s/.test(text[end - 1])) end--
    const m = /\[\d+\]$/.exec(text.slice(Math.max(start, end - 8), end))
    if (m) end -= m[0].length
    else break
  }
  while (start < end && /\s/.test(text[start])) start++
  return { start, end }
}

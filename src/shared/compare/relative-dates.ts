/**
 * Dates a text gives relative to another: "the following year", "two years later", "the year
 * before" (resolved against the last year the text names before them), and dates within a reign
 * or a life: "in the third year of his reign", "in the ninth year of his age" (kept as relative:
 * comparable only with another date of the same kind).
 */
import type { Token } from '../text/tokenise'
import type { NumberMention } from './numbers'

/** A year the text gives through a relative phrase; from/to index its tokens. */
export interface RelativeYear {
  year: number
  text: string
  from: number
  to: number
}

/** A date counted within a reign or a life ("the third year of his reign" → scope reign, n 3). */
export interface ScopedDate {
  scope: 'reign' | 'age'
  n: number
  text: string
  from: number
  to: number
}

const FORWARD = new Set(['following', 'next', 'ensuing', 'succeeding', 'subsequent'])
const BACKWARD = new Set(['previous', 'preceding', 'prior'])
const text = (tokens: Token[], from: number, to: number): string => tokens.slice(from, to).map((t, i) => (i ? t.gap.replace(/\s+/g, ' ') : '') + t.text).join('')

/** Years given relative to the last explicit year before them. `numbers` is findNumbers(tokens). */
export function relativeYears(tokens: Token[], numbers: NumberMention[]): RelativeYear[] {
  const out: RelativeYear[] = []
  const byStart = new Map(numbers.map((n) => [n.from, n]))
  let base: number | undefined
  for (let i = 0; i < tokens.length; i++) {
    const n = byStart.get(i)
    if (n?.kind === 'year') {
      base = n.value
      i = n.to - 1
      continue
    }
    if (base === undefined) continue
    const w = tokens[i].norm
    // "the following year", "the next year", "the previous year"
    if ((FORWARD.has(w) || BACKWARD.has(w)) && tokens[i + 1]?.norm === 'year') {
      const from = tokens[i - 1]?.norm === 'the' ? i - 1 : i
      out.push({ year: base + (FORWARD.has(w) ? 1 : -1), text: text(tokens, from, i + 2), from, to: i + 2 })
      i++
      continue
    }
    // "the year after", "the year before"
    if (w === 'year' && (tokens[i + 1]?.norm === 'after' || tokens[i + 1]?.norm === 'before') && tokens[i - 1]?.norm === 'the') {
      out.push({ year: base + (tokens[i + 1].norm === 'after' ? 1 : -1), text: text(tokens, i - 1, i + 2), from: i - 1, to: i + 2 })
      i++
      continue
    }
    // "two years later", "a year later", "three years afterwards", "five years earlier"
    const count = n && n.kind === 'number' ? n : undefined
    const k = count ? count.to : w === 'a' ? i + 1 : -1
    if (k > 0 && /^years?$/.test(tokens[k]?.norm ?? '')) {
      const dir = tokens[k + 1]?.norm
      const value = count ? count.value : 1
      if (dir === 'later' || dir === 'afterwards' || dir === 'after') out.push({ year: base + value, text: text(tokens, i, k + 2), from: i, to: k + 2 })
      else if (dir === 'earlier' || dir === 'before') out.push({ year: base - value, text: text(tokens, i, k + 2), from: i, to: k + 2 })
      if (dir === 'later' || dir === 'afterwards' || dir === 'after' || dir === 'earlier' || dir === 'before') i = k + 1
    }
  }
  return out
}

/** Dates within a reign or a life: "the third year of his reign", "the ninth year of his age". */
export function scopedDates(tokens: Token[], numbers: NumberMention[]): ScopedDate[] {
  const out: ScopedDate[] = []
  const byEnd = new Map(numbers.map((n) => [n.to, n]))
  for (let i = 1; i + 3 < tokens.length; i++) {
    const t = tokens.slice(i, i + 4).map((x) => x.norm)
    if (t[0] !== 'year' || t[1] !== 'of' || !['his', 'her', 'their', 'the'].includes(t[2])) continue
    const scope = t[3] === 'reign' ? 'reign' : t[3] === 'age' || t[3] === 'life' ? 'age' : undefined
    if (!scope) continue
    // findNumbers leaves a lone "first" or "second" out (too often not a number); here they are ordinals.
    const before = byEnd.get(i)
    const prev = tokens[i - 1].norm
    const n = before ? before.value : prev === 'first' ? 1 : prev === 'second' ? 2 : undefined
    if (n === undefined) continue
    const from = before ? before.from : i - 1
    out.push({ scope, n, text: text(tokens, from, i + 4), from, to: i + 4 })
  }
  return out
}

/**
 * How the compare view words a comparison for the historian: the judgement as a sentence with the
 * reason read from its features, what was searched (the whole source, or the region a locator
 * named), the printed page a passage is on, and where a discrepancy's values stand in a text.
 * Pure: unit-tested without a browser.
 */
import type { Comparison, Judgement, JudgementVerdict, LocatorPart } from '../../shared/api/compare'
import type { Block } from '../../shared/model'
import { codePointLength, type CodePointIndex } from '../../shared/text/code-points'

export const JUDGEMENT_LABELS: Record<JudgementVerdict, string> = {
  'supported-passage-found': 'A supporting passage seems to be in this source',
  'related-passages-only': 'Only related passages found',
  'not-found': 'Not found in this source'
}

const pct = (x: number): string => `${Math.round(x * 100)}%`

/**
 * Why the judgement says what it says, in the terms of its features (each a share 0–1 of the
 * claim's weighted words, names and values, see shared/compare/judgement.ts). `hasNames`: the claim
 * names people or places (otherwise the name shares mean nothing and are left out).
 */
export function judgementReason(j: Judgement, hasNames: boolean): string {
  const f = j.features
  const said: string[] = []
  said.push(`The source uses ${pct(f.presence)} of the claim's words, names and values at all`)
  if (hasNames) said.push(`${pct(f.namePresence)} of its names`)
  const absent = Math.round(f.absentTerms * 4)
  const lead = said.join('; ') + '.'
  const best = ` The best passage holds ${pct(f.coverage)} of the claim${hasNames ? ` and ${pct(f.nameCoverage)} of its names around it` : ''}`
  const margin = f.margin >= 0.3 ? ', well ahead of the next.' : ', about as much as the next ones.'
  const missing = absent ? ` ${absent >= 4 ? 'Four or more' : absent} of the claim's words ${absent === 1 ? 'is' : 'are'} nowhere in the source.` : ''
  return lead + best + margin + missing
}

const KIND_ABBR: Record<LocatorPart['kind'], string> = { page: 'p.', folio: 'fol.', chapter: 'ch.', section: '§', book: 'book', line: 'l.' }

/** A locator part as printed: `p. 39`, `ch. LXIV–LXV`. */
export function partLabel(p: LocatorPart): string {
  return `${KIND_ABBR[p.kind]} ${p.from}${p.to !== p.from ? `–${p.to}` : ''}`
}

/** What a comparison searched, as one line: the cited region (with its code points) or the whole source. */
export function searchedDescription(c: Comparison, sourceTitle: string, sourceLength: number): string {
  const region = c.narrowedTo
  const unresolved = c.citedRegion?.unresolved.map(partLabel) ?? []
  const named = c.locator ? `, as the locator “${c.locator}” names` : ''
  const notResolved = unresolved.length ? ` The source has no ${unresolved.map((u) => `“${u}”`).join(', ')}, so that part of the locator was not used.` : ''
  if (region) return `Searched ${region.label} of ${sourceTitle} first (code points ${region.start}–${region.end} of ${sourceLength})${named}, then the rest of it.${notResolved}`
  return `Searched all of ${sourceTitle} (${sourceLength} code points)${c.locator ? ` for the locator “${c.locator}”` : ''}.${notResolved}`
}

/** The printed label of the page (`page` block) that holds code point `at`, or undefined. */
export function pageLabelAt(structure: readonly Block[], at: number): string | undefined {
  for (const b of structure) if (b.kind === 'page' && b.start <= at && at < b.end) return b.label
  return undefined
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Where `value` occurs (case-insensitive, whole words where it starts and ends with one) in code
 * points [from, to) of `text`; offsets in code points of the whole text. Empty when it does not.
 */
export function findValue(text: CodePointIndex, from: number, to: number, value: string): { start: number; end: number }[] {
  const v = value.trim()
  if (!v) return []
  const stretch = text.slice(from, to)
  const edge = (ch: string, side: 'start' | 'end'): string => (/[\p{L}\p{N}]/u.test(ch) ? (side === 'start' ? '(?<![\\p{L}\\p{N}])' : '(?![\\p{L}\\p{N}])') : '')
  const re = new RegExp(edge(v[0], 'start') + escapeRegExp(v) + edge(v[v.length - 1], 'end'), 'giu')
  const out: { start: number; end: number }[] = []
  for (const m of stretch.matchAll(re)) {
    const start = from + codePointLength(stretch.slice(0, m.index))
    out.push({ start, end: start + codePointLength(m[0]) })
  }
  return out
}

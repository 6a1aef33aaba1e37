/**
 * Resolves a citation's locator against a document's structure into code point ranges of its
 * text: pages and folios through `page` blocks (their printed `label`), lines through `line`
 * blocks (inside the cited pages when pages are given), chapters, sections and books through
 * headings (their `label`, or the number in the heading's text: "Chapter LXIV: …"). Used by
 * compare (to narrow the search), the citation panel and "go to cited page".
 */
import type { Block } from '../model/document'
import { labelValue, parseLocator, type LocatorPart } from './parse-locator'

/** A resolved span; start/end in code points of the document's text, end exclusive. */
export interface LocatedRange {
  start: number
  end: number
  /** What it is, as a reader would say it: "p. 339", "Chapter LXIV: Moguls, Ottoman Turks". */
  label: string
}

export interface ResolvedLocator {
  /** The cited region, in document order, merged where ranges touch. Empty when nothing resolved. */
  ranges: LocatedRange[]
  /** Parts the document's structure could not resolve (no pages in a plain text, a page it lacks). */
  unresolved: LocatorPart[]
}

/** A heading with its text, so a heading without a label can still be read ("Chapter LXIV: …"). */
export interface HeadingInfo {
  start: number
  end: number
  level: number
  label?: string
  /** The heading's text (its first line is enough). */
  text: string
}

const HEADING_NUMBER = /^\s*(?:chapter|chap\.?|book|section|sect\.?|§|part)?\s*([0-9]+|[ivxlcdm]+)\b/i

/** Does a printed label match the locator's (same text, or the same number arabic or Roman)? */
function sameLabel(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true
  const x = labelValue(a)
  return Number.isFinite(x) && x === labelValue(b)
}

/** Blocks whose label lies in [from, to]: by value when both ends are numbers, else by document order. */
function inRange<T extends { label?: string }>(items: T[], from: string, to: string): T[] {
  const a = labelValue(from)
  const b = labelValue(to)
  if (Number.isFinite(a) && Number.isFinite(b) && from !== to) {
    return items.filter((x) => {
      const v = x.label === undefined ? NaN : labelValue(x.label)
      return v >= Math.min(a, b) && v <= Math.max(a, b)
    })
  }
  const first = items.findIndex((x) => x.label !== undefined && sameLabel(x.label, from))
  if (first < 0) return []
  if (from === to) return items.filter((x) => x.label !== undefined && sameLabel(x.label, from))
  const last = items.findIndex((x, i) => i >= first && x.label !== undefined && sameLabel(x.label, to))
  return last < 0 ? [items[first]] : items.slice(first, last + 1)
}

/** Folio labels: "12" names both sides, 12r and 12v. */
function folioMatches(label: string, wanted: string): boolean {
  return sameLabel(label, wanted) || (/^\d+$/.test(wanted) && new RegExp(`^${wanted}[rv]$`, 'i').test(label))
}

/** Span of each heading: to the next heading of the same or a higher level, or the end of the text. */
function headingSpans(headings: HeadingInfo[], length: number): (HeadingInfo & { spanEnd: number; number?: string })[] {
  const sorted = [...headings].sort((x, y) => x.start - y.start)
  return sorted.map((h, i) => {
    const next = sorted.slice(i + 1).find((o) => o.level <= h.level)
    return { ...h, spanEnd: next ? next.start : length, number: h.label ?? HEADING_NUMBER.exec(h.text)?.[1] }
  })
}

/**
 * Resolves a locator. `blocks` is the document's structure (page and line milestones, headings);
 * `headings` gives each heading's text (for labels printed in the heading); `length` is the text's
 * length in code points.
 */
export function resolveLocator(locator: string | undefined, blocks: Block[], headings: HeadingInfo[], length: number): ResolvedLocator {
  const { parts } = parseLocator(locator)
  const pages = blocks.filter((b) => b.kind === 'page').sort((a, b) => a.start - b.start)
  const lines = blocks.filter((b) => b.kind === 'line').sort((a, b) => a.start - b.start)
  const heads = headingSpans(headings, length)
  const unresolved: LocatorPart[] = []
  let ranges: LocatedRange[] = []
  const pageRanges: LocatedRange[] = []
  for (const part of parts) {
    let found: LocatedRange[] = []
    if (part.kind === 'page') found = inRange(pages, part.from, part.to).map((b) => ({ start: b.start, end: b.end, label: `p. ${b.label}` }))
    else if (part.kind === 'folio') {
      const first = pages.findIndex((b) => b.label !== undefined && folioMatches(b.label, part.from))
      const lastOf = [...pages].reverse().findIndex((b) => b.label !== undefined && folioMatches(b.label, part.to))
      const last = lastOf < 0 ? -1 : pages.length - 1 - lastOf
      if (first >= 0) found = pages.slice(first, Math.max(first, last) + 1).map((b) => ({ start: b.start, end: b.end, label: `fol. ${b.label}` }))
    } else if (part.kind === 'line') {
      // Lines inside the cited pages when pages were given (p. 39, l. 5), else anywhere.
      const within = pageRanges.length ? lines.filter((l) => pageRanges.some((p) => l.start >= p.start && l.start < p.end)) : lines
      found = inRange(within, part.from, part.to).map((b) => ({ start: b.start, end: b.end, label: `l. ${b.label}` }))
    } else {
      const candidates = heads.filter((h) => h.number !== undefined)
      // Chapters and books are the top numbered divisions; a section may be any numbered heading.
      const top = Math.min(...candidates.map((h) => h.level))
      const pool = part.kind === 'section' ? candidates : candidates.filter((h) => h.level === top)
      found = inRange(pool.map((h) => ({ ...h, label: h.number })), part.from, part.to).map((h) => ({ start: h.start, end: h.spanEnd, label: h.text.split('\n')[0].trim() }))
    }
    if (!found.length) {
      unresolved.push(part)
      continue
    }
    if (part.kind === 'page' || part.kind === 'folio') pageRanges.push(...found)
    // A line inside cited pages replaces those pages; other parts add to the region.
    if (part.kind === 'line' && pageRanges.length) ranges = ranges.filter((r) => !pageRanges.includes(r))
    ranges.push(...found)
  }
  return { ranges: mergeRanges(ranges), unresolved }
}

/** Ranges sorted and merged where they overlap or touch; labels joined with " – ". */
export function mergeRanges(ranges: LocatedRange[]): LocatedRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const out: LocatedRange[] = []
  for (const r of sorted) {
    const last = out[out.length - 1]
    if (last && r.start <= last.end) {
      if (r.end > last.end) last.end = r.end
      if (!last.label.includes(' – ') && last.label !== r.label) last.label = `${last.label} – ${r.label}`
      else if (last.label !== r.label) last.label = last.label.replace(/ – .*$/, ` – ${r.label}`)
    } else out.push({ ...r })
  }
  return out
}

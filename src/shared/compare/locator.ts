/**
 * Reads the chapter out of a citation's locator ("ch. LXIV", "chap. 64", "chapters LXIV–LXV")
 * and finds that chapter's span in a source, to narrow the search for the supporting passage.
 */
import { romanValue, type Chapter } from './segment'

/** Chapters [from, to] named by a locator, or undefined when it names none (pages, folios…). */
export function chaptersOfLocator(locator: string | undefined): { from: number; to: number } | undefined {
  if (!locator) return undefined
  const m = /\b(?:ch|chs|chap|chaps|chapter|chapters)\.?\s*([ivxlcdm]+|\d+)\b(?:\s*(?:-|–|—|to)\s*([ivxlcdm]+|\d+)\b)?/i.exec(locator)
  if (!m) return undefined
  const value = (s: string): number => (/^\d+$/.test(s) ? Number(s) : romanValue(s))
  const from = value(m[1])
  const to = m[2] ? value(m[2]) : from
  if (!Number.isFinite(from) || !Number.isFinite(to)) return undefined
  return { from: Math.min(from, to), to: Math.max(from, to) }
}

/** Code point span of the chapters a locator names in a source, when the source has them. */
export function locatorSpan(locator: string | undefined, chapters: Chapter[]): { start: number; end: number; label: string } | undefined {
  const range = chaptersOfLocator(locator)
  if (!range) return undefined
  const hit = chapters.filter((c) => c.number >= range.from && c.number <= range.to)
  if (!hit.length) return undefined
  return {
    start: Math.min(...hit.map((c) => c.start)),
    end: Math.max(...hit.map((c) => c.end)),
    label: hit.length === 1 ? hit[0].label : `${hit[0].label} … ${hit[hit.length - 1].label}`
  }
}

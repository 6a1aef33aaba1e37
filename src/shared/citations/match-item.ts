/**
 * Matches a reference parsed from the text (often partial: `Necipoglu (2009)`, `Shaw, _History…_`)
 * to a full item the project or the same document already has. Candidates are indexed once by
 * their dedup keys and first author, so matching a document's references against a bibliography
 * of thousands of items stays linear (each reference looks up its keys and one author's items).
 */
import type { CslItem } from '../model'
import { dedupKeys, firstCreatorFamily, itemYear, normaliseForKey } from './csl-item'

/** A candidate for matching: an item and who holds it (a citation id, or a note of the document). */
export interface MatchCandidate {
  /** Citation id (`cit_…`) for project items; `note:<n>` for an earlier note of the document. */
  ref: string
  item: CslItem
}

export interface ItemMatch {
  ref: string
  item: CslItem
  /** What matched: `doi`, `title-year-author` (the dedup key), or `author-year` / `author-title` / `author` (a short form). */
  by: 'doi' | 'title-year-author' | 'author-year' | 'author-title' | 'author'
}

function titleCompatible(a: CslItem, b: CslItem): boolean {
  const ta = typeof a.title === 'string' ? normaliseForKey(a.title) : ''
  const tb = typeof b.title === 'string' ? normaliseForKey(b.title) : ''
  return !ta || !tb || ta.startsWith(tb) || tb.startsWith(ta)
}

const familyOf = (item: CslItem): string => normaliseForKey(firstCreatorFamily(item))

/** Candidates indexed for matching; add more as they appear (e.g. notes read in text order). */
export class MatchIndex {
  private readonly byKey = new Map<string, MatchCandidate>()
  private readonly byFamily = new Map<string, MatchCandidate[]>()

  constructor(candidates: Iterable<MatchCandidate> = []) {
    for (const c of candidates) this.add(c)
  }

  add(c: MatchCandidate): void {
    for (const k of dedupKeys(c.item)) if (!this.byKey.has(k)) this.byKey.set(k, c)
    const family = familyOf(c.item)
    if (!family) return
    const list = this.byFamily.get(family)
    if (list) list.push(c)
    else this.byFamily.set(family, [c])
  }

  /**
   * The best match of `item`, or undefined. Full keys first (DOI, title + year + first author);
   * then, for partial references, the same first author with a compatible year and title (one
   * title a prefix of the other). An author-only reference matches only when exactly one
   * candidate has that author, so an ambiguous short form is never linked to the wrong work.
   */
  match(item: CslItem): ItemMatch | undefined {
    for (const k of dedupKeys(item)) {
      const c = this.byKey.get(k)
      if (c) return { ref: c.ref, item: c.item, by: k.startsWith('doi:') ? 'doi' : 'title-year-author' }
    }
    const family = familyOf(item)
    if (!family) return undefined
    const year = itemYear(item)
    const compatible = (this.byFamily.get(family) ?? []).filter((c) => {
      const cy = itemYear(c.item)
      return (year === undefined || cy === undefined || cy === year) && titleCompatible(item, c.item)
    })
    if (year !== undefined) {
      const withYear = compatible.filter((c) => itemYear(c.item) === year)
      if (withYear.length === 1) return { ref: withYear[0].ref, item: withYear[0].item, by: 'author-year' }
    }
    if (item.title) {
      const withTitle = compatible.filter((c) => typeof c.item.title === 'string' && c.item.title)
      if (withTitle.length === 1) return { ref: withTitle[0].ref, item: withTitle[0].item, by: 'author-title' }
    }
    if (!item.title && year === undefined && compatible.length === 1) return { ref: compatible[0].ref, item: compatible[0].item, by: 'author' }
    return undefined
  }
}

/** One-off match of `item` among `candidates` (builds a throwaway index). */
export function matchItem(item: CslItem, candidates: MatchCandidate[]): ItemMatch | undefined {
  return new MatchIndex(candidates).match(item)
}

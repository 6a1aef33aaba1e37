/**
 * Small helpers over CSL-JSON items: the year, first author, a display label, the keys used to
 * recognise duplicates, and a clean copy without citation-js's internal fields.
 */
import type { CslItem, CslName } from '../model'
import { foldKey } from '../text/fold'

/** The first year of `issued` (date-parts, raw or literal), or undefined. */
export function itemYear(item: CslItem): number | undefined {
  const issued = item.issued
  if (!issued) return undefined
  const first = issued['date-parts']?.[0]?.[0]
  const n = typeof first === 'string' ? parseInt(first, 10) : first
  if (typeof n === 'number' && Number.isFinite(n)) return n
  const m = /\b(\d{4})\b/.exec(String(issued.raw ?? issued.literal ?? ''))
  return m ? parseInt(m[1], 10) : undefined
}

/** The family name (or literal) of a name, '' when it has none. */
export function nameFamily(name: CslName | undefined): string {
  if (!name) return ''
  return String(name.family ?? name.literal ?? '').trim()
}

/** Family name of the first author, else of the first editor, else ''. */
export function firstCreatorFamily(item: CslItem): string {
  return nameFamily(item.author?.[0]) || nameFamily(item.editor?.[0])
}

/**
 * Lower-case, diacritics removed, punctuation dropped, spaces collapsed: `Necipoğlu` and
 * `Necipoglu` compare equal, as do `"John VII (Alias …)"` and `John VII Alias …`.
 * Folded by the one table of text/fold.ts (so `Ørsted` and `Orsted` agree too); Greek stays Greek.
 */
export function normaliseForKey(value: string): string {
  const key = foldKey(value)
  // Fast path for plain ASCII (most titles and names): import of a large bibliography computes
  // this twice per entry, so it matters (bench/bib-import.ts).
  return (ASCII.test(key) ? key.replace(/[^a-z0-9]+/g, ' ') : key.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim()
}
const ASCII = /^[\x00-\x7f]*$/

/** A DOI without its resolver prefix, lower-cased (DOIs are case-insensitive). */
export function normaliseDoi(doi: string): string {
  return doi.trim().replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '').toLowerCase()
}

/**
 * Keys under which two items are the same work: `doi:<doi>` when it has a DOI, and
 * `tya:<title>|<year>|<first author's family name, last word>` when it has a title (normalised by normaliseForKey).
 */
export function dedupKeys(item: CslItem): string[] {
  const keys: string[] = []
  if (typeof item.DOI === 'string' && item.DOI.trim()) keys.push(`doi:${normaliseDoi(item.DOI)}`)
  const title = typeof item.title === 'string' ? normaliseForKey(item.title) : ''
  // The family name's last word only: BibTeX splits `von Graeve` into particle + `Graeve`, RIS does not.
  const family = normaliseForKey(firstCreatorFamily(item)).split(' ').pop() ?? ''
  if (title) keys.push(`tya:${title}|${itemYear(item) ?? ''}|${family}`)
  return keys
}

/** `Zachariadou 1977 · John VII (Alias Andronicus) Palaeologus`, for lists and pickers. */
export function itemLabel(item: CslItem): string {
  const who = firstCreatorFamily(item) || 'Anon.'
  const more = (item.author?.length ?? 0) > 1 ? ' et al.' : ''
  const year = itemYear(item)
  const title = typeof item.title === 'string' && item.title ? item.title : '(untitled)'
  return `${who}${more}${year ? ` ${year}` : ''} · ${title}`
}

/** Fields citation-js adds for its own bookkeeping; they are not bibliographic data. */
const INTERNAL_FIELDS = ['_graph', '_label']

/** A copy of `item` without internal fields, empty strings or empty arrays. */
export function cleanItem(item: CslItem): CslItem {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(item)) {
    if (INTERNAL_FIELDS.includes(k) || v === undefined || v === null) continue
    if (typeof v === 'string' && v.trim() === '') continue
    if (Array.isArray(v) && v.length === 0) continue
    out[k] = v
  }
  return out as CslItem
}

/**
 * Fills the fields `target` lacks from `source` (never overwrites a value the target has).
 * Returns the merged copy and the names of the fields added.
 */
export function fillMissing(target: CslItem, source: CslItem): { item: CslItem; added: string[] } {
  const item: Record<string, unknown> = { ...target }
  const added: string[] = []
  for (const [k, v] of Object.entries(cleanItem(source))) {
    if (k === 'id' || k === 'citation-key') continue
    if (item[k] === undefined || item[k] === '' || (Array.isArray(item[k]) && (item[k] as unknown[]).length === 0)) {
      item[k] = v
      added.push(k)
    }
  }
  return { item: item as CslItem, added }
}

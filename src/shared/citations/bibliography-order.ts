/**
 * What lets a bibliography be formatted item by item and still come out as citeproc would format
 * it as a whole: the items whose entries depend on each other (same first author and year: an
 * author-date style tells them apart as 1977a, 1977b) are formatted together, and the entries are
 * put in the style's order from the items' own data (bibliographySortKey), without asking citeproc
 * for its sort keys (which costs as much as formatting every item again).
 */
import type { CslItem, CslName } from '../model'
import { firstCreatorFamily, itemYear, normaliseForKey } from './csl-item'

/** JSON of an item with its keys sorted and without its id: equal for equal bibliographic data. */
export function itemFingerprint(item: CslItem): string {
  const { id: _id, ...rest } = item
  return JSON.stringify(rest, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v))
}

/** Items a style may tell apart by each other (same first creator, or same title when anonymous, and year). */
function ambiguityKey(item: CslItem): string {
  const who = normaliseForKey(firstCreatorFamily(item)) || `title:${normaliseForKey(String(item.title ?? ''))}`
  return `${who}|${itemYear(item) ?? ''}`
}

/** The items split into groups to format together: singletons, and items that share an ambiguity key. */
export function formattingGroups<T extends { item: CslItem }>(items: readonly T[]): T[][] {
  const groups = new Map<string, T[]>()
  for (const x of items) {
    const key = ambiguityKey(x.item)
    const g = groups.get(key)
    if (g) g.push(x)
    else groups.set(key, [x])
  }
  return [...groups.values()]
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Sort keys of a name: family name without its particles (`Borg` for van der Borg: CSL demotes them), then given names. */
function nameKeys(n: CslName): string[] {
  return [String(n.family ?? n.literal ?? ''), String(n.given ?? '')]
}

/** A title as it sorts: leading quotation marks and brackets skipped (citeproc keeps a leading article). */
export function titleKey(title: unknown): string {
  return String(title ?? '').replace(/^[\s"'“”‘’«»(\[]+/, '')
}

/**
 * The sort key of an item in a style, as a list of fields compared in turn. Both Chicago styles
 * sort by the creators (each name by family, then given names; a work by fewer of the same
 * creators first), or the title when there are none; then notes-bibliography by title and
 * container, author-date by year and then title (`<bibliography><sort>` of resources/csl/*.csl).
 */
export function bibliographySortKey(item: CslItem, style: string): string[] {
  const names = (item.author ?? item.editor ?? (item.translator as CslName[] | undefined) ?? []) as CslName[]
  const creators = names.length ? names.flatMap(nameKeys) : [titleKey(item.title)]
  const year = String(itemYear(item) ?? '')
  const rest = style === 'chicago-author-date'
    ? [year, titleKey(item.title), String(item['container-title'] ?? '')]
    : [titleKey(item.title), String(item['container-title'] ?? ''), String(item.volume ?? ''), year]
  // The creators end with a marker below every letter, so `Graeve` alone sorts before `Graeve, Adiego…`.
  return [...creators, '\u0000', ...rest]
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue
    if (a[i] === '\u0000' || b[i] === '\u0000') return a[i] === '\u0000' ? -1 : 1
    const c = collator.compare(a[i], b[i])
    if (c !== 0) return c
  }
  return a.length - b.length
}

/**
 * Formatted items in the style's bibliography order (see bibliographySortKey). Items with equal
 * keys go by their formatted text (`2000a` before `2000b`), then keep their input order.
 */
export function sortForStyle<T extends { item: CslItem; text?: string }>(entries: readonly T[], style: string): T[] {
  return entries
    .map((e, i) => ({ e, i, key: bibliographySortKey(e.item, style) }))
    .sort((a, b) => compareKeys(a.key, b.key) || collator.compare(a.e.text ?? '', b.e.text ?? '') || a.i - b.i)
    .map((x) => x.e)
}

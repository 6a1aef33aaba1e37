/**
 * Reads a citation's locator into the divisions it names: pages (`p. 39`, `pp. 339–342`,
 * `pp. 339-42`), folios (`fol. 12r`, `ff. 12r–13v`), chapters (`ch. LXIV`, `chapters LXIV–LXV`),
 * sections (`§ 3`, `sect. 2`), books and lines (`l. 5`, `ll. 3–9`). Several parts may be combined
 * (`ch. LXIV, p. 12`); text it does not understand is left in `rest`.
 */

/** The kinds of division a locator can name. */
export type DivisionKind = 'page' | 'folio' | 'chapter' | 'section' | 'book' | 'line'

/** One division, or a range of them, as the locator prints it (labels, not positions). */
export interface LocatorPart {
  kind: DivisionKind
  /** First label (`339`, `12r`, `LXIV`). */
  from: string
  /** Last label of a range, expanded when abbreviated (`339–42` gives `342`); equal to `from` for one. */
  to: string
}

export interface ParsedLocator {
  parts: LocatorPart[]
  /** What was left over (volume numbers, "n. 3", prose), trimmed. */
  rest: string
}

const KINDS: [RegExp, DivisionKind][] = [
  [/^(?:pp?|pages?|pg)$/i, 'page'],
  [/^(?:fols?|folios?|ff?)$/i, 'folio'],
  [/^(?:chs?|chaps?|chapters?|cap|capp)$/i, 'chapter'],
  [/^(?:§§?|sects?|sections?|secs?)$/i, 'section'],
  [/^(?:bk|bks|books?|lib)$/i, 'book'],
  [/^(?:ll?|lines?)$/i, 'line']
]

const LABEL = String.raw`(?:[0-9]+[rv]?|[ivxlcdm]+)`
const PART = new RegExp(String.raw`(§§?|[a-z]+)\.?\s*(${LABEL})\b(?:\s*(?:-|–|—|to)\s*(${LABEL})\b)?`, 'giu')

/** Expands an abbreviated range end: `339`–`42` → `342` (only for plain numbers). */
function expandEnd(from: string, to: string): string {
  if (!/^\d+$/.test(from) || !/^\d+$/.test(to) || to.length >= from.length) return to
  const full = from.slice(0, from.length - to.length) + to
  return Number(full) >= Number(from) ? full : to
}

/** The divisions a locator names, in the order written. */
export function parseLocator(locator: string | undefined): ParsedLocator {
  const parts: LocatorPart[] = []
  if (!locator) return { parts, rest: '' }
  let rest = locator
  for (const m of locator.matchAll(PART)) {
    const kind = KINDS.find(([re]) => re.test(m[1]))?.[1]
    if (!kind) continue
    // A roman "label" right after a word that is not a division ("in vi") is not a locator.
    const from = m[2]
    const to = m[3] ? expandEnd(from, m[3]) : from
    parts.push({ kind, from, to })
    rest = rest.replace(m[0], ' ')
  }
  return { parts, rest: rest.replace(/[\s,;:.]+/g, ' ').trim() }
}

/** Value of a label as a number: arabic, or a Roman numeral; NaN for a folio or anything else. */
export function labelValue(label: string): number {
  if (/^\d+$/.test(label)) return Number(label)
  const s = label.toLowerCase()
  if (!/^[ivxlcdm]+$/.test(s)) return NaN
  const v: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 }
  let total = 0
  for (let i = 0; i < s.length; i++) {
    const cur = v[s[i]]
    const next = v[s[i + 1]] ?? 0
    total += cur < next ? -cur : cur
  }
  return total
}

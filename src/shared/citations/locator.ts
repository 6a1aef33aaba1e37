/**
 * Locators: where in a work a claim rests (page, chapter, folio, line…). Stored on a citation link
 * as written for people (`p. 39`, `pp. 339-342`, `ch. LXIV`, `fol. 12r`); turned into CSL's
 * `{ label, locator }` when formatting notes.
 */

/** CSL locator labels Marginalia recognises, by the abbreviations historians write. */
const LABELS: [RegExp, string][] = [
  [/^(pp?|pages?)\.?$/i, 'page'],
  [/^(ch|chap|cap|chapters?)\.?$/i, 'chapter'],
  [/^(fol|fols|ff?|folios?)\.?$/i, 'folio'],
  [/^(l|ll|lines?)\.?$/i, 'line'],
  [/^(vols?|volumes?)\.?$/i, 'volume'],
  [/^(sec|sect|sections?|§)\.?$/i, 'section'],
  [/^(n|nn|notes?)\.?$/i, 'note'],
  [/^(bk|books?)\.?$/i, 'book'],
  [/^(col|cols|columns?)\.?$/i, 'column'],
  [/^(para|paras|paragraphs?|¶)\.?$/i, 'paragraph'],
  [/^(pt|parts?)\.?$/i, 'part']
]

/** A locator split for CSL: `p. 39` → `{ label: 'page', locator: '39' }`. */
export function toCslLocator(locator: string): { label: string; locator: string } {
  const s = locator.trim()
  const m = /^([\p{L}§¶]+\.?)\s*(.+)$/u.exec(s)
  if (m) {
    for (const [re, label] of LABELS) if (re.test(m[1])) return { label, locator: m[2].trim() }
  }
  // A bare number or range is a page; anything else is kept whole as a page locator.
  return { label: 'page', locator: s }
}

/**
 * A locator CSL calls numeric: numbers, each with optional letter prefixes or suffixes (`12r`,
 * `D2`), separated by `-`, `–`, `,` or `&` (CSL 1.0.2, `is-numeric`). `LXV` is not numeric.
 */
export function isNumericLocator(value: string): boolean {
  return /^\s*[\p{L}]*\d+[\p{L}]*(\s*[-–,&]\s*[\p{L}]*\d+[\p{L}]*)*\s*$/u.test(value)
}

/**
 * Labels that the Chicago styles leave out before a non-numeric locator (they treat `LXV` as a
 * canonical reference, CMOS 14.143), with the en-US term to write instead (single, plural), as
 * the styles write it before a numeric one (`chap. 65`, `line 4`).
 */
const UNLABELLED_WHEN_NOT_NUMERIC: Record<string, [string, string]> = {
  chapter: ['chap.', 'chaps.'],
  line: ['line', 'lines'],
  verse: ['v.', 'vv.']
}

/**
 * The cite citeproc gets for a citation link: the locator split into CSL's label and value, and
 * for a label the styles would drop before a non-numeric value (`ch. LXV` would print as a bare
 * `LXV`), the label's term written into the value (`chap. LXV`), so no locator loses its kind.
 */
export function cslCite(citationId: string, locator: string | undefined): { id: string; label?: string; locator?: string } {
  if (!locator?.trim()) return { id: citationId }
  const { label, locator: value } = toCslLocator(locator)
  const term = UNLABELLED_WHEN_NOT_NUMERIC[label]
  if (term && !isNumericLocator(value)) return { id: citationId, label, locator: `${/[-–,&]/.test(value) ? term[1] : term[0]} ${value}` }
  return { id: citationId, label, locator: value }
}

/** A page locator written the usual way: `39` → `p. 39`, `30-31` → `pp. 30-31`, `30f` → `pp. 30f`. */
export function pageLocator(pages: string): string {
  const p = pages.trim().replace(/\s*[-–]\s*/, '-')
  return /[-–,]|f$/.test(p) ? `pp. ${p}` : `p. ${p}`
}

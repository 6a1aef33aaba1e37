/**
 * Locators: where in a work a claim rests (page, chapter, folio, line…). Stored on a citation link
 * as written for people (`p. 39`, `pp. 339-342`, `ch. LXIV`, `fol. 12r`); turned into CSL's
 * `{ label, locator }` when formatting notes.
 */

/** CSL locator labels Marginalia recognises, by the abbreviations historians write. */
const LABELS: [RegExp, string][] = [
  [/^(pp?|pages?)\.?$/i, 'page'],
  [/^(ch|chap|chapters?)\.?$/i, 'chapter'],
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

/** A page locator written the usual way: `39` → `p. 39`, `30-31` → `pp. 30-31`, `30f` → `pp. 30f`. */
export function pageLocator(pages: string): string {
  const p = pages.trim().replace(/\s*[-–]\s*/, '-')
  return /[-–,]|f$/.test(p) ? `pp. ${p}` : `p. ${p}`
}

/**
 * Running heads, running feet and page numbers: the lines at the top or bottom of a page that are
 * not the text. A line is running when it is among the first or last two of a page, sits in the
 * top or bottom 18% of it, and either (a) is only a page number (`35`, `– 35 –`, `xii`, `Page 35`,
 * `35 / 102`) that fits the numbering of the other pages (so a year heading `2009` at the top of
 * a page is not taken for one), or (b) its wording, with numbers masked, recurs at the top or
 * bottom of at least a quarter of the pages (and on at least two). The printed page number is the
 * number standing alone at either end of such a line.
 */
import type { PdfLine } from './pdf-lines'

export interface PageLines {
  lines: PdfLine[]
  height: number
}

/** Share of the page height at top and bottom where running lines may stand (LaTeX's foot sits at 86%). */
const BAND = 0.18
/** How many lines from each end of a page are candidates. */
const EDGE_LINES = 2

const ROMAN = /^(?=[ivxlcdm]+$)m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i
const PAGE_ONLY = /^(?:page|p\.|s\.|seite)?\s*[-–—]?\s*(\d{1,4}|[ivxlcdm]{1,8})\s*[-–—]?\s*(?:\/\s*\d{1,4}|of\s+\d{1,4})?$/i

function mask(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (/^\d+$/.test(w) || ROMAN.test(w) ? '#' : w))
    .join(' ')
}

function edgeLines(page: PageLines): PdfLine[] {
  const lines = page.lines
  const top = lines.slice(0, EDGE_LINES).filter((l) => l.y <= page.height * BAND)
  const bottom = lines.slice(-EDGE_LINES).filter((l) => l.y >= page.height * (1 - BAND))
  return [...new Set([...top, ...bottom])]
}

/** The printed page number a running line carries, if any (`35`, `xii`). */
function printedNumber(text: string): string | undefined {
  const only = PAGE_ONLY.exec(text.trim())
  if (only && (/^\d+$/.test(only[1]) || ROMAN.test(only[1]))) return only[1]
  const words = text.trim().split(/\s+/)
  for (const w of [words[0], words.at(-1)]) {
    if (w && (/^\d{1,4}$/.test(w) || (ROMAN.test(w) && w.length <= 8 && w === w.toLowerCase()))) return w
  }
  return undefined
}

/**
 * Which lines of each page are running heads or feet (by index into that page's lines), and the
 * printed number found in them.
 */
export function findRunningLines(pages: PageLines[]): { running: Set<number>[]; printed: (string | undefined)[] } {
  const counts = new Map<string, number>()
  const offsets = new Map<number, number>()
  pages.forEach((page, i) => {
    for (const l of edgeLines(page)) {
      const only = PAGE_ONLY.exec(l.text.trim())
      if (only && /^\d+$/.test(only[1])) offsets.set(+only[1] - i, (offsets.get(+only[1] - i) ?? 0) + 1)
    }
    for (const key of new Set(edgeLines(page).map((l) => mask(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1)
  })
  // The numbering: page number minus page index, as most number-only lines have it.
  const [offset, agreeing] = [...offsets].sort((a, b) => b[1] - a[1])[0] ?? [0, 0]
  const fits = (n: string, i: number) => !/^\d+$/.test(n) || agreeing < 2 || +n - i === offset
  const threshold = Math.max(2, Math.ceil(pages.length * 0.25))
  const running: Set<number>[] = []
  const printed: (string | undefined)[] = []
  pages.forEach((page, i) => {
    const set = new Set<number>()
    let number: string | undefined
    for (const l of edgeLines(page)) {
      const only = PAGE_ONLY.exec(l.text.trim())
      const key = mask(l.text)
      const recurring = key !== '#' && (counts.get(key) ?? 0) >= threshold
      if ((only && fits(only[1], i)) || recurring) {
        set.add(page.lines.indexOf(l))
        const n = printedNumber(l.text)
        if (n && fits(n, i)) number ??= n
      }
    }
    running.push(set)
    printed.push(number)
  })
  return { running, printed }
}

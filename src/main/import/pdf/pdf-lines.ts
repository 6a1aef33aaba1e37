/**
 * From pdfjs text items to lines in reading order. Coordinates are PDF points with y measured down
 * from the top of the page. Items on one baseline form a row; a row splits where a gap wider than
 * twice the font size opens (a column gutter). When the page has two columns (a vertical band in
 * its middle third that no line crosses, with lines on both sides), lines are read left column
 * then right column, band by band between lines that span both.
 */

/** The parts of a pdfjs TextItem used here. */
export interface PdfTextItem {
  str: string
  transform: number[]
  width: number
  height: number
}

/** One line of text on a page. */
export interface PdfLine {
  text: string
  /** Left and right edges, in points from the page's left. */
  x: number
  right: number
  /** Baseline, in points from the page's top. */
  y: number
  /** Font size in points (the largest on the line). */
  size: number
  /** On a two-column page: 0 for the left column, 1 for the right, absent for a line spanning both. */
  column?: 0 | 1
}

interface Fragment extends PdfLine {
  parts: { x: number; right: number; str: string; size: number }[]
}

/** Groups text items into lines (not yet in reading order), top to bottom, left to right. */
function rows(items: PdfTextItem[], pageHeight: number): Fragment[] {
  const frags: Fragment[] = []
  const sorted = items
    .filter((it) => it.str.length > 0)
    .map((it) => {
      const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 10
      return { str: it.str, x: it.transform[4], right: it.transform[4] + it.width, y: pageHeight - it.transform[5], size }
    })
    .sort((a, b) => a.y - b.y || a.x - b.x)
  for (const it of sorted) {
    // Same line: baselines within 40% of the font size (superscripts stay on their line), and no gutter between.
    let line: Fragment | undefined
    // Items come sorted by baseline, so only the last rows can take this one.
    for (let i = frags.length - 1; i >= 0 && it.y - frags[i].y < 2 * it.size + 2; i--) {
      const f = frags[i]
      const size = Math.max(f.size, it.size)
      if (Math.abs(f.y - it.y) < 0.4 * size && it.x - f.right < 2 * size && it.right > f.x - 2 * size) {
        line = f
        break
      }
    }
    if (line) {
      line.parts.push(it)
      line.x = Math.min(line.x, it.x)
      line.right = Math.max(line.right, it.right)
      if (it.size > line.size) {
        line.size = it.size
        line.y = it.y
      }
    } else frags.push({ text: '', x: it.x, right: it.right, y: it.y, size: it.size, parts: [it] })
  }
  for (const f of frags) {
    f.parts.sort((a, b) => a.x - b.x)
    let text = ''
    let right = -Infinity
    for (const p of f.parts) {
      const gap = p.x - right
      if (text && gap > 0.2 * p.size && !/\s$/.test(text) && !/^\s/.test(p.str)) text += ' '
      text += p.str
      right = Math.max(right, p.right)
    }
    f.text = text.replace(/\s+/g, ' ').trim()
  }
  return frags.filter((f) => f.text !== '').sort((a, b) => a.y - b.y || a.x - b.x)
}

/** The x of a gutter between two columns, or undefined when the page has one column. */
function gutter(lines: PdfLine[], pageWidth: number): number | undefined {
  if (lines.length < 8) return undefined
  const from = Math.floor(pageWidth * 0.3)
  const to = Math.ceil(pageWidth * 0.7)
  const cover = new Array<number>(to - from).fill(0)
  for (const l of lines) {
    for (let x = Math.max(from, Math.floor(l.x)); x < Math.min(to, Math.ceil(l.right)); x++) cover[x - from]++
  }
  // The least-covered point in the middle; a gutter if few lines cross it and many lie each side.
  let best = -1
  for (let i = 0; i < cover.length; i++) if (best < 0 || cover[i] < cover[best]) best = i
  const g = from + best
  const crossing = cover[best]
  const left = lines.filter((l) => l.right <= g).length
  const right = lines.filter((l) => l.x >= g).length
  // Headings and full-width lines may span both columns; far fewer of them than lines per column.
  return left >= 4 && right >= 4 && crossing <= Math.min(left, right) / 2 ? g : undefined
}

/** The lines of a page in reading order. */
export function pageLines(items: PdfTextItem[], pageWidth: number, pageHeight: number): PdfLine[] {
  const lines: PdfLine[] = rows(items, pageHeight).map(({ parts: _p, ...l }) => l)
  const g = gutter(lines, pageWidth)
  if (g === undefined) return lines
  const out: PdfLine[] = []
  let band: PdfLine[] = []
  const flush = () => {
    out.push(...band.filter((l) => l.right <= g + 1).map((l) => ({ ...l, column: 0 as const })))
    out.push(...band.filter((l) => l.right > g + 1).map((l) => ({ ...l, column: 1 as const })))
    band = []
  }
  for (const l of lines) {
    if (l.x < g && l.right > g) {
      flush()
      out.push(l)
    } else band.push(l)
  }
  flush()
  return out
}

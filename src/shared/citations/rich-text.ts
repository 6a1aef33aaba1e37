/**
 * citeproc's HTML output (a handful of inline tags around escaped text) turned into plain
 * segments with flags, so the renderer can show italics without inserting HTML into the page.
 */

/** A run of text with its inline formatting. */
export interface RichSegment {
  text: string
  italic?: boolean
  bold?: boolean
  smallCaps?: boolean
  sup?: boolean
  sub?: boolean
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all
    }
    return ENTITIES[e.toLowerCase()] ?? all
  })
}

/** Splits citeproc HTML into segments; unknown tags are dropped, their text kept. */
export function htmlToSegments(html: string): RichSegment[] {
  const out: RichSegment[] = []
  const stack: (keyof RichSegment | null)[] = []
  const flags = (): Omit<RichSegment, 'text'> => {
    const f: Omit<RichSegment, 'text'> = {}
    for (const k of stack) if (k) (f as Record<string, boolean>)[k] = true
    return f
  }
  for (const m of html.matchAll(/<(\/?)([a-z]+)([^>]*)>|([^<]+)/gi)) {
    if (m[4] !== undefined) {
      const text = decodeEntities(m[4])
      if (text) out.push({ text, ...flags() })
      continue
    }
    const [, close, tag, attrs] = m
    if (close) {
      stack.pop()
      continue
    }
    if (tag === 'br') continue
    const t = tag.toLowerCase()
    const kind: keyof RichSegment | null =
      t === 'i' || t === 'em' ? 'italic' : t === 'b' || t === 'strong' ? 'bold' : t === 'sup' ? 'sup' : t === 'sub' ? 'sub'
        : /small-caps/.test(attrs) ? 'smallCaps' : /italic/.test(attrs) ? 'italic' : null
    if (!/\/\s*$/.test(attrs)) stack.push(kind)
  }
  return out
}

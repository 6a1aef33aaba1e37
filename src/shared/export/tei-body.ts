/**
 * The `<body>` of a TEI export: the document's text laid out by its structure (title and headings
 * open `<div>`s nested by level, paragraphs become `<p>`, list items `<item>` in a `<list>`, notes
 * `<note>`; a division's level and printed number go into the div's `@subtype` and `@n`), page and
 * line spans as `<pb n="…"/>` and `<lb n="…"/>` where they begin, and annotations as inline
 * elements where they nest, and as `<anchor>` pairs where they do not. An annotation is inline when it lies inside one block and does not cross an annotation
 * already placed (annotations are placed outermost first: by start, then longest); otherwise it is
 * returned in `crossing` and its two anchors mark its ends so a standOff `<span from to>` can point
 * at them. Nothing is dropped. All offsets are code points of the normalised text.
 */
import { type Annotation, type Block, isMilestone, type MilestoneKind } from '../model'
import type { CodePointIndex } from '../text/code-points'
import { escapeAttr, escapeText } from './xml'

/** The inline element of an annotation: its name and its rendered start tag (xml:id included). */
export interface InlineElement {
  name: string
  open: string
}

export interface BodyInput {
  /** Index over the XML-safe text (same code point offsets as the document's text). */
  index: CodePointIndex
  structure: readonly Block[]
  /** Annotations to place, any order; their targets must lie within the text. */
  annotations: readonly Annotation[]
  inline(a: Annotation): InlineElement
  /** New xml:ids for the start and end anchors of a crossing annotation (the same id twice for an empty one); called once per annotation. */
  anchorIds(a: Annotation): [string, string]
}

/** An annotation written as an anchor pair, with the anchors' xml:ids. */
export interface Crossing {
  a: Annotation
  from: string
  to: string
}

export interface BodyOutput {
  xml: string
  /** Annotations written as anchor pairs, to be described by standOff spans. */
  crossing: Crossing[]
}

interface Laid {
  kind: Exclude<Block['kind'], MilestoneKind>
  start: number
  end: number
  level: number
  /** The division's number as printed (`LXIV`), for headings. */
  label?: string
}

/** Blocks in text order without overlaps, plus implied paragraphs for uncovered non-blank text. */
export function layoutBlocks(index: CodePointIndex, structure: readonly Block[]): Laid[] {
  const valid = structure
    .filter((b) => !isMilestone(b) && b.start >= 0 && b.end <= index.length && b.start < b.end)
    .sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Laid[] = []
  const gap = (from: number, to: number) => {
    if (to <= from) return
    const s = index.slice(from, to)
    const lead = s.length - s.trimStart().length
    const trail = s.length - s.trimEnd().length
    if (lead === s.length) return
    // trim() removes only BMP whitespace, so UTF-16 counts equal code point counts here.
    out.push({ kind: 'paragraph', start: from + lead, end: to - trail, level: 0 })
  }
  let pos = 0
  for (const b of valid) {
    const start = Math.max(b.start, pos)
    if (start >= b.end) continue // contained in, or overlapped by, the previous block: its text is already there
    gap(pos, start)
    out.push({ kind: b.kind as Laid['kind'], start, end: b.end, level: b.level ?? (b.kind === 'title' ? 1 : 2), ...(b.label ? { label: b.label } : {}) })
    pos = b.end
  }
  gap(pos, index.length)
  return out
}

/** Last block whose start is ≤ p (−1 if none). */
function blockAt(blocks: Laid[], p: number): number {
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid].start <= p) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** Event kinds at one position, in the order they are written: what ends, a page or line break, what begins. */
const CLOSE = 0
const END_ANCHOR = 1
const MILESTONE = 2
const START_ANCHOR = 3
const OPEN = 4

interface Ev {
  pos: number
  kind: number
  /** Opening order of the inline element (closes are written innermost first). */
  seq: number
  xml: string
}

/** By start, longest first; of two over the same span, the greater id outside (as the reversal below gives). */
const outerFirst = (a: Annotation, b: Annotation) =>
  a.target.start - b.target.start || b.target.end - a.target.end || (a.id > b.id ? -1 : a.id < b.id ? 1 : 0)

/**
 * Annotations by start, longest first, then by id descending. Exports pass them sorted by (start,
 * end, id) already: then reversing each run of equal starts gives the order without a second sort
 * of 100,000 records; any other order is sorted to the same result.
 */
function outermostFirst(anns: readonly Annotation[]): Annotation[] {
  for (let i = 1; i < anns.length; i++) {
    const p = anns[i - 1].target
    const c = anns[i].target
    if (p.start > c.start || (p.start === c.start && (p.end > c.end || (p.end === c.end && anns[i - 1].id > anns[i].id))))
      return [...anns].sort(outerFirst)
  }
  const out = [...anns]
  for (let i = 0; i < out.length; ) {
    let j = i + 1
    while (j < out.length && out[j].target.start === out[i].target.start) j++
    if (j - i > 1) {
      const run = out.slice(i, j).reverse()
      for (let k = 0; k < run.length; k++) out[i + k] = run[k]
    }
    i = j
  }
  return out
}

/** Builds the body. */
export function buildBody(input: BodyInput): BodyOutput {
  const { index } = input
  // A blank or empty text still gets one paragraph, so its highlights' anchors and its milestones have a place.
  const laid = layoutBlocks(index, input.structure)
  const blocks: Laid[] = laid.length > 0 ? laid : [{ kind: 'paragraph', start: 0, end: index.length, level: 0 }]
  const events: Ev[][] = blocks.map(() => [])
  const crossing: Crossing[] = []
  const sorted = outermostFirst(input.annotations)
  // Open inline elements of the current block, outermost first, as [end, blockIndex].
  let stack: number[] = []
  let stackBlock = -1
  sorted.forEach((a, seq) => {
    const { start, end } = a.target
    const b = blockAt(blocks, start)
    const fits = end > start && b >= 0 && end <= blocks[b].end
    if (fits) {
      if (b !== stackBlock) {
        stack = []
        stackBlock = b
      }
      while (stack.length > 0 && stack[stack.length - 1] <= start) stack.pop()
      if (stack.length === 0 || stack[stack.length - 1] >= end) {
        stack.push(end)
        const el = input.inline(a)
        events[b].push({ pos: start, kind: OPEN, seq, xml: el.open })
        events[b].push({ pos: end, kind: CLOSE, seq, xml: `</${el.name}>` })
        return
      }
    }
    crossing.push({ a, from: '', to: '' })
  })
  placeMilestones(blocks, events, input.structure, index.length)
  // Where an anchor goes, as [block, position]: a start belongs to the block at or after p; an end to the block at or before p.
  const where = (p: number, kind: number): [number, number] => {
    let b = blockAt(blocks, p)
    if (b < 0) b = 0
    else if (kind === START_ANCHOR && p >= blocks[b].end && b + 1 < blocks.length) b++
    else if (kind === END_ANCHOR && p === blocks[b].start && b > 0) b--
    return [b, Math.min(Math.max(p, blocks[b].start), blocks[b].end)]
  }
  for (const c of crossing) {
    const a = c.a
    const [sId, eId] = input.anchorIds(a)
    c.from = sId
    c.to = eId
    const [sb, sp] = where(a.target.start, START_ANCHOR)
    events[sb].push({ pos: sp, kind: START_ANCHOR, seq: 0, xml: `<anchor xml:id="${sId}"/>` })
    if (eId === sId) continue
    const [eb, ep] = where(a.target.end, END_ANCHOR)
    // A highlight over blank text only (between blocks, before the first) has its ends moved past
    // each other: its end anchor goes right after its start anchor, never before it.
    if (eb < sb || (eb === sb && ep <= sp)) events[sb].push({ pos: sp, kind: START_ANCHOR, seq: 1, xml: `<anchor xml:id="${eId}"/>` })
    else events[eb].push({ pos: ep, kind: END_ANCHOR, seq: 0, xml: `<anchor xml:id="${eId}"/>` })
  }
  return { xml: writeBlocks(index, blocks, events), crossing }
}

/** The block a position belongs to when something starts there: the block at or after it. */
function startBlock(blocks: Laid[], p: number): number {
  const b = blockAt(blocks, p)
  if (b < 0) return 0
  return p >= blocks[b].end && b + 1 < blocks.length ? b + 1 : b
}

/**
 * Page and line spans as TEI milestones where they begin: `<pb n="339"/>`, `<lb n="4"/>` (`n` is the
 * printed label). A milestone between blocks goes to the start of the next block.
 */
function placeMilestones(blocks: Laid[], events: Ev[][], structure: readonly Block[], length: number): void {
  for (const m of structure) {
    if (!isMilestone(m) || m.start < 0 || m.start > length) continue
    const b = startBlock(blocks, m.start)
    const pos = Math.min(Math.max(m.start, blocks[b].start), blocks[b].end)
    const name = m.kind === 'page' ? 'pb' : 'lb'
    events[b].push({ pos, kind: MILESTONE, seq: 0, xml: `<${name}${m.label ? ` n="${escapeAttr(m.label)}"` : ''}/>` })
  }
}

const TAGS: Record<Laid['kind'], string> = { title: 'head', heading: 'head', paragraph: 'p', 'list-item': 'item', note: 'note', 'line-group': 'ab' }

function writeBlocks(index: CodePointIndex, blocks: Laid[], events: Ev[][]): string {
  const out: string[] = []
  const divs: number[] = [] // levels of open <div>s
  let inList = false
  blocks.forEach((b, i) => {
    if (inList && b.kind !== 'list-item') {
      out.push('</list>\n')
      inList = false
    }
    const isTitle = b.kind === 'title' && i === 0
    if ((b.kind === 'heading' || b.kind === 'title') && !isTitle) {
      while (divs.length > 0 && divs[divs.length - 1] >= b.level) {
        out.push('</div>\n')
        divs.pop()
      }
      out.push(`<div type="section" subtype="level${b.level}"${b.label ? ` n="${escapeAttr(b.label)}"` : ''}>\n`)
      divs.push(b.level)
    }
    if (b.kind === 'list-item' && !inList) {
      out.push('<list>\n')
      inList = true
    }
    const tag = TAGS[b.kind]
    out.push(`<${tag}${b.kind === 'title' ? ' type="title"' : ''}${isTitle ? ` subtype="level${b.level}"` : ''}>`)
    const evs = events[i].sort((x, y) => x.pos - y.pos || x.kind - y.kind || (x.kind === CLOSE ? y.seq - x.seq : x.seq - y.seq))
    let pos = b.start
    for (const ev of evs) {
      if (ev.pos > pos) out.push(escapeText(index.slice(pos, ev.pos)))
      pos = Math.max(pos, ev.pos)
      out.push(ev.xml)
    }
    if (b.end > pos) out.push(escapeText(index.slice(pos, b.end)))
    out.push(`</${tag}>\n`)
  })
  if (inList) out.push('</list>\n')
  while (divs.pop() !== undefined) out.push('</div>\n')
  return out.join('')
}

/**
 * Builds the DOM of a document's text once per document (it never changes after): title,
 * categories, headings, paragraphs, list items, notes, line groups — one element per block, with
 * `data-b` (its index) — and returns the TextMap of its runs. Page and line spans (milestones,
 * which overlap paragraphs) are not blocks: each start of one inside a block becomes an empty
 * marker element between two runs, shown by CSS as a page label or line number in the margin, so
 * the text nodes still hold exactly the document's code points.
 * Blocks are grouped into chunks of about CHUNK_CP code points, each `content-visibility: auto`
 * (see document-view styles): a whole book costs layout and paint only near the viewport, and the
 * browser tracks a few hundred chunks rather than thousands of blocks (its visibility bookkeeping
 * runs every frame). `--lines` (estimated) lets CSS size a chunk before it was ever laid out.
 * A chunk not built yet is `pending`: a plain box of that estimated height, not
 * `content-visibility: auto`, so the first frame's bookkeeping covers the first screens' chunks
 * only (in a trace at load 10, that bookkeeping over all 328 chunks of Gibbon vol. 2,
 * `IntersectionObserverController::computeIntersections`, took 165 ms of the first frame).
 * Built with DOM calls rather than Lit templates: a 2 MB book is thousands of blocks, made once.
 */
import { type Block, type DocumentWithText, isMilestone } from '../../shared/model'
import type { CodePointIndex } from '../../shared/text/code-points'
import { TextMap, type TextRun } from './text-map'
import { lastIndexWhere } from '../lib/last-index-where'

/** Code points per chunk, about: a screenful or two of text. */
const CHUNK_CP = 6000
/** Characters per line used to estimate a chunk's height before it is laid out. */
const LINE_CHARS = 70

/** A group of consecutive blocks, rendered or skipped as one; code points [start, end). */
export interface TextChunk {
  start: number
  end: number
  el: HTMLElement
}

/**
 * What was laid out: the block elements built so far (by index in `blocks`; `ensure` builds more),
 * the chunks, and the map of their runs.
 */
export interface TextLayout {
  blocks: readonly Block[]
  elements: readonly HTMLElement[]
  chunks: readonly TextChunk[]
  map: TextMap
  /** Index of the chunk holding code point `cp` (the last one starting at or before it). */
  chunkAt(cp: number): number
  /** Page markers (`span.pb`) each chunk holds once built, by chunk index. */
  pagesPerChunk: readonly number[]
  /**
   * Builds the text's DOM now through the chunk holding code point `cp` (all of it when omitted),
   * as far as the text is in (see `grow`).
   */
  ensure(cp?: number): void
  /** Code points of the text that are in: chunks ending after it wait for `grow` (Infinity once whole). */
  readonly loaded: number
  /** The rest of the text has come: `index` is the whole text's; the chunks that waited for it are built. */
  grow(index: CodePointIndex): void
  /** True once every block is built. */
  readonly complete: boolean
  /** Resolves once every block is built. */
  done: Promise<void>
  /** Stops building in the background (the text is going away). */
  dispose(): void
}

/** The blocks to render, sorted; a document without structure is one block of its whole text. */
export function readingBlocks(doc: DocumentWithText, length: number): Block[] {
  const blocks = doc.structure.filter((b) => !isMilestone(b))
  if (blocks.length) return blocks.sort((a, b) => a.start - b.start || b.end - a.end)
  return [{ kind: 'paragraph', start: 0, end: length }]
}

/** Numbered lines show every fifth number (and any label that is not a number), as printed editions do. */
function showsLineNumber(label: string): boolean {
  const n = Number(label)
  return !Number.isInteger(n) || n % 5 === 0
}

function elementFor(b: Block, structured: boolean): HTMLElement {
  switch (b.kind) {
    case 'title': {
      const h = document.createElement('h1')
      h.className = 'doc-title'
      return h
    }
    case 'heading':
      return document.createElement((b.level ?? 2) <= 2 ? 'h2' : b.level === 3 ? 'h3' : 'h4')
    case 'list-item':
      return document.createElement('li')
    case 'line-group': {
      const d = document.createElement('div')
      d.className = 'lg'
      return d
    }
    default: {
      const p = document.createElement('p')
      if (b.kind === 'note') p.className = 'note'
      else if (!structured) p.className = 'plain' // raw text: keep its line breaks
      return p
    }
  }
}

function categoriesList(doc: DocumentWithText): HTMLElement | undefined {
  const cats = doc.metadata.categories ?? []
  if (!cats.length) return undefined
  const ul = document.createElement('ul')
  ul.className = 'categories'
  ul.setAttribute('aria-label', 'Categories')
  for (const c of cats) ul.append(Object.assign(document.createElement('li'), { textContent: c }))
  return ul
}

/** Code points laid out at once when a document opens: the first screens (the rest follows in the background). */
const FIRST_CP = 3 * CHUNK_CP
/** Chunks built per frame in the background: a few ms each, so frames keep coming while a book is laid out. */
const CHUNKS_PER_TASK = 8

/** A chunk as planned before its blocks are built: its blocks [first, last] and page markers. */
interface PlannedChunk extends TextChunk {
  first: number
  last: number
  pages: number
}

/**
 * Renders `doc` into `container` (emptied first): every chunk at once as an empty box of its
 * estimated height, the blocks of the first screens at once, the others chunk by chunk in later
 * tasks (in document order, so the map's runs stay sorted). Anything that needs the text further
 * on builds it first (`ensure`; the map does so itself), so no caller sees a hole.
 * Why: on Gibbon vol. 2 (2,321 blocks, 2 MB) the browser's first frame over the whole book's DOM
 * took about 1 s even with `content-visibility: auto`; over the first screens it takes tens of ms.
 * With `partial`, `doc.text` is only the first part of the text (the document opens before the rest
 * has come): chunks are planned from the structure and `doc.length` as usual, only those wholly in
 * that part are built, and the others wait, pending, for `grow`.
 * @param index the CodePointIndex of `doc.text`
 */
export function layoutText(container: HTMLElement, doc: DocumentWithText, index: CodePointIndex, partial = false): TextLayout {
  const blocks = readingBlocks(doc, partial ? doc.length : index.length)
  let loaded = partial ? index.length : Infinity
  const milestones = doc.structure.filter(isMilestone).sort((a, b) => a.start - b.start)
  const structured = doc.structure.some((b) => !isMilestone(b))
  const frag = document.createDocumentFragment()
  if (!blocks.some((b) => b.kind === 'title')) {
    // The document's title, not part of its text (it cannot be highlighted).
    frag.append(Object.assign(document.createElement('h1'), { className: 'doc-title', textContent: doc.title }))
    const cats = categoriesList(doc)
    if (cats) frag.append(cats)
  }
  const chunks = planChunks(blocks, milestones)
  for (const c of chunks) frag.append(c.el)
  const elements: HTMLElement[] = []
  const runs: TextRun[] = []
  let built = 0 // chunks built so far
  let m = 0 // next milestone to place
  const buildChunk = (chunk: PlannedChunk) => {
    chunk.el.classList.remove('pending')
    let list: HTMLElement | undefined
    for (let i = chunk.first; i <= chunk.last; i++) {
      const b = blocks[i]
      const el = elementFor(b, structured)
      el.dataset.b = String(i)
      // Milestones starting inside this block (or in the gap before it) cut it into runs, with a
      // marker between two runs.
      let from = b.start
      for (; m < milestones.length && milestones[m].start < b.end; m++) {
        const ms = milestones[m]
        if (ms.start > from) from = addRun(el, runs, index, from, ms.start)
        el.append(marker(ms))
        if (ms.kind === 'line') el.classList.add('has-lines')
      }
      if (from < b.end || from === b.start) addRun(el, runs, index, from, b.end)
      if (b.kind === 'list-item') {
        if (!list) chunk.el.append((list = document.createElement('ul')))
        list.append(el)
      } else {
        list = undefined
        chunk.el.append(el)
        if (b.kind === 'title') {
          const cats = categoriesList(doc)
          if (cats) chunk.el.append(cats)
        }
      }
      elements.push(el)
    }
  }
  /** Builds chunks [built, upTo), those the text is in for. */
  const buildTo = (upTo: number) => {
    const before = runs.length
    for (; built < Math.min(upTo, chunks.length) && chunks[built].end <= loaded; built++) buildChunk(chunks[built])
    for (let r = before; r < runs.length; r++) map.add(runs[r])
  }
  /** Index of the last chunk starting at or before `cp` (binary search). */
  const chunkOf = (cp: number) => lastIndexWhere(chunks.length, (i) => chunks[i].start <= cp)
  const map = new TextMap(index, [], (cp) => {
    if (built < chunks.length) buildTo(chunkOf(cp) + 1)
  })
  // One slice per frame, after the frame: the first screens show before the rest is built, and
  // the book's DOM grows a little per frame rather than in one long task.
  let frame = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let finish: () => void = () => undefined
  const done = new Promise<void>((resolve) => (finish = resolve))
  let scheduled = false
  const next = () => {
    if (built >= chunks.length) return finish()
    if (scheduled || chunks[built].end > loaded) return // the rest waits for its text (grow)
    scheduled = true
    frame = requestAnimationFrame(() => (timer = setTimeout(() => {
      scheduled = false
      step()
    })))
  }
  const step = () => {
    buildTo(built + CHUNKS_PER_TASK)
    next()
  }
  buildTo(chunkOf(FIRST_CP) + 1)
  container.replaceChildren(frag)
  next()
  return {
    blocks,
    elements,
    chunks: chunks.map(({ start, end, el }) => ({ start, end, el })),
    map,
    chunkAt: chunkOf,
    pagesPerChunk: chunks.map((c) => c.pages),
    ensure: (cp = Infinity) => map.ensure(cp),
    get loaded() {
      return loaded
    },
    grow: (whole: CodePointIndex) => {
      map.grow(whole)
      index = whole
      loaded = Infinity
      next()
    },
    get complete() {
      return built === chunks.length
    },
    done,
    dispose: () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }
}

/**
 * Groups blocks into chunks of about CHUNK_CP code points (a list stays in one chunk) and makes
 * each chunk's element, empty, with its estimated height; counts the page markers each will hold
 * (a milestone goes to the first block ending after its start, as the build places it).
 */
function planChunks(blocks: readonly Block[], milestones: readonly Block[]): PlannedChunk[] {
  const chunks: (PlannedChunk & { lines: number })[] = []
  let chunk: (PlannedChunk & { lines: number }) | undefined
  let inList = false
  let m = 0
  blocks.forEach((b, i) => {
    if (!chunk || (chunk.end - chunk.start >= CHUNK_CP && !(b.kind === 'list-item' && inList))) {
      const el = document.createElement('div')
      el.className = 'chunk pending'
      el.dataset.c = String(chunks.length)
      chunk = { start: b.start, end: b.end, el, first: i, last: i, pages: 0, lines: 0 }
      chunks.push(chunk)
      inList = false
    }
    chunk.last = i
    chunk.end = Math.max(chunk.end, b.end)
    chunk.lines += Math.ceil((b.end - b.start) / LINE_CHARS) + 0.6
    for (; m < milestones.length && milestones[m].start < b.end; m++) if (milestones[m].kind === 'page') chunk.pages++
    inList = b.kind === 'list-item'
  })
  for (const c of chunks) c.el.style.setProperty('--lines', String(Math.round(c.lines)))
  return chunks
}

/** The empty element marking where a page or line starts (drawn in the margin by CSS). */
function marker(ms: Block): HTMLElement {
  const el = document.createElement('span')
  el.className = ms.kind === 'page' ? 'pb' : showsLineNumber(ms.label ?? '') ? 'lb shown' : 'lb'
  el.dataset.label = ms.label ?? ''
  el.setAttribute('aria-hidden', 'true')
  if (ms.kind === 'page') el.title = `Page ${ms.label ?? ''}`
  return el
}

/** Appends a text node with code points [start, end) to `el`; returns `end`. */
function addRun(el: HTMLElement, runs: TextRun[], index: CodePointIndex, start: number, end: number): number {
  const node = document.createTextNode(index.slice(start, end))
  el.append(node)
  runs.push({ start, end, node })
  return end
}

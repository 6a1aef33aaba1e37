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
 * Built with DOM calls rather than Lit templates: a 2 MB book is thousands of blocks, made once.
 */
import { type Block, type DocumentWithText, isMilestone } from '../../shared/model'
import type { CodePointIndex } from '../../shared/text/code-points'
import { TextMap, type TextRun } from './text-map'

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

/** What was built: the block elements (by index in `blocks`), the chunks, and the map of their runs. */
export interface TextLayout {
  blocks: readonly Block[]
  elements: readonly HTMLElement[]
  chunks: readonly TextChunk[]
  map: TextMap
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

/**
 * Renders `doc` into `container` (emptied first).
 * @param index the CodePointIndex of `doc.text`
 */
export function layoutText(container: HTMLElement, doc: DocumentWithText, index: CodePointIndex): TextLayout {
  const blocks = readingBlocks(doc, index.length)
  const milestones = doc.structure.filter(isMilestone).sort((a, b) => a.start - b.start)
  const structured = doc.structure.some((b) => !isMilestone(b))
  const frag = document.createDocumentFragment()
  const elements: HTMLElement[] = []
  const runs: TextRun[] = []
  const chunks: TextChunk[] = []
  let chunk: (TextChunk & { lines: number }) | undefined
  let m = 0
  let list: HTMLElement | undefined
  if (!blocks.some((b) => b.kind === 'title')) {
    // The document's title, not part of its text (it cannot be highlighted).
    frag.append(Object.assign(document.createElement('h1'), { className: 'doc-title', textContent: doc.title }))
    const cats = categoriesList(doc)
    if (cats) frag.append(cats)
  }
  blocks.forEach((b, i) => {
    const el = elementFor(b, structured)
    el.dataset.b = String(i)
    // A new chunk when this one is full (a list stays in one chunk).
    if (!chunk || (chunk.end - chunk.start >= CHUNK_CP && !(b.kind === 'list-item' && list))) {
      const c = document.createElement('div')
      c.className = 'chunk'
      c.dataset.c = String(chunks.length)
      frag.append(c)
      chunk = { start: b.start, end: b.end, el: c, lines: 0 }
      chunks.push(chunk)
      list = undefined
    }
    chunk.end = Math.max(chunk.end, b.end)
    chunk.lines += Math.ceil((b.end - b.start) / LINE_CHARS) + 0.6
    chunk.el.style.setProperty('--lines', String(Math.round(chunk.lines)))
    // Milestones starting inside this block (or in the gap before it) cut it into runs, with a
    // marker between two runs.
    let from = b.start
    for (; m < milestones.length && milestones[m].start < b.end; m++) {
      const ms = milestones[m]
      if (ms.start > from) from = addRun(el, runs, index, from, ms.start)
      const marker = document.createElement('span')
      marker.className = ms.kind === 'page' ? 'pb' : showsLineNumber(ms.label ?? '') ? 'lb shown' : 'lb'
      marker.dataset.label = ms.label ?? ''
      marker.setAttribute('aria-hidden', 'true')
      if (ms.kind === 'page') marker.title = `Page ${ms.label ?? ''}`
      el.append(marker)
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
  })
  container.replaceChildren(frag)
  return { blocks, elements, chunks: chunks.map(({ start, end, el }) => ({ start, end, el })), map: new TextMap(index, runs) }
}

/** Appends a text node with code points [start, end) to `el`; returns `end`. */
function addRun(el: HTMLElement, runs: TextRun[], index: CodePointIndex, start: number, end: number): number {
  const node = document.createTextNode(index.slice(start, end))
  el.append(node)
  runs.push({ start, end, node })
  return end
}

/**
 * The text of a document as Lit templates: title, categories, headings, paragraphs, list items and
 * notes. Every block element carries `data-b` (its index in `blocks`) and holds exactly one text
 * node with the code points [block.start, block.end) of the text — the templates put no white space
 * around that binding on purpose — so the document view can map DOM positions to code points.
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { Block, DocumentWithText } from '../../shared/model'
import type { CodePointIndex } from '../../shared/text/code-points'

/** Consecutive list items are grouped into one list; every other block stands alone. */
type Group = { kind: 'list'; items: number[] } | { kind: 'block'; index: number }

function groupBlocks(blocks: readonly Block[]): Group[] {
  const out: Group[] = []
  blocks.forEach((b, i) => {
    const last = out[out.length - 1]
    if (b.kind === 'list-item' && last?.kind === 'list') last.items.push(i)
    else if (b.kind === 'list-item') out.push({ kind: 'list', items: [i] })
    else out.push({ kind: 'block', index: i })
  })
  return out
}

function categories(doc: DocumentWithText) {
  const cats = doc.metadata.categories ?? []
  if (!cats.length) return nothing
  return html`<ul class="categories" aria-label="Categories">
    ${cats.map((c) => html`<li>${c}</li>`)}
  </ul>`
}

function block(doc: DocumentWithText, blocks: readonly Block[], index: CodePointIndex, i: number): TemplateResult {
  const b = blocks[i]
  const text = index.slice(b.start, b.end)
  switch (b.kind) {
    case 'title':
      return html`<h1 class="doc-title" data-b=${i}>${text}</h1>${categories(doc)}`
    case 'heading': {
      const level = b.level ?? 2
      if (level <= 2) return html`<h2 data-b=${i}>${text}</h2>`
      if (level === 3) return html`<h3 data-b=${i}>${text}</h3>`
      return html`<h4 data-b=${i}>${text}</h4>`
    }
    case 'list-item':
      return html`<li data-b=${i}>${text}</li>`
    case 'note':
      return html`<p class="note" data-b=${i}>${text}</p>`
    default:
      // A document without structure is one block of raw text: keep its line breaks.
      return html`<p class=${doc.structure.length ? '' : 'plain'} data-b=${i}>${text}</p>`
  }
}

/**
 * Templates for the whole text. When the structure has no title block, the document's title is
 * shown as a heading that is not part of the text (it cannot be highlighted).
 * @param blocks the blocks to render, sorted by `start` (code points)
 * @param index the CodePointIndex of `doc.text`
 */
export function renderBlocks(doc: DocumentWithText, blocks: readonly Block[], index: CodePointIndex) {
  const hasTitle = blocks.some((b) => b.kind === 'title')
  return html`${hasTitle ? nothing : html`<h1 class="doc-title">${doc.title}</h1>${categories(doc)}`}
    ${groupBlocks(blocks).map((g) =>
      g.kind === 'list' ? html`<ul>${g.items.map((i) => block(doc, blocks, index, i))}</ul>` : block(doc, blocks, index, g.index)
    )}`
}

/**
 * Markdown through a CommonMark parser (micromark via mdast-util-from-markdown) with GFM footnotes:
 * the text is what a reader sees, not the markup (`_word_` reads `word`, with an emphasis mark).
 * Headings (a first `#` heading is the title), paragraphs, list items, block quotes and code become
 * blocks; emphasis, strong, inline code, links and footnote references become marks; footnote
 * definitions become note blocks at the end, each referenced as `[label]` where it is cited.
 * Raw HTML in Markdown is dropped, never passed on.
 */
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { FlowBuilder } from './flow-builder'
import type { ParsedDocument } from './parsed-document'

const SAFE_LINK = /^(https?:|mailto:)/i

class MarkdownWalker {
  title: string | undefined
  private first = true
  constructor(private readonly out: FlowBuilder) {}

  walk(node: Nodes): void {
    const out = this.out
    switch (node.type) {
      case 'root':
      case 'blockquote':
        return this.children(node.children)
      case 'heading': {
        const isTitle = this.first && node.depth === 1
        out.startBlock(isTitle ? 'title' : 'heading', { level: node.depth })
        const start = out.position
        this.children(node.children)
        if (isTitle) this.title = out.text.slice(codeUnits(out.text, start))
        out.endBlock()
        break
      }
      case 'paragraph':
        if (out.inBlock) {
          out.lineBreak()
          this.children(node.children)
        } else {
          out.startBlock('paragraph')
          this.children(node.children)
          out.endBlock()
        }
        break
      case 'list':
        this.children(node.children)
        break
      case 'listItem':
        out.startBlock('list-item')
        node.children.forEach((c, i) => (c.type === 'paragraph' && i === 0 ? this.children(c.children) : this.walk(c)))
        out.endBlock()
        break
      case 'code': {
        out.startBlock('paragraph')
        const span = out.openMark({ kind: 'code' })
        out.verbatim(node.value)
        out.closeMark(span)
        out.endBlock()
        break
      }
      case 'text':
        out.inline(node.value)
        break
      case 'inlineCode': {
        const span = out.openMark({ kind: 'code' })
        out.inline(node.value)
        out.closeMark(span)
        break
      }
      case 'emphasis':
      case 'strong': {
        const span = out.openMark({ kind: node.type })
        this.children(node.children)
        out.closeMark(span)
        break
      }
      case 'link': {
        const span = SAFE_LINK.test(node.url) ? out.openMark({ kind: 'link', href: node.url }) : undefined
        this.children(node.children)
        if (span) out.closeMark(span)
        break
      }
      case 'linkReference':
      case 'delete':
        this.children(node.children)
        break
      case 'image':
      case 'imageReference':
        if (node.alt) out.inline(node.alt)
        break
      case 'break':
        out.lineBreak()
        break
      case 'footnoteReference': {
        const label = node.label ?? node.identifier
        const span = out.openMark({ kind: 'note-ref', label })
        out.inline(`[${label}]`)
        out.closeMark(span)
        break
      }
      default:
        // html (dropped on purpose), definition, footnoteDefinition (placed at the end), thematicBreak, …
        break
    }
    this.first = false
  }

  private children(nodes: Nodes[]): void {
    for (const n of nodes) this.walk(n)
  }

  /** Footnote definitions as note blocks, in the order they are defined. */
  notes(root: Root): void {
    for (const node of root.children) {
      if (node.type !== 'footnoteDefinition') continue
      const label = node.label ?? node.identifier
      this.out.startBlock('note', { label })
      this.out.inline(`[${label}] `)
      node.children.forEach((c, i) => {
        if (i > 0) this.out.lineBreak()
        if (c.type === 'paragraph') this.children(c.children)
        else this.walk(c)
      })
      this.out.endBlock()
    }
  }
}

/** UTF-16 index of code point `cp` in `text`. */
function codeUnits(text: string, cp: number): number {
  let i = 0
  for (let n = 0; n < cp && i < text.length; n++) i += text.codePointAt(i)! > 0xffff ? 2 : 1
  return i
}

/** Parses normalised Markdown text. */
export function parseMarkdown(text: string, fallbackTitle: string): ParsedDocument {
  const root = fromMarkdown(text, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] })
  const out = new FlowBuilder()
  const walker = new MarkdownWalker(out)
  walker.walk(root)
  walker.notes(root)
  const { text: content, structure, marks } = out.finish()
  return { title: walker.title?.trim() || fallbackTitle, format: 'markdown', text: content, structure, marks, metadata: { categories: [] } }
}

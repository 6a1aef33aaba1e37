/**
 * HTML import (a saved web page, a Wikipedia article): parsed by linkedom, a DOM that runs no
 * script, loads no resource and applies no style; the readable article picked out by Mozilla's
 * Readability (the Firefox Reader View algorithm); then copied into plain data (markup-tree.ts)
 * and walked into text and structure (src/shared/import/html-walk.ts). Nothing of the page —
 * scripts, event handlers, styles, remote images, `javascript:` links — reaches the store or the
 * renderer: only text, blocks and marks with http(s)/mailto links do.
 */
import { FlowBuilder } from '../../../shared/import/flow-builder'
import { HtmlWalker } from '../../../shared/import/html-walk'
import { IMPORT_LIMITS } from '../../../shared/import/import-limits'
import type { MarkupElement, MarkupNode } from '../../../shared/import/markup-tree'
import type { ParsedDocument } from '../../../shared/import/parsed-document'
import type { DocumentFormat, DocumentMetadata } from '../../../shared/model'
import { MarginaliaError } from '../../../shared/result'

/** The parts of a DOM node read here (linkedom's nodes have them). */
interface DomNode {
  nodeType: number
  localName?: string
  namespaceURI?: string | null
  nodeValue: string | null
  attributes?: ArrayLike<{ name: string; value: string }>
  childNodes: ArrayLike<DomNode>
}

/** Copies a DOM subtree into plain data, refusing nesting deeper than the XML depth limit. */
export function domToMarkup(fileName: string, node: DomNode, depth = 0): MarkupNode | undefined {
  if (depth > IMPORT_LIMITS.xmlDepth) throw new MarginaliaError('invalid-file', `${fileName}: elements nest more than ${IMPORT_LIMITS.xmlDepth} levels deep`)
  if (node.nodeType === 3 || node.nodeType === 4) return { type: 'text', value: node.nodeValue ?? '' }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return undefined
  const attrs: Record<string, string> = {}
  for (const a of Array.from(node.attributes ?? [])) attrs[a.name] = a.value
  const children: MarkupNode[] = []
  for (const c of Array.from(node.childNodes)) {
    const copy = domToMarkup(fileName, c, depth + 1)
    if (copy) children.push(copy)
  }
  return { type: 'element', name: (node.localName ?? '#document').toLowerCase(), ns: node.namespaceURI ?? '', attrs, children }
}

/** The parts of a parsed document read here (linkedom's Document has them; no DOM lib in main). */
export interface HtmlDocument {
  documentElement: { getAttribute(name: string): string | null } | null
  body: unknown
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null
  querySelectorAll(selector: string): Iterable<{ remove(): void }>
}

// linkedom and Readability load on first use: a plain-text import need not pay for them.
let dom: Promise<[typeof import('linkedom'), typeof import('@mozilla/readability')]> | undefined

/** Parses an HTML string into a linkedom document (no script runs, nothing is loaded). */
export async function htmlDocument(html: string): Promise<HtmlDocument> {
  dom ??= Promise.all([import('linkedom'), import('@mozilla/readability')])
  const [{ parseHTML }] = await dom
  // linkedom takes the first element as the root: a fragment (`<body>…`, `<p>…`) gets an <html> around it.
  const whole = /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<html>${html}</html>`
  return (parseHTML(whole) as unknown as { document: HtmlDocument }).document
}

/** Walks markup into a ParsedDocument of `format`. */
export function markupToDocument(root: MarkupElement, format: DocumentFormat, title: string, metadata: DocumentMetadata): ParsedDocument {
  const out = new FlowBuilder()
  const walker = new HtmlWalker(out)
  walker.walk(root)
  const { text, structure, marks } = out.finish()
  return { title: title || walker.title || '', format, text, structure, marks, metadata }
}

/**
 * Page furniture that is not the article, removed before Readability (which drops class names):
 * Wikipedia's [edit] links, footnote back-links, table of contents, navigation boxes and print-hidden parts.
 */
const FURNITURE = '.mw-editsection, .mw-cite-backlink, #toc, .toc, .navbox, .vertical-navbox, .mw-jump-link, .noprint, .reference-accessibility-label'

function meta(doc: HtmlDocument, names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[name="${name}"], meta[property="${name}"]`)
    const v = el?.getAttribute('content')?.trim()
    if (v) return v
  }
  return undefined
}

/**
 * Parses a decoded, normalised HTML text. `readable` (default) keeps the article only; otherwise
 * the whole body is read.
 */
export async function parseHtml(fileName: string, html: string, fallbackTitle: string, readable = true): Promise<ParsedDocument> {
  const doc = await htmlDocument(html)
  const { Readability } = (await dom!)[1]
  const metadata: DocumentMetadata = { categories: [] }
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, ['og:url'])
  if (url && /^https?:\/\//i.test(url)) metadata.url = url
  const language = doc.documentElement?.getAttribute('lang')?.trim()
  if (language) metadata.language = language
  const author = meta(doc, ['author', 'article:author', 'dc.creator'])
  const date = meta(doc, ['article:published_time', 'dc.date', 'date'])
  const pageTitle = doc.querySelector('title')?.textContent?.trim()
  let root: DomNode | null = null
  let title = ''
  if (readable) {
    for (const el of doc.querySelectorAll(FURNITURE)) el.remove()
    const article = new Readability(doc as never, { serializer: (node: unknown) => node, charThreshold: 200 }).parse()
    if (article?.content) {
      root = article.content as unknown as DomNode
      title = article.title?.trim() ?? ''
      if (article.byline && !author) metadata.author = article.byline.trim()
      if (article.siteName) metadata.source = article.siteName.trim()
      if (article.publishedTime && !date) metadata.date = article.publishedTime.trim()
    }
  }
  if (author) metadata.author = author
  if (date) metadata.date = date
  root ??= (doc.body as unknown as DomNode | null) ?? (doc as unknown as DomNode)
  const tree = domToMarkup(fileName, root)
  if (!tree || tree.type !== 'element') throw new MarginaliaError('invalid-file', `${fileName}: the page has no content`)
  const parsed = markupToDocument(tree, 'html', title || pageTitle || '', metadata)
  if (!parsed.title) parsed.title = fallbackTitle
  if (parsed.text.trim() === '') {
    // Readability found no article (a page too short to judge): read the whole body instead.
    if (readable) return parseHtml(fileName, html, fallbackTitle, false)
    throw new MarginaliaError('invalid-file', `${fileName}: the page has no readable text`)
  }
  return parsed
}

/**
 * EPUB (2 and 3) import: the zip is read within the bomb limits (zip-guard.ts), the package
 * document found through META-INF/container.xml, and the chapters read in spine order. Each
 * chapter's XHTML goes through the HTML walker (headings, paragraphs, lists, notes, printed page
 * breaks). Chapters become divisions as a TEI edition's `div`s do: a chapter the table of contents
 * names is a heading at the level of its entry's depth (2 at the top), with the number it prints
 * as its `label` (`Chapter LXIV` → `LXIV`), so `ch. LXIV` resolves to it; a chapter that does not
 * open with a heading gets its table-of-contents title as one. Title, author, date, language and
 * publisher come from the package metadata.
 */
import { FlowBuilder } from '../../../shared/import/flow-builder'
import { headingNumber } from '../../../shared/import/heading-number'
import { HtmlWalker, type HeadingPolicy } from '../../../shared/import/html-walk'
import type { MarkupElement } from '../../../shared/import/markup-tree'
import type { ParsedDocument } from '../../../shared/import/parsed-document'
import { childElements, findElement, findElements, parseXmlTree, textOf } from '../../../shared/import/xml-tree'
import type { DocumentMetadata } from '../../../shared/model'
import { MarginaliaError } from '../../../shared/result'
import { decodeUtf8Strict } from '../../../shared/text/normalise'
import { domToMarkup, htmlDocument } from '../html/parse-html'
import type { ImportReporter } from '../import-progress'
import { readZip } from '../zip-guard'

/** `href` resolved against the folder of `base` (zip paths, '/'-separated), without fragment. */
function resolve(base: string, href: string): string {
  const parts = base.split('/').slice(0, -1)
  for (const seg of decodeURIComponent(href.split('#')[0]).split('/')) {
    if (seg === '..') parts.pop()
    else if (seg && seg !== '.') parts.push(seg)
  }
  return parts.join('/')
}

function xml(fileName: string, parts: Map<string, Uint8Array>, path: string): MarkupElement {
  const bytes = parts.get(path)
  if (!bytes) throw new MarginaliaError('invalid-file', `${fileName}: the EPUB lacks ${path}`)
  return parseXmlTree(`${fileName} (${path})`, decodeUtf8Strict(bytes))
}

/** A table-of-contents entry: the chapter's title and its depth (1 for a top-level entry). */
interface TocEntry {
  title: string
  depth: number
}

/** Entries of an EPUB 3 `nav epub:type="toc"` list, nested `ol`s giving the depth. */
function navEntries(ol: MarkupElement, navPath: string, depth: number, out: Map<string, TocEntry>): void {
  for (const li of childElements(ol, 'li')) {
    const a = findElement(li, 'a')
    const title = textOf(childElements(li, 'a')[0] ?? childElements(li, 'span')[0] ?? a)
    const path = a?.attrs.href ? resolve(navPath, a.attrs.href) : ''
    if (path && title && !out.has(path)) out.set(path, { title, depth })
    for (const sub of childElements(li, 'ol')) navEntries(sub, navPath, depth + 1, out)
  }
}

/** Entries of an EPUB 2 NCX: nested `navPoint`s giving the depth. */
function ncxEntries(parent: MarkupElement, ncxPath: string, depth: number, out: Map<string, TocEntry>): void {
  for (const point of childElements(parent, 'navPoint')) {
    const path = resolve(ncxPath, childElements(point, 'content')[0]?.attrs.src ?? '')
    const title = textOf(childElements(point, 'navLabel')[0])
    if (path && title && !out.has(path)) out.set(path, { title, depth })
    ncxEntries(point, ncxPath, depth + 1, out)
  }
}

/**
 * The chapters the table of contents names, by chapter path (the first entry for a file): from the
 * EPUB 3 navigation document's `toc` nav (not its landmarks or page list), else the EPUB 2 NCX.
 */
function tableOfContents(fileName: string, parts: Map<string, Uint8Array>, manifest: MarkupElement[], opfPath: string): Map<string, TocEntry> {
  const entries = new Map<string, TocEntry>()
  const nav = manifest.find((i) => /(^|\s)nav(\s|$)/.test(i.attrs.properties ?? ''))
  const ncx = manifest.find((i) => i.attrs['media-type'] === 'application/x-dtbncx+xml')
  try {
    if (nav) {
      const navPath = resolve(opfPath, nav.attrs.href)
      const navs = findElements(xml(fileName, parts, navPath), 'nav')
      const toc = navs.find((n) => /(^|\s)toc(\s|$)/.test(n.attrs['epub:type'] ?? n.attrs.role ?? '')) ?? navs[0]
      const ol = toc && findElement(toc, 'ol')
      if (ol) navEntries(ol, navPath, 1, entries)
    }
    if (!entries.size && ncx) {
      const ncxPath = resolve(opfPath, ncx.attrs.href)
      const map = findElement(xml(fileName, parts, ncxPath), 'navMap')
      if (map) ncxEntries(map, ncxPath, 1, entries)
    }
  } catch {
    // A damaged table of contents costs the chapter titles only.
  }
  return entries
}

/** Rank (1–6) of the first heading in a chapter, when one comes before any other block. */
function openingRank(el: MarkupElement): number | undefined {
  for (const c of el.children) {
    if (c.type !== 'element') continue
    const h = /^h([1-6])$/.exec(c.name)
    if (h) return +h[1]
    if (/^(p|li|pre|blockquote|table|dl|figure)$/.test(c.name)) return undefined
    if (c.children.length) {
      const r = openingRank(c)
      if (r !== undefined) return r
      if (hasBlock(c)) return undefined
    }
  }
  return undefined
}

function hasBlock(el: MarkupElement): boolean {
  return el.children.some((c) => c.type === 'element' && (/^(p|li|pre|blockquote|table|dl|figure|h[1-6])$/.test(c.name) || hasBlock(c)))
}

/** Lowest heading rank used in a chapter (1 for `h1`), or undefined when it has no heading. */
function topRank(el: MarkupElement): number | undefined {
  const ranks = findElements(el, 'h1').length ? [1] : [2, 3, 4, 5, 6].filter((r) => findElements(el, `h${r}`).length)
  return ranks[0]
}

/**
 * Headings of one chapter: the chapter is a division at `level` (2 for a top-level table-of-contents
 * entry, as a TEI `div` is; 3 for an entry nested in it…), its own headings below it whatever `h`
 * ranks its markup uses; the chapter's opening heading is labelled with the number it prints, or
 * else the number its table-of-contents title prints (`Chapter 3` over a heading `The Fall`).
 */
function chapterHeadings(level: number, top: number, tocTitle: string | undefined, titlePage: boolean): HeadingPolicy {
  let first = true
  return {
    level: (rank) => level + rank - top,
    label: (text) => {
      const own = headingNumber(text)
      const fromToc = first && tocTitle ? headingNumber(tocTitle) : undefined
      first = false
      return own ?? fromToc
    },
    title: titlePage
  }
}

export async function parseEpub(fileName: string, bytes: Uint8Array, fallbackTitle: string, report: ImportReporter): Promise<ParsedDocument> {
  const parts = readZip(fileName, bytes)
  const rootfile = findElement(xml(fileName, parts, 'META-INF/container.xml'), 'rootfile')?.attrs['full-path']
  if (!rootfile) throw new MarginaliaError('invalid-file', `${fileName}: META-INF/container.xml names no package document; it is not a valid EPUB`)
  const opf = xml(fileName, parts, rootfile)
  const meta = findElement(opf, 'metadata')
  const field = (name: string) => (meta ? textOf(childElements(meta, name)[0]) || undefined : undefined)
  const metadata: DocumentMetadata = { categories: [] }
  const author = meta ? childElements(meta, 'creator').map(textOf).filter(Boolean).join('; ') : ''
  if (author) metadata.author = author
  for (const [key, name] of [['date', 'date'], ['language', 'language'], ['source', 'publisher']] as const) {
    const v = field(name)
    if (v) metadata[key] = v
  }
  const manifest = findElements(opf, 'item')
  const byId = new Map(manifest.map((i) => [i.attrs.id, i]))
  const spine = findElements(opf, 'itemref').map((r) => byId.get(r.attrs.idref)).filter((i): i is MarkupElement => !!i)
  if (!spine.length) throw new MarginaliaError('invalid-file', `${fileName}: the EPUB's spine lists no chapters`)
  const toc = tableOfContents(fileName, parts, manifest, rootfile)

  const out = new FlowBuilder()
  const walker = new HtmlWalker(out)
  for (const [k, item] of spine.entries()) {
    report.progress(k, spine.length, `reading chapter ${k + 1} of ${spine.length}`)
    if (!/html/.test(item.attrs['media-type'] ?? '')) continue
    const path = resolve(rootfile, item.attrs.href ?? '')
    const data = parts.get(path)
    if (!data) throw new MarginaliaError('invalid-file', `${fileName}: the chapter ${path} listed in its spine is missing`)
    const doc = await htmlDocument(decodeUtf8Strict(data).replace(/^<\?xml[^>]*>/, ''))
    const body = domToMarkup(`${fileName} (${path})`, doc.body as never)
    if (!body || body.type !== 'element') continue
    const entry = toc.get(path)
    const level = 1 + (entry?.depth ?? 1)
    const opening = openingRank(body)
    if (entry && opening === undefined) {
      // A chapter without a heading of its own opens with its table-of-contents title.
      const label = headingNumber(entry.title)
      out.startBlock('heading', { level, ...(label ? { label } : {}) })
      out.inline(entry.title)
      out.endBlock()
      walker.headings = chapterHeadings(level + 1, topRank(body) ?? 1, undefined, false)
    } else {
      // Only front matter outside the table of contents (a title page) may give the document's title.
      walker.headings = chapterHeadings(level, opening ?? topRank(body) ?? 1, entry?.title, !entry)
    }
    walker.walk(body)
  }
  const { text, structure, marks } = out.finish()
  if (text.trim() === '') throw new MarginaliaError('invalid-file', `${fileName}: the EPUB's chapters hold no text`)
  return { title: field('title') ?? walker.title ?? fallbackTitle, format: 'epub', text, structure, marks, metadata }
}

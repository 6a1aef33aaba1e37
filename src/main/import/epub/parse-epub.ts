/**
 * EPUB (2 and 3) import: the zip is read within the bomb limits (zip-guard.ts), the package
 * document found through META-INF/container.xml, and the chapters read in spine order. Each
 * chapter's XHTML goes through the HTML walker (headings, paragraphs, lists, notes); a chapter that
 * does not open with a heading gets its table-of-contents title as one, so every chapter is a
 * division of the text. Title, author, date, language and publisher come from the package metadata.
 */
import { FlowBuilder } from '../../../shared/import/flow-builder'
import { HtmlWalker } from '../../../shared/import/html-walk'
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

/** Chapter titles from the EPUB 3 navigation document or the EPUB 2 NCX, by chapter path. */
function tocTitles(fileName: string, parts: Map<string, Uint8Array>, manifest: MarkupElement[], opfPath: string): Map<string, string> {
  const titles = new Map<string, string>()
  const nav = manifest.find((i) => /(^|\s)nav(\s|$)/.test(i.attrs.properties ?? ''))
  const ncx = manifest.find((i) => i.attrs['media-type'] === 'application/x-dtbncx+xml')
  try {
    if (nav) {
      const navPath = resolve(opfPath, nav.attrs.href)
      for (const a of findElements(xml(fileName, parts, navPath), 'a')) {
        const path = resolve(navPath, a.attrs.href ?? '')
        if (!titles.has(path) && textOf(a)) titles.set(path, textOf(a))
      }
    } else if (ncx) {
      const ncxPath = resolve(opfPath, ncx.attrs.href)
      for (const point of findElements(xml(fileName, parts, ncxPath), 'navPoint')) {
        const path = resolve(ncxPath, findElement(point, 'content')?.attrs.src ?? '')
        const label = textOf(findElement(point, 'navLabel'))
        if (!titles.has(path) && label) titles.set(path, label)
      }
    }
  } catch {
    // A damaged table of contents costs the chapter titles only.
  }
  return titles
}

/** True when the first block-level element of a chapter is a heading. */
function opensWithHeading(el: MarkupElement): boolean {
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (/^h[1-6]$/.test(c.name)) return true
    if (/^(p|li|pre|blockquote|table|dl|figure)$/.test(c.name)) return false
    if (c.children.length) return opensWithHeading(c)
  }
  return false
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
  const titles = tocTitles(fileName, parts, manifest, rootfile)

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
    const chapterTitle = titles.get(path)
    if (chapterTitle && !opensWithHeading(body)) {
      out.startBlock('heading', { level: 2 })
      out.inline(chapterTitle)
      out.endBlock()
    }
    walker.walk(body)
  }
  const { text, structure, marks } = out.finish()
  if (text.trim() === '') throw new MarginaliaError('invalid-file', `${fileName}: the EPUB's chapters hold no text`)
  return { title: field('title') ?? walker.title ?? fallbackTitle, format: 'epub', text, structure, marks, metadata }
}

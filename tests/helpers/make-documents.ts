/**
 * Documents with known content, made in the tests: PDFs (pdf-lib, lines placed by hand so the
 * expected paragraphs, hyphenation, running heads and page numbers are exactly known), DOCX and
 * EPUB files (zip parts written with fflate), and scanned pages (text drawn into an image with
 * @napi-rs/canvas and a system font).
 */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas'
import { strToU8, zipSync } from 'fflate'
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib'
import { SCAN_FONT } from './scan-font'

/** One line drawn on a PDF page: text, left edge, baseline from the top, font size. */
export interface PdfLineSpec {
  text: string
  x: number
  y: number
  size?: number
  /** Right edge to justify the line to (words spaced out to end exactly there). */
  justify?: number
}

/** A PDF with the given lines on each page (A4, Times), and optional PDF page labels. */
export async function makePdf(pages: PdfLineSpec[][], opts: { pageLabels?: { start: number; style: 'D' | 'r'; first?: number }[]; images?: (Uint8Array | undefined)[] } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.TimesRoman)
  for (const [i, lines] of pages.entries()) {
    const page = doc.addPage([595, 842])
    const png = opts.images?.[i]
    if (png) {
      // A scan at the top of the page, its aspect kept (as a scanner would).
      const image = await doc.embedPng(png)
      const height = (595 * image.height) / image.width
      page.drawImage(image, { x: 0, y: 842 - height, width: 595, height })
    }
    for (const l of lines) {
      const size = l.size ?? 11
      if (!l.justify) {
        page.drawText(l.text, { x: l.x, y: 842 - l.y, size, font })
        continue
      }
      const words = l.text.split(' ')
      const inked = words.reduce((w, word) => w + font.widthOfTextAtSize(word, size), 0)
      const gap = (l.justify - l.x - inked) / Math.max(1, words.length - 1)
      let x = l.x
      for (const word of words) {
        page.drawText(word, { x, y: 842 - l.y, size, font })
        x += font.widthOfTextAtSize(word, size) + gap
      }
    }
  }
  if (opts.pageLabels) {
    const nums: unknown[] = []
    for (const r of opts.pageLabels) {
      nums.push(r.start, doc.context.obj({ S: PDFName.of(r.style), ...(r.first ? { St: r.first } : {}) }))
    }
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: nums as never }))
  }
  return doc.save()
}

/** A zip of the given parts, deflated. */
export function makeZip(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])))
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
const para = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`

/**
 * A minimal DOCX: paragraphs given as [style, text] (style Heading1, Heading2 or none), a run with
 * a footnote reference and one with an endnote reference, and their notes.
 */
export function makeDocx(opts: { title: string; author: string; body: [string | undefined, string][]; footnote: string; endnote: string }): Uint8Array {
  const body = opts.body.map(([style, text]) => para(text, style)).join('')
  const noteRefs = '<w:p><w:r><w:t xml:space="preserve">A claim with a footnote</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:t xml:space="preserve"> and an endnote</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:t>.</w:t></w:r></w:p>'
  const notes = (kind: 'footnote' | 'endnote', text: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind}s ${W}><w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}><w:${kind} w:id="1">${para(text)}</w:${kind}></w:${kind}s>`
  return makeZip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    'word/_rels/document.xml.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes" Target="endnotes.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}${noteRefs}</w:body></w:document>`,
    'word/footnotes.xml': notes('footnote', opts.footnote),
    'word/endnotes.xml': notes('endnote', opts.endnote),
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:title>${opts.title}</dc:title><dc:creator>${opts.author}</dc:creator><dcterms:created>2024-03-01T10:00:00Z</dcterms:created></cp:coreProperties>`
  })
}

/** An EPUB 3 whose chapters are given in spine order (manifest order reversed on purpose). */
export function makeEpub(opts: { title: string; author: string; chapters: { file: string; navTitle: string; xhtml: string }[] }): Uint8Array {
  const items = [...opts.chapters].reverse().map((c, i) => `<item id="c${opts.chapters.length - 1 - i}" href="text/${c.file}" media-type="application/xhtml+xml"/>`).join('')
  const spine = opts.chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('')
  const nav = `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>${opts.chapters.map((c) => `<li><a href="text/${c.file}">${c.navTitle}</a></li>`).join('')}</ol></nav></body></html>`
  return makeZip({
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    'OEBPS/content.opf': `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:test</dc:identifier><dc:title>${opts.title}</dc:title><dc:creator>${opts.author}</dc:creator><dc:language>en</dc:language><dc:date>1776</dc:date></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${items}</manifest><spine>${spine}</spine></package>`,
    'OEBPS/nav.xhtml': nav,
    ...Object.fromEntries(opts.chapters.map((c) => [`OEBPS/text/${c.file}`, c.xhtml]))
  })
}

/**
 * A "scanned page": `lines` drawn in black on white at 300 dpi (A5-ish, 12 pt text), slightly
 * rotated when `skew` is given, as PNG bytes.
 */
export function scanPage(lines: string[], opts: { skew?: number; width?: number } = {}): Uint8Array {
  GlobalFonts.registerFromPath(SCAN_FONT, 'ScanSerif')
  const width = opts.width ?? 1750
  const lineHeight = 70
  const canvas = createCanvas(width, 200 + lines.length * lineHeight)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  if (opts.skew) ctx.rotate(opts.skew)
  ctx.fillStyle = '#111'
  ctx.font = '50px ScanSerif'
  lines.forEach((l, i) => ctx.fillText(l, 120, 150 + i * lineHeight))
  return new Uint8Array(canvas.toBuffer('image/png'))
}

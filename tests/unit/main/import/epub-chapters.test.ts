/**
 * EPUB chapters as divisions of the text, the way TEI `div`s are: one heading level per
 * table-of-contents depth, labelled with the number the chapter prints, so chapter locators
 * resolve; printed page breaks as pages. On a real EPUB (Pandoc's, see tests/fixtures/import/README.md)
 * and on EPUB 2 / EPUB 3 files made here.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../../src/main/import/import-file'
import { SILENT } from '../../../../src/main/import/import-progress'
import type { ParsedDocument } from '../../../../src/shared/import/parsed-document'
import { resolveLocator } from '../../../../src/shared/structure/resolve-locator'
import { makeZip } from '../../../helpers/make-documents'

const GIBBON = join(__dirname, '..', '..', '..', 'fixtures', 'import', 'gibbon-ch64-65.epub')

const slice = (doc: ParsedDocument, start: number, end: number) => [...doc.text].slice(start, end).join('')
const headings = (doc: ParsedDocument) =>
  doc.structure.filter((b) => b.kind === 'heading' || b.kind === 'title').map((b) => ({ kind: b.kind, level: b.level, label: b.label, text: slice(doc, b.start, b.end) }))
/** Resolves a locator as the citation panel and "go to cited page" do (src/renderer/lib/document-locator.ts). */
const locate = (doc: ParsedDocument, locator: string) => {
  const heads = doc.structure.filter((b) => b.kind === 'heading' || b.kind === 'title').map((b) => ({ start: b.start, end: b.end, level: b.level ?? 1, label: b.label, text: slice(doc, b.start, b.end) }))
  return resolveLocator(locator, doc.structure, heads, [...doc.text].length)
}

describe('EPUB chapters (a real EPUB made by Pandoc)', () => {
  it('makes each chapter a level-2 division labelled with its printed number, its parts below it, the title page the title', async () => {
    const doc = await importFile('gibbon.epub', new Uint8Array(readFileSync(GIBBON)), {}, SILENT)
    expect(doc.metadata).toMatchObject({ author: 'Edward Gibbon', language: 'en', date: '1788' })
    expect(headings(doc)).toEqual([
      { kind: 'title', level: 1, label: undefined, text: 'The History of the Decline and Fall of the Roman Empire, vol. 6 (chapters LXIV–LXV, excerpt)' },
      { kind: 'heading', level: 2, label: 'LXIV', text: 'Chapter LXIV: Moguls, Ottoman Turks' },
      ...['I', 'II', 'III', 'IV'].map((n) => ({ kind: 'heading', level: 3, label: n, text: `Part ${n}` })),
      { kind: 'heading', level: 2, label: 'LXV', text: 'Chapter LXV: Elevation Of Timour Or Tamerlane, And His Death' },
      ...['I', 'II', 'III'].map((n) => ({ kind: 'heading', level: 3, label: n, text: `Part ${n}` }))
    ])
  })

  it('resolves "ch. LXV" and "ch. 64" to the whole chapter, from its heading to the next chapter', async () => {
    const doc = await importFile('gibbon.epub', new Uint8Array(readFileSync(GIBBON)), {}, SILENT)
    const lxv = locate(doc, 'ch. LXV')
    expect(lxv.unresolved).toEqual([])
    expect(lxv.ranges).toHaveLength(1)
    const text = slice(doc, lxv.ranges[0].start, lxv.ranges[0].end)
    expect(text.startsWith('Chapter LXV: Elevation Of Timour')).toBe(true)
    expect(lxv.ranges[0].end).toBe([...doc.text].length)
    const lxiv = locate(doc, 'ch. 64').ranges
    expect(slice(doc, lxiv[0].start, lxiv[0].end).startsWith('Chapter LXIV: Moguls, Ottoman Turks\n\nPart I\n\nConquests Of Zingis Khan')).toBe(true)
    expect(lxiv[0].end).toBe(lxv.ranges[0].start)
    expect(slice(doc, lxiv[0].start, lxiv[0].end)).toContain('Part IV')
  })
})

const XHTML = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>x</title></head><body>${body}</body></html>`

/** An EPUB 2 (NCX table of contents, nested) with the given chapter files, in spine order. */
function epub2(chapters: { file: string; xhtml: string }[], ncx: string): Uint8Array {
  return makeZip({
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    'OPS/book.opf': `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">urn:test:2</dc:identifier><dc:title>Chronicle</dc:title><dc:language>en</dc:language></metadata><manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>${chapters.map((c, i) => `<item id="c${i}" href="${c.file}" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine toc="ncx">${chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('')}</spine></package>`,
    'OPS/toc.ncx': `<?xml version="1.0" encoding="UTF-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>${ncx}</navMap></ncx>`,
    ...Object.fromEntries(chapters.map((c) => [`OPS/${c.file}`, XHTML(c.xhtml)]))
  })
}
const point = (label: string, src: string, inner = '') => `<navPoint><navLabel><text>${label}</text></navLabel><content src="${src}"/>${inner}</navPoint>`

describe('EPUB chapters (EPUB 2, made here)', () => {
  it('levels chapters by table-of-contents depth whatever their h ranks; numbers from the heading or else the table of contents; no h1 becomes the title', async () => {
    const doc = await importFile('chronicle.epub', epub2([
      { file: 'one.xhtml', xhtml: '<h1>I Served the Emperor</h1><p>In the first year I served the emperor.</p>' },
      { file: 'two.xhtml', xhtml: '<h3>The Siege</h3><p>The walls held.</p><h4>1. The towers</h4><p>Three towers fell.</p>' },
      { file: 'two-a.xhtml', xhtml: '<p>A letter from the camp.</p>' },
      { file: 'three.xhtml', xhtml: '<p>And then the <span epub:type="pagebreak" title="212"/>city fell.</p>' }
    ], point('Book One', 'one.xhtml') + point('Chapter 2', 'two.xhtml', point('Interlude', 'two-a.xhtml')) + point('Chapter III', 'three.xhtml')), {}, SILENT)
    expect(headings(doc)).toEqual([
      { kind: 'heading', level: 2, label: undefined, text: 'I Served the Emperor' },
      { kind: 'heading', level: 2, label: '2', text: 'The Siege' },
      { kind: 'heading', level: 3, label: '1', text: '1. The towers' },
      { kind: 'heading', level: 3, label: undefined, text: 'Interlude' },
      { kind: 'heading', level: 2, label: 'III', text: 'Chapter III' }
    ])
    const ch2 = locate(doc, 'ch. 2').ranges
    expect(ch2).toHaveLength(1)
    expect(slice(doc, ch2[0].start, ch2[0].end)).toBe('The Siege\n\nThe walls held.\n\n1. The towers\n\nThree towers fell.\n\nInterlude\n\nA letter from the camp.\n\n')
    const ch3 = locate(doc, 'ch. 3').ranges[0]
    expect(slice(doc, ch3.start, ch3.end)).toBe('Chapter III\n\nAnd then the city fell.')
  })

  it('keeps printed page breaks (epub:type="pagebreak", role="doc-pagebreak") as pages, so "p. 212" resolves', async () => {
    const doc = await importFile('paged.epub', epub2([
      { file: 'a.xhtml', xhtml: '<h2>Chapter 1</h2><p><span epub:type="pagebreak" id="p211" title="211"></span>The emperor sailed for Venice in the au<span role="doc-pagebreak" aria-label="212"></span>tumn.</p><p>He came back in 1403.</p>' }
    ], point('Chapter 1', 'a.xhtml')), {}, SILENT)
    expect(doc.text).toBe('Chapter 1\n\nThe emperor sailed for Venice in the autumn.\n\nHe came back in 1403.')
    const pages = doc.structure.filter((b) => b.kind === 'page').map((b) => ({ label: b.label, text: slice(doc, b.start, b.end) }))
    expect(pages).toEqual([
      { label: '211', text: 'The emperor sailed for Venice in the au' },
      { label: '212', text: 'tumn.\n\nHe came back in 1403.' }
    ])
    const p212 = locate(doc, 'p. 212').ranges[0]
    expect(slice(doc, p212.start, p212.end)).toBe('tumn.\n\nHe came back in 1403.')
  })
})

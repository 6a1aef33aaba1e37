import { readFileSync } from 'node:fs'
import { Zip, ZipDeflate, strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../../../src/main/import/import-file'
import { SILENT } from '../../../../src/main/import/import-progress'
import type { ParsedDocument } from '../../../../src/shared/import/parsed-document'
import { makeDocx, makeEpub, makeZip } from '../../../helpers/make-documents'
import { corpusPath } from '../../../helpers/temp-dir'

const enc = (s: string) => new TextEncoder().encode(s)
const blocks = (doc: ParsedDocument, kind: string) => {
  const cps = [...doc.text]
  return doc.structure.filter((b) => b.kind === kind).map((b) => cps.slice(b.start, b.end).join(''))
}
const WIKI = corpusPath('anchoring/hypothesis-html-baselines/wikipedia-regression-testing.html')

describe('HTML (linkedom + Readability)', () => {
  it('keeps a saved Wikipedia article’s text, headings, lists and references as notes, without the page furniture', async () => {
    const doc = await importFile('regression.html', new Uint8Array(readFileSync(WIKI)), {}, SILENT)
    expect(doc).toMatchObject({ format: 'html', title: 'Regression testing - Wikipedia', metadata: { language: 'en', url: 'https://en.wikipedia.org/wiki/Regression_testing' } })
    expect(doc.text.startsWith('Regression testing is a type of software testing that verifies')).toBe(true)
    expect(doc.text).not.toContain('[edit]')
    expect(doc.text).not.toContain('Jump to navigation')
    expect(blocks(doc, 'heading')).toContain('Background')
    expect(blocks(doc, 'list-item')).toContain('Smoke testing')
    const notes = blocks(doc, 'note')
    expect(notes).toHaveLength(10)
    expect(notes[0]).toBe('[1] Myers, Glenford (2004). The Art of Software Testing. Wiley. ISBN 978-0-471-46912-4.')
    expect(doc.marks!.filter((m) => m.kind === 'note-ref').length).toBeGreaterThan(10)
  })

  it('reads a fragment without <html> (Readability finds no article in it: the whole body is read)', async () => {
    const doc = await importFile('minimal.html', enc('<body><div>One Two Three</div></body>'), {}, SILENT)
    expect(doc.text).toBe('One Two Three')
  })

  it('imports a hostile page as inert text: no script, style, handler, SVG payload or javascript: link survives', async () => {
    const page = `<!DOCTYPE html><html><head><title>Trap</title><script>window.pwned = 1</script><style>body{background:url(http://evil.example/x)}</style>
      <meta http-equiv="refresh" content="0;url=http://evil.example/"></head>
      <body onload="alert(1)"><article><h1>A trap</h1><p>Plain words <a href="javascript:alert(2)">click me</a> and <a href="https://example.org/">a real link</a>.</p>
      <p><img src="http://evil.example/track.png" onerror="alert(3)" alt="a portrait"> <svg onload="alert(4)"><script>alert(5)</script><text>svg words</text></svg>
      <iframe src="http://evil.example/frame"></iframe><form action="http://evil.example"><input value="typed"></form>&lt;b onclick="x()"&gt;escaped&lt;/b&gt;</p></article></body></html>`
    const doc = await importFile('trap.html', enc(page), {}, SILENT)
    // Readability takes the h1 as the article's title; escaped markup stays text.
    expect(doc.title).toBe('Trap')
    expect(doc.text).toBe('Plain words click me and a real link.\n\na portrait\n\n<b onclick="x()">escaped</b>')
    const at = doc.text.indexOf('a real link')
    expect(doc.marks).toEqual([{ kind: 'link', href: 'https://example.org/', start: at, end: at + 'a real link'.length }])
    expect(JSON.stringify(doc)).not.toMatch(/evil\.example|alert|pwned|svg words|typed/)
  })
})

describe('DOCX (mammoth)', () => {
  it('keeps headings, paragraphs, and footnotes and endnotes as notes with references; title and author from the properties', async () => {
    const docx = makeDocx({
      title: 'Notes on John VII', author: 'A. Historian',
      body: [['Heading1', 'The usurpation of 1390'], [undefined, 'John VII took the city in April.'], ['Heading2', 'Sources']],
      footnote: 'Ducas, Historia Turcobyzantina, 14.', endnote: 'See also Zachariadou 1977.'
    })
    const doc = await importFile('notes.docx', docx, {}, SILENT)
    expect(doc).toMatchObject({ format: 'docx', title: 'Notes on John VII', metadata: { author: 'A. Historian', date: '2024-03-01' } })
    expect(blocks(doc, 'title').concat(blocks(doc, 'heading'))).toEqual(['The usurpation of 1390', 'Sources'])
    expect(blocks(doc, 'paragraph')).toEqual(['John VII took the city in April.', 'A claim with a footnote[1] and an endnote[2].'])
    expect(blocks(doc, 'note')).toEqual(['[1] Ducas, Historia Turcobyzantina, 14.', '[2] See also Zachariadou 1977.'])
    expect(doc.marks!.filter((m) => m.kind === 'note-ref')).toHaveLength(2)
  })

  it('refuses a zip bomb (a DOCX whose document inflates ~1,000×) quickly, before mammoth sees it', async () => {
    // 60 MiB of spaces (under the 256 MiB total, over the 200× ratio), deflated in 1 MiB chunks.
    const parts: Uint8Array[] = []
    const zip = new Zip((err, chunk) => {
      if (err) throw err
      parts.push(chunk)
    })
    const types = new ZipDeflate('[Content_Types].xml')
    zip.add(types)
    types.push(strToU8('<Types/>'), true)
    const body = new ZipDeflate('word/document.xml', { level: 9 })
    zip.add(body)
    const chunk = new Uint8Array(1024 * 1024).fill(0x20)
    for (let i = 0; i < 60; i++) body.push(chunk, i === 59)
    zip.end()
    const bomb = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
    let at = 0
    for (const p of parts) (bomb.set(p, at), (at += p.length))
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const t0 = performance.now()
    await expect(importFile('bomb.docx', bomb, {}, SILENT)).rejects.toThrow(/^bomb\.docx: word\/document\.xml would inflate \d+ times its size; it looks like a zip bomb, not a document/)
    expect(performance.now() - t0).toBeLessThan(5000)
  }, 60_000)

  it('refuses a zip that is neither DOCX nor EPUB, and a damaged one, naming the file', async () => {
    await expect(importFile('photos.zip', makeZip({ 'a.jpg': 'x' }), {}, SILENT)).rejects.toThrow('photos.zip: is a zip archive but neither a Word DOCX')
    const docx = makeDocx({ title: 't', author: 'a', body: [[undefined, 'x']], footnote: 'f', endnote: 'e' })
    await expect(importFile('cut.docx', docx.slice(0, docx.length - 200), {}, SILENT)).rejects.toThrow(/^cut\.docx: /)
  })
})

describe('EPUB', () => {
  it('reads chapters in spine order, each a division with its heading (from the table of contents when it has none)', async () => {
    const xhtml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>${body}</body></html>`
    const epub = makeEpub({
      title: 'Memoirs', author: 'Sphrantzes',
      chapters: [
        { file: 'c1.xhtml', navTitle: 'Book One', xhtml: xhtml('<p>In the first year I served the emperor.</p>') },
        { file: 'c2.xhtml', navTitle: 'Book Two', xhtml: xhtml('<h2>The Siege</h2><p>The walls held<a epub:type="noteref" href="#n1">1</a>.</p><aside epub:type="footnote" id="n1"><p>Or so it was said.</p></aside>') },
        { file: 'c3.xhtml', navTitle: 'Book Three', xhtml: xhtml('<p>And then the city fell.</p>') }
      ]
    })
    const doc = await importFile('memoirs.epub', epub, {}, SILENT)
    expect(doc).toMatchObject({ format: 'epub', title: 'Memoirs', metadata: { author: 'Sphrantzes', language: 'en', date: '1776' } })
    expect(blocks(doc, 'heading')).toEqual(['Book One', 'The Siege', 'Book Three'])
    expect(blocks(doc, 'paragraph')).toEqual(['In the first year I served the emperor.', 'The walls held1.', 'And then the city fell.'])
    expect(blocks(doc, 'note')).toEqual(['[1] Or so it was said.'])
  })
})

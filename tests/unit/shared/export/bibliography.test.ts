import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerCslLocale, registerCslStyle } from '../../../../src/shared/bib/citation-js'
import { exportBibliography } from '../../../../src/shared/export/bibliography'
import { ROOT } from '../../../helpers/temp-dir'
import { GREEK, projectWith, ZACHARIADOU } from './citations-fixture'

beforeAll(() => {
  const dir = join(ROOT, 'resources', 'csl')
  registerCslLocale('en-US', readFileSync(join(dir, 'locales-en-US.xml'), 'utf8'))
  for (const s of ['chicago-notes-bibliography', 'chicago-author-date']) registerCslStyle(s, readFileSync(join(dir, `${s}.csl`), 'utf8'))
})

describe('formatted bibliography export', () => {
  const run = (style?: string) => exportBibliography({ data: projectWith([ZACHARIADOU, GREEK]), texts: {}, scope: {}, options: { style }, exportedAt: '' })

  it('writes Chicago notes-bibliography as HTML and plain text, one entry per line', () => {
    const out = run()
    const text = out.files.find((f) => f.name === 'bibliography.txt')!.content as string
    expect(text.split('\n')).toHaveLength(3)
    expect(text.split('\n').find((l) => l.startsWith('Zachariadou'))).toBe('Zachariadou, Elizabeth A. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31 (1977): 339–42.')
    const html = out.files.find((f) => f.name === 'bibliography.html')!.content as string
    expect(html).toContain('<i>Dumbarton Oaks Papers</i> 31 (1977): 339–42.')
    expect(html).toContain('Παπαδόπουλος')
  })

  it('writes Chicago author-date when asked', () => {
    const text = run('chicago-author-date').files[1].content as string
    expect(text).toContain('Zachariadou, Elizabeth A. 1977. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31: 339–42.')
  })

  it('writes standalone HTML pages naming the style, and text files; no notes without citing highlights', () => {
    const out = run('chicago-author-date')
    expect(out.files.map((f) => [f.name, f.mediaType])).toEqual([['bibliography.html', 'text/html'], ['bibliography.txt', 'text/plain']])
    const html = out.files[0].content as string
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Bibliography</title>\n<meta name="generator" content="Marginalia (chicago-author-date)">\n</head>\n<body>\n<h1>Bibliography</h1>\n<div class="csl-bib-body">\n  <div class="csl-entry">')).toBe(true)
    expect(html.match(/<div class="csl-entry">/g)).toHaveLength(2)
    expect(html.endsWith('</div>\n</div>\n</body>\n</html>\n')).toBe(true)
    expect(out.losses).toEqual([])
    const empty = exportBibliography({ data: projectWith([]), texts: {}, scope: {}, options: { style: '' }, exportedAt: '' })
    expect(empty.files[1].content).toBe('')
    expect(empty.files[0].content).toContain('<meta name="generator" content="Marginalia (chicago-notes-bibliography)">')
  })

  it('refuses a style that is not loaded', () => {
    expect(() => run('apa-nonexistent')).toThrow(/not loaded/)
  })
})

describe('notes in the bibliography export', () => {
  it('writes one note per citation link in document order, shortening a work cited again', () => {
    const data = projectWith([ZACHARIADOU])
    const T = '2026-11-26T10:00:00.000Z'
    data.documents.doc1 = { id: 'doc1', title: 'John VII Palaiologos', format: 'wiki', role: 'text', sha256: '', fileName: 'j.txt', length: 100, structure: [], metadata: { categories: [] }, created: T, modified: T }
    const ann = (id: string, start: number, exact: string, locator: string) => ({
      id, documentId: 'doc1', target: { start, end: start + exact.length, exact, prefix: '', suffix: '' }, tags: [], note: '', entityIds: [],
      citations: [{ citationId: 'cit_0001', locator }], author: 'h', created: T, modified: T, status: 'anchored' as const
    })
    data.annotations.a2 = ann('a2', 50, 'in his birth name', 'p. 340')
    data.annotations.a1 = ann('a1', 10, 'used the name Andronikos', 'pp. 339-342')
    const out = exportBibliography({ data, texts: {}, scope: {}, options: {}, exportedAt: '' })
    const text = out.files.find((f) => f.name === 'notes.txt')!.content as string
    expect(text).toBe([
      'John VII Palaiologos',
      '',
      '1. Elizabeth A. Zachariadou, “John VII (Alias Andronicus) Palaeologus,” Dumbarton Oaks Papers 31 (1977): 339–42.',
      '   (“used the name Andronikos”)',
      '2. Zachariadou, “John VII (Alias Andronicus) Palaeologus,” 340.',
      '   (“in his birth name”)',
      ''
    ].join('\n'))
    const html = out.files.find((f) => f.name === 'notes.html')!.content as string
    expect(html).toContain('<li value="2"><q>in his birth name</q><br>')
    expect(html).toContain('<title>Notes</title>')
    expect(html).toContain('<section>\n<h2>John VII Palaiologos</h2>\n<ol class="notes">\n  <li value="1"><q>used the name Andronikos</q><br>')
    expect(out.files.map((f) => [f.name, f.mediaType])).toEqual([['bibliography.html', 'text/html'], ['bibliography.txt', 'text/plain'], ['notes.html', 'text/html'], ['notes.txt', 'text/plain']])
  })
})

describe('notes pages of titles and quotes with markup characters', () => {
  it('escapes a title and a quote in the notes page, and gives a document without citing highlights no section', () => {
    const data = projectWith([ZACHARIADOU])
    const T = '2026-11-26T10:00:00.000Z'
    const doc = (id: string, title: string) => ({ id, title, format: 'wiki' as const, role: 'text' as const, sha256: '', fileName: `${id}.txt`, length: 100, structure: [], metadata: { categories: [] }, created: T, modified: T })
    data.documents.doc1 = doc('doc1', 'Greeks & "Latins" <1204>')
    data.documents.doc2 = doc('doc2', 'Uncited chronicle')
    const exact = 'the <b>Latin</b> & Greek'
    data.annotations.a1 = {
      id: 'a1', documentId: 'doc1', target: { start: 0, end: exact.length, exact, prefix: '', suffix: '' }, tags: [], note: '', entityIds: [],
      citations: [{ citationId: 'cit_0001', locator: 'p. 340' }], author: 'h', created: T, modified: T, status: 'anchored'
    }
    const out = exportBibliography({ data, texts: {}, scope: {}, options: {}, exportedAt: '' })
    const html = out.files.find((f) => f.name === 'notes.html')!.content as string
    expect(html).toContain('<h2>Greeks &amp; &quot;Latins&quot; &lt;1204&gt;</h2>')
    expect(html).toContain('<q>the &lt;b&gt;Latin&lt;/b&gt; &amp; Greek</q>')
    expect(html).not.toContain('Uncited chronicle')
    const text = out.files.find((f) => f.name === 'notes.txt')!.content as string
    expect(text.startsWith('Greeks & "Latins" <1204>\n\n1. ')).toBe(true)
    expect(text).not.toContain('Uncited chronicle')
  })
})

describe('numbers in CSL-JSON items', () => {
  // CSL-JSON allows numbers for number variables, and a CSL-JSON import keeps them; citeproc threw
  // "num.match is not a function" on them, in the bibliography and in the notes.
  it('formats an item whose volume and issue are numbers, in the bibliography and in the notes', () => {
    const data = projectWith([{ ...ZACHARIADOU, volume: 31, issue: 2 }])
    const T = '2026-11-26T10:00:00.000Z'
    data.documents.doc1 = { id: 'doc1', title: 'John VII', format: 'wiki', role: 'text', sha256: '', fileName: 'j.txt', length: 100, structure: [], metadata: { categories: [] }, created: T, modified: T }
    data.annotations.a1 = {
      id: 'a1', documentId: 'doc1', target: { start: 0, end: 4, exact: 'John', prefix: '', suffix: '' }, tags: [], note: '', entityIds: [],
      citations: [{ citationId: 'cit_0001', locator: 'p. 340' }], author: 'h', created: T, modified: T, status: 'anchored'
    }
    const out = exportBibliography({ data, texts: {}, scope: {}, options: {}, exportedAt: '' })
    const file = (name: string) => out.files.find((f) => f.name === name)!.content as string
    expect(file('bibliography.txt')).toBe('Zachariadou, Elizabeth A. “John VII (Alias Andronicus) Palaeologus.” Dumbarton Oaks Papers 31, no. 2 (1977): 339–42.\n')
    expect(file('notes.txt')).toContain('1. Elizabeth A. Zachariadou, “John VII (Alias Andronicus) Palaeologus,” Dumbarton Oaks Papers 31, no. 2 (1977): 340.')
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { encodingCandidates } from '../../../../src/shared/import/encodings'
import { parseDocument } from '../../../../src/shared/import/parse-document'
import type { ParsedDocument } from '../../../../src/shared/import/parsed-document'
import { corpusPath } from '../../../helpers/temp-dir'

const enc = (s: string) => new TextEncoder().encode(s)
const blocks = (doc: ParsedDocument, kind: string) => {
  const cps = [...doc.text]
  return doc.structure.filter((b) => b.kind === kind).map((b) => cps.slice(b.start, b.end).join(''))
}
const marks = (doc: ParsedDocument) => {
  const cps = [...doc.text]
  return (doc.marks ?? []).map((m) => [m.kind, cps.slice(m.start, m.end).join(''), m.href ?? m.label])
}

describe('Markdown through CommonMark (micromark + GFM footnotes)', () => {
  it('shows what a reader sees: `_word_` is the word, emphasised; headings, lists, links and footnotes are structure', () => {
    const doc = parseDocument('notes.md', enc([
      '# John VII',
      '',
      'He was _deposed_ in **1390** by [Manuel II](https://en.wikipedia.org/wiki/Manuel_II_Palaiologos).[^ducas]',
      '',
      '## Sources',
      '',
      '- Ducas',
      '- Sphrantzes, *Chronicon*',
      '',
      '<script>alert(1)</script>',
      '',
      '[evil](javascript:alert(2)) and `code`',
      '',
      '[^ducas]: Ducas, *Historia*, ch. 15.'
    ].join('\n')))
    expect(doc.title).toBe('John VII')
    expect(doc.text).not.toContain('_')
    expect(doc.text).not.toContain('<script>')
    expect(blocks(doc, 'title')).toEqual(['John VII'])
    expect(blocks(doc, 'heading')).toEqual(['Sources'])
    expect(blocks(doc, 'paragraph')).toEqual(['He was deposed in 1390 by Manuel II.[ducas]', 'evil and code'])
    expect(blocks(doc, 'list-item')).toEqual(['Ducas', 'Sphrantzes, Chronicon'])
    expect(blocks(doc, 'note')).toEqual(['[ducas] Ducas, Historia, ch. 15.'])
    expect(marks(doc)).toEqual([
      ['emphasis', 'deposed', undefined], ['strong', '1390', undefined],
      ['link', 'Manuel II', 'https://en.wikipedia.org/wiki/Manuel_II_Palaiologos'], ['note-ref', '[ducas]', 'ducas'],
      ['emphasis', 'Chronicon', undefined], ['code', 'code', undefined], ['emphasis', 'Historia', undefined]
    ])
  })
})

describe('plain text in other encodings: previewed, proposed, never applied silently', () => {
  const cp1252 = new Uint8Array([...enc('Le '), 0x9c, ...enc('uvre de C'), 0xe9, ...enc('sar, '), 0x93, ...enc('Pal'), 0xe6, ...enc('ologus'), 0x94, ...enc('.')])
  const greek = new Uint8Array([...enc('O '), 0xc9, 0xf9, 0xdc, 0xed, 0xed, 0xe7, 0xf2, ...enc(' '), 0xd0, 0xe1, 0xeb, 0xe1, 0xe9, 0xef, 0xeb, 0xfc, 0xe3, 0xef, 0xf2]) // Ιωάννης Παλαιολόγος

  it('refuses a non-UTF-8 file with the byte offset and the likely encoding, and imports it with the encoding chosen', () => {
    expect(() => parseDocument('oeuvre.txt', cp1252)).toThrow('oeuvre.txt: not valid UTF-8 (first invalid byte sequence at byte 3); it reads cleanly as Windows-1252 (Western European, Windows). Choose its encoding')
    const doc = parseDocument('oeuvre.txt', cp1252, { encoding: 'windows-1252' })
    expect(doc.text).toBe('Le œuvre de César, “Palæologus”.')
    expect(doc.metadata.encoding).toBe('windows-1252')
  })

  it('previews every candidate and proposes Greek for Greek bytes, Windows-1252 for curly quotes, UTF-16 for a BOM', () => {
    const g = encodingCandidates(greek)
    expect(g.proposed).toBe('iso-8859-7')
    expect(g.candidates.find((c) => c.encoding === 'iso-8859-7')!.preview).toBe('O Ιωάννης Παλαιολόγος')
    expect(g.candidates.find((c) => c.encoding === 'windows-1252')!.problems.join()).toContain('made mostly of accented letters')
    const w = encodingCandidates(cp1252)
    expect(w.proposed).toBe('windows-1252')
    expect(w.candidates.find((c) => c.encoding === 'iso-8859-1')!.problems.join()).toContain('control characters')
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Ducas'].flatMap((ch) => [ch.charCodeAt(0), 0])])
    expect(encodingCandidates(utf16).proposed).toBe('utf-16le')
    expect(parseDocument('ducas.txt', utf16, { encoding: 'utf-16le' }).text).toBe('Ducas')
  })

  it('names the byte of a surrogate or overlong sequence (never "byte -1")', () => {
    const surrogate = new Uint8Array([...enc('abc'), 0xed, 0xa0, 0x80, ...enc('def')])
    expect(() => parseDocument('s.txt', surrogate)).toThrow('s.txt: not valid UTF-8 (first invalid byte sequence at byte 3)')
    const overlong = new Uint8Array([...enc('ab'), 0xe0, 0x80, 0xaf])
    expect(() => parseDocument('o.txt', overlong)).toThrow('o.txt: not valid UTF-8 (first invalid byte sequence at byte 2)')
  })
})

const GIBBON = corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')

describe.skipIf(!existsSync(GIBBON))('Project Gutenberg header and licence', () => {
  let bytes: Uint8Array
  beforeAll(() => { bytes = new Uint8Array(readFileSync(GIBBON)) })

  it('are recognised and kept in metadata; the text is untouched unless trimming is asked for', () => {
    const kept = parseDocument('gibbon.txt', bytes)
    expect(kept.title).toBe('The History of The Decline and Fall of the Roman Empire Volume 6')
    expect(kept.metadata).toMatchObject({ author: 'Edward Gibbon', source: 'Project Gutenberg eBook #895', gutenberg: { trimmed: false, ebook: '895' } })
    expect(kept.text.startsWith('The Project Gutenberg EBook of')).toBe(true)
    const trimmed = parseDocument('gibbon.txt', bytes, { trimGutenberg: true })
    expect(trimmed.text.startsWith('Produced by David Reed')).toBe(true)
    expect(trimmed.text.trimEnd().endsWith('End of the Project Gutenberg')).toBe(false)
    expect(trimmed.text).not.toContain('PROJECT GUTENBERG-tm')
    expect(trimmed.metadata.gutenberg!.header).toContain('*** START OF THIS PROJECT GUTENBERG EBOOK')
    expect(trimmed.metadata.gutenberg!.licence.startsWith('End of the Project Gutenberg EBook of The History of The Decline and Fall')).toBe(true)
    expect(trimmed.text.length + trimmed.metadata.gutenberg!.header.length + trimmed.metadata.gutenberg!.licence.length).toBeLessThanOrEqual(kept.text.length)
  })
})

describe('format by content, then by name', () => {
  it('reads TEI named .txt as TEI, HTML-looking text named .xml as refused XML, and asks for the Node importer for HTML', () => {
    expect(parseDocument('edition.txt', enc('<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Hi</p></body></text></TEI>')).format).toBe('tei')
    expect(() => parseDocument('page.txt', enc('<!DOCTYPE html><html><body><p>x</p></body></html>'))).toThrow('page.txt: html is imported by the desktop importer')
    expect(parseDocument('notes.md', enc('plain words')).format).toBe('markdown')
    expect(parseDocument('notes.txt', enc('[[Title]]\n\nBody')).format).toBe('wiki')
  })
})

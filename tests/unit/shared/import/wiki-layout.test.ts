import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseDocument } from '../../../../src/shared/import/parse-document'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { SEED_PATH } from '../../../helpers/temp-dir'

const seed = () => parseDocument('john-vii-palaiologos.txt', new Uint8Array(readFileSync(SEED_PATH)))

describe('the seed layout', () => {
  it('is detected and gives title, categories as metadata, and no markup in the text', () => {
    const doc = seed()
    expect(doc.format).toBe('wiki')
    expect(doc.title).toBe('John VII Palaiologos')
    expect(doc.metadata.categories).toEqual([
      'Palaiologos dynasty', 'Orthodox monarchs', '1370 births', '1408 deaths', 'Byzantine regents',
      '14th-century Byzantine emperors', 'Byzantine–Ottoman wars'
    ])
    expect(doc.text).not.toMatch(/\[\[|==|CATEGORIES:/)
    expect(doc.text.startsWith('John VII Palaiologos\n\nJohn VII Palaiologos (or Palaeologus)')).toBe(true)
    expect(doc.text).not.toMatch(/\n\n\n/)
  })

  it('records title, headings (with levels, including the empty References and Sources) and paragraphs', () => {
    const doc = seed()
    const index = new CodePointIndex(doc.text)
    const blocks = doc.structure.map((b) => ({ kind: b.kind, level: b.level, text: index.slice(b.start, b.end) }))
    expect(blocks[0]).toEqual({ kind: 'title', level: 1, text: 'John VII Palaiologos' })
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.level])).toEqual([
      ['Life', 2], ['Family', 2], ['References', 2], ['Sources', 2]
    ])
    const paragraphs = blocks.filter((b) => b.kind === 'paragraph')
    expect(paragraphs).toHaveLength(8)
    expect(paragraphs[0].text).toMatch(/^John VII Palaiologos \(or Palaeologus\).*pp\. 339-342$/)
    expect(paragraphs.at(-1)!.text).toBe('By his wife Irene Gattilusio, John VII Palaiologos had at least one son:')
    // Blocks never end in spaces (the seed has trailing spaces on some lines).
    for (const b of paragraphs) expect(b.text).toBe(b.text.trimEnd())
  })

  it('keeps the Greek name as code points', () => {
    const doc = seed()
    const index = new CodePointIndex(doc.text)
    const utf16 = doc.text.indexOf("Ιωάννης Ζ' Παλαιολόγος")
    const start = index.toCodePoint(utf16)
    expect(index.slice(start, start + 22)).toBe("Ιωάννης Ζ' Παλαιολόγος")
  })
})

describe('plain text and errors', () => {
  it('imports plain text with paragraphs separated by blank lines', () => {
    const doc = parseDocument('notes.txt', new TextEncoder().encode('\uFEFFFirst line\r\nstill first.\r\n\r\nSecond 𝔊.\r\n'))
    expect(doc.format).toBe('text')
    expect(doc.text).toBe('First line\nstill first.\n\nSecond 𝔊.\n')
    const index = new CodePointIndex(doc.text)
    expect(doc.structure.map((b) => index.slice(b.start, b.end))).toEqual(['First line\nstill first.', 'Second 𝔊.'])
  })
  it('refuses a file that is not UTF-8, naming the file', () => {
    expect(() => parseDocument('latin1.txt', new Uint8Array([0x41, 0xe9, 0x42]))).toThrow(/latin1\.txt: not valid UTF-8 .*byte 1/)
  })
  it('refuses an empty file and a forced wiki format without a title line', () => {
    expect(() => parseDocument('empty.txt', new Uint8Array())).toThrow(/empty\.txt: the file is empty/)
    expect(() => parseDocument('x.txt', new TextEncoder().encode('hello'), 'wiki')).toThrow(/x\.txt: does not start with a \[\[Title\]\]/)
  })
})

/**
 * Resource bombs in bibliographies (issue 9 item 7): a 583-byte chain of `@string` macros that
 * double themselves would make a 67 MB title; field lengths and file size are capped before
 * anything is expanded or read, each refusal naming the entry or file and the limit.
 */
import { describe, expect, it } from 'vitest'
import { MAX_BIB_BYTES, MAX_FIELD_CHARS } from '../../../../src/shared/bib/bib-limits'
import { LIMITS } from '../../../../src/shared/limits'
import { splitBibtex } from '../../../../src/shared/bib/bibtex-entries'
import { checkMacros } from '../../../../src/shared/bib/bibtex-macros'
import { readBibliography } from '../../../../src/shared/bib/read-bibliography'

const enc = (s: string) => new TextEncoder().encode(s)

/** `@string{a0 = "<32 x>"}` then a1 = a0 # a0, … a21: a 67,108,864-character value from under 600 bytes. */
function bomb(): string {
  const lines = [`@string{a0 = "${'x'.repeat(32)}"}`]
  for (let i = 1; i <= 21; i++) lines.push(`@string{a${i} = a${i - 1} # a${i - 1}}`)
  lines.push('@book{bomb, title = a21, year = 2000}', '@book{fine, title = "Short " # a3, year = 2001}')
  return lines.join('\n') + '\n'
}

describe('bibliography limits', () => {
  it('skips the entry a doubling @string chain would blow up, without expanding it, and reads the rest', () => {
    const text = bomb()
    expect(text.length).toBeLessThan(700)
    const before = process.memoryUsage().heapUsed
    const r = readBibliography('bomb.bib', enc(text))
    expect(r.skipped).toEqual([{ line: 23, key: 'bomb', reason: 'field "title" would be 67,108,864 characters long through @string a21 (line 22); the limit is 100,000' }])
    expect(r.items.map((i) => [i.key, i.item.title])).toEqual([['fine', `Short ${'x'.repeat(256)}`]])
    // Nothing of the size of the expansion was built (it would be 128 MB of UTF-16).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024)
  })

  it('measures macros in file order, as BibTeX expands them, whatever a later redefinition says', () => {
    const chunks = splitBibtex([
      `@string{big = "${'y'.repeat(60_000)}"}`, '@string{twice = big # big}', '@string{big = "small"}', '@article{k, title = twice}'
    ].join('\n'))
    const check = checkMacros(chunks)
    expect(check.safe.map((c) => c.line)).toEqual([1, 3]) // the 120,000-character `twice` is not given to citation-js
    expect(check.problem(chunks[3])).toMatch(/field "title" would be 120,000 characters long through @string twice \(line 2\)/)
  })

  it('skips an entry whose field is over the limit as written, in any format', () => {
    const long = 'z'.repeat(MAX_FIELD_CHARS + 1)
    const bib = readBibliography('long.bib', enc(`@misc{long, title = {T}, abstract = {${long}}}\n@misc{ok, title = {Fine}}\n`))
    expect(bib.items.map((i) => i.key)).toEqual(['ok'])
    expect(bib.skipped[0]).toMatchObject({ line: 1, key: 'long', reason: expect.stringMatching(/^field "abstract" (would be|is) 100,001 characters long; the limit is 100,000$/) })
    expect(MAX_FIELD_CHARS).toBe(LIMITS.bibliographyField.max)
    const csl = readBibliography('long.json', enc(JSON.stringify([{ id: 'a', type: 'book', title: long }, { id: 'b', type: 'book', title: 'Fine' }])))
    expect(csl.items.map((i) => i.key)).toEqual(['b'])
    const ris = readBibliography('long.ris', enc(`TY  - BOOK\nTI  - ${long}\nER  - \n\nTY  - BOOK\nTI  - Fine\nER  - \n`))
    expect(ris.items.map((i) => i.item.title)).toEqual(['Fine'])
  })

  it('refuses a file over the size limit before decoding it, naming the file', () => {
    const huge = new Uint8Array(MAX_BIB_BYTES + 1)
    expect(() => readBibliography('huge.bib', huge)).toThrow(/^huge\.bib: 33,554,433 bytes is more than the 33,554,432 bytes limit for a bibliography file \(BibTeX, RIS, CSL-JSON\)/)
    expect(MAX_BIB_BYTES).toBe(LIMITS.bibliographyFile.max)
  })

  it('counts a field in code points: 60,000 letters outside the BMP (120,000 UTF-16 units) are within the limit, in a macro or as written', () => {
    const gothic = '\u{10330}'.repeat(60_000)
    const r = readBibliography('gothic.bib', enc(`@string{g = "${gothic}"}\n@misc{viaMacro, title = g}\n@misc{written, title = {${gothic}}}\n@misc{over, title = g # g}\n`))
    expect(r.items.map((i) => [i.key, [...(i.item.title ?? '')].length])).toEqual([['viaMacro', 60_000], ['written', 60_000]])
    expect(r.skipped).toEqual([{ line: 4, key: 'over', reason: 'field "title" would be 120,000 characters long; the limit is 100,000' }])
  })

  it('refuses a file of more entries than the limit before parsing any, in every format, naming the file', () => {
    const n = LIMITS.bibliographyEntries.max + 1
    const message = /^many\.\w+: 100,001 entries is more than the 100,000 entries limit for entries in one bibliography file/
    expect(() => readBibliography('many.bib', enc('@misc{k,}\n'.repeat(n)))).toThrow(message)
    expect(() => readBibliography('many.ris', enc('TY  - GEN\nER  - \n'.repeat(n)))).toThrow(message)
    expect(() => readBibliography('many.json', enc(JSON.stringify(Array.from({ length: n }, () => ({ type: 'book' })))))).toThrow(message)
    // One fewer is read.
    expect(readBibliography('enough.bib', enc('@misc{k,}\n'.repeat(n - 1))).items.length + readBibliography('enough.bib', enc('@misc{k,}\n'.repeat(n - 1))).skipped.length).toBe(n - 1)
  }, 120_000)
})

/**
 * Hypothesis's own anchoring baselines (corpus/anchoring/hypothesis-html-baselines): saved pages
 * with the annotations Hypothesis made on them. Their TextPositionSelector counts UTF-16 code
 * units of the page body's textContent; we take that text from Chromium's HTML parser, convert
 * the offsets to code points and anchor with our own anchor().
 *
 * What does not match, and why: in wikipedia-regression-testing, the "Footer" annotation's stored
 * position is 156 characters past where its quote is in the saved page, because the page was
 * saved with less dynamic content (client-side navigation text) above the footer than when it
 * was annotated. Its position selector therefore fails and it is found by its quote (`moved`),
 * which is also how Hypothesis's client anchors it.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe as suite, expect, it } from 'vitest'
import { anchor } from '../../../../src/shared/anchoring'
import { anchorW3cAnnotations, parseW3cAnnotations } from '../../../../src/shared/import/w3c-annotations'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { normaliseText } from '../../../../src/shared/text/normalise'
import { corpusPath } from '../../../helpers/corpus'
import { htmlTexts, type PageTexts } from '../../../helpers/html-text-content'

const DIR = corpusPath('anchoring/hypothesis-html-baselines') // vendored: tests/fixtures/corpus
const FIXTURES = ['minimal', 'wikipedia-regression-testing']

interface Row {
  id: string
  text?: string
  target: { selector: { type: string; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string }[] }[]
}

suite('Hypothesis HTML baselines', () => {
  let pages: PageTexts[] = []
  const rows = FIXTURES.map((f) => (JSON.parse(readFileSync(path.join(DIR, `${f}.json`), 'utf8')).rows as Row[]))

  beforeAll(async () => {
    pages = await htmlTexts(FIXTURES.map((f) => readFileSync(path.join(DIR, `${f}.html`), 'utf8')))
  }, 60_000)

  /** The row's selectors with the position converted from UTF-16 to code points of `index`. */
  function selectorOf(row: Row, index: CodePointIndex) {
    const sels = row.target[0].selector
    const pos = sels.find((s) => s.type === 'TextPositionSelector')!
    const quote = sels.find((s) => s.type === 'TextQuoteSelector')!
    return {
      exact: quote.exact!, prefix: quote.prefix, suffix: quote.suffix,
      start: index.toCodePoint(pos.start!), end: index.toCodePoint(pos.end!)
    }
  }

  it('the page texts are already normalised (NFC, LF), so converted offsets stay valid', () => {
    for (const p of pages) expect(normaliseText(p.textContent)).toBe(p.textContent)
  })

  it('anchors every baseline annotation in the page text, by position where the page is unchanged', () => {
    const outcomes: Record<string, string> = {}
    FIXTURES.forEach((_, f) => {
      const index = new CodePointIndex(pages[f].textContent)
      for (const row of rows[f]) {
        const sel = selectorOf(row, index)
        const r = anchor(index, sel)
        expect(index.slice(r.start, r.end), `${row.text}`).toBe(sel.exact)
        outcomes[`${FIXTURES[f]}/${row.text ?? row.id}`] = r.status
      }
    })
    expect(outcomes).toEqual({
      'minimal/test': 'anchored',
      'wikipedia-regression-testing/Footer': 'moved', // saved page differs above the footer, see header
      'wikipedia-regression-testing/Body': 'anchored',
      'wikipedia-regression-testing/Quote': 'anchored',
      'wikipedia-regression-testing/Introduction': 'anchored',
      'wikipedia-regression-testing/Heading': 'anchored'
    })
  })

  it('the minimal page gives exactly Hypothesis\'s text and offsets', () => {
    expect(pages[0].textContent).toBe('One Two Three\n')
    const r = anchor(pages[0].textContent, selectorOf(rows[0][0], new CodePointIndex(pages[0].textContent)))
    expect([r.start, r.end, r.status]).toEqual([4, 7, 'anchored'])
  })

  it('finds every quote again in a different extraction of the same page (rendered text)', () => {
    // innerText drops scripts/styles and collapses whitespace: every offset is wrong and the
    // context differs in whitespace, so this exercises the quote and fuzzy paths.
    const f = 1
    const tc = new CodePointIndex(pages[f].textContent)
    const rendered = new CodePointIndex(normaliseText(pages[f].innerText))
    for (const row of rows[f]) {
      const sel = selectorOf(row, tc)
      const r = anchor(rendered, sel)
      expect(r.status, row.text).toBe('moved')
      expect(rendered.slice(r.start, r.end), row.text).toBe(sel.exact)
    }
  })

  it('the importer reads Hypothesis\'s API file as is and places every annotation, in both extractions', () => {
    const file = JSON.parse(readFileSync(path.join(DIR, 'wikipedia-regression-testing.json'), 'utf8'))
    const parsed = parseW3cAnnotations(file)
    expect(parsed.problems).toEqual([])
    expect(parsed.annotations.map((a) => a.bodies.notes)).toEqual([['Footer'], ['Body'], ['Quote'], ['Introduction'], ['Heading']])
    for (const text of [pages[1].textContent, normaliseText(pages[1].innerText)]) {
      const index = new CodePointIndex(text)
      const placed = anchorW3cAnnotations(index, parsed.annotations)
      for (const [i, p] of placed.entries()) {
        expect(p.result.status, p.bodies.notes[0]).not.toBe('orphaned')
        expect(index.slice(p.result.start, p.result.end)).toBe(parsed.annotations[i].selector!.exact)
      }
    }
  })
})

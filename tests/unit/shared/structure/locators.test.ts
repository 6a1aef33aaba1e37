import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findChapters } from '../../../../src/shared/compare/segment'
import type { Block } from '../../../../src/shared/model/document'
import { parseLocator } from '../../../../src/shared/structure/parse-locator'
import { resolveLocator, type HeadingInfo } from '../../../../src/shared/structure/resolve-locator'
import { normaliseText } from '../../../../src/shared/text/normalise'

describe('parsing locators', () => {
  it('reads pages, folios, chapters, sections and lines, with ranges and abbreviated ends', () => {
    expect(parseLocator('p. 39').parts).toEqual([{ kind: 'page', from: '39', to: '39' }])
    expect(parseLocator('pp. 339–342').parts).toEqual([{ kind: 'page', from: '339', to: '342' }])
    expect(parseLocator('pp. 339-42').parts).toEqual([{ kind: 'page', from: '339', to: '342' }])
    expect(parseLocator('fol. 12r').parts).toEqual([{ kind: 'folio', from: '12r', to: '12r' }])
    expect(parseLocator('ff. 12r–13v').parts).toEqual([{ kind: 'folio', from: '12r', to: '13v' }])
    expect(parseLocator('ch. LXIV').parts).toEqual([{ kind: 'chapter', from: 'LXIV', to: 'LXIV' }])
    expect(parseLocator('chapters LXIV–LXV').parts).toEqual([{ kind: 'chapter', from: 'LXIV', to: 'LXV' }])
    expect(parseLocator('§ 3').parts).toEqual([{ kind: 'section', from: '3', to: '3' }])
    expect(parseLocator('p. 39, ll. 3–9').parts).toEqual([{ kind: 'page', from: '39', to: '39' }, { kind: 'line', from: '3', to: '9' }])
    expect(parseLocator('vol. 6, ch. LXIV').parts).toEqual([{ kind: 'chapter', from: 'LXIV', to: 'LXIV' }])
    expect(parseLocator('passim').parts).toEqual([])
  })
})

/** A text of six printed pages (xi, xii, 1, 2, 3, 4) of 100 code points each, ten lines per page. */
function paged(): { blocks: Block[]; length: number } {
  const labels = ['xi', 'xii', '1', '2', '3', '4']
  const blocks: Block[] = []
  labels.forEach((label, i) => {
    blocks.push({ kind: 'page', start: i * 100, end: (i + 1) * 100, label })
    for (let l = 0; l < 10; l++) blocks.push({ kind: 'line', start: i * 100 + l * 10, end: i * 100 + (l + 1) * 10, label: String(l + 1) })
  })
  return { blocks, length: 600 }
}

describe('resolving locators against a document structure', () => {
  it('finds a page and a page range by printed label, Roman front matter included', () => {
    const { blocks, length } = paged()
    expect(resolveLocator('p. 2', blocks, [], length).ranges).toEqual([{ start: 300, end: 400, label: 'p. 2' }])
    expect(resolveLocator('pp. 1–3', blocks, [], length).ranges).toEqual([{ start: 200, end: 500, label: 'p. 1 – p. 3' }])
    expect(resolveLocator('p. xii', blocks, [], length).ranges).toEqual([{ start: 100, end: 200, label: 'p. xii' }])
  })
  it('finds lines inside the cited page, not every page’s line 5', () => {
    const { blocks, length } = paged()
    expect(resolveLocator('p. 2, l. 5', blocks, [], length).ranges).toEqual([{ start: 340, end: 350, label: 'l. 5' }])
    expect(resolveLocator('p. 2, ll. 3–4', blocks, [], length).ranges).toEqual([{ start: 320, end: 340, label: 'l. 3 – l. 4' }])
  })
  it('finds folios by side, and both sides for a bare leaf number', () => {
    const blocks: Block[] = ['11v', '12r', '12v', '13r'].map((label, i) => ({ kind: 'page', start: i * 50, end: (i + 1) * 50, label }))
    expect(resolveLocator('fol. 12r', blocks, [], 200).ranges).toEqual([{ start: 50, end: 100, label: 'fol. 12r' }])
    expect(resolveLocator('fol. 12', blocks, [], 200).ranges.map((r) => [r.start, r.end])).toEqual([[50, 150]])
  })
  it('reports what it cannot resolve instead of guessing', () => {
    const { blocks, length } = paged()
    const r = resolveLocator('p. 99', blocks, [], length)
    expect(r.ranges).toEqual([])
    expect(r.unresolved).toEqual([{ kind: 'page', from: '99', to: '99' }])
    expect(resolveLocator('p. 3', [], [], 100).unresolved).toHaveLength(1)
  })
  it('resolves chapters of Gibbon by the numbers printed in their headings', () => {
    const text = normaliseText(readFileSync(resolve(__dirname, '../../../../documents/gibbon-vol6-ch64-65.txt'), 'utf8'))
    const headings: HeadingInfo[] = findChapters(text).map((c) => ({ start: c.start, end: c.start + c.label.length, level: 1, text: c.label }))
    const one = resolveLocator('ch. LXV', [], headings, [...text].length)
    expect(one.ranges).toHaveLength(1)
    expect(one.ranges[0].label).toMatch(/^Chapter LXV\b/)
    const chars = [...text]
    expect(chars.slice(one.ranges[0].start, one.ranges[0].start + 11).join('')).toBe('Chapter LXV')
    const both = resolveLocator('chapters LXIV–LXV', [], headings, chars.length)
    expect(both.ranges).toHaveLength(1)
    expect(both.ranges[0].start).toBeLessThan(one.ranges[0].start)
    expect(both.ranges[0].end).toBe(one.ranges[0].end)
    expect(resolveLocator('chap. 64', [], headings, chars.length).ranges[0].start).toBe(both.ranges[0].start)
  })
  it('resolves a section heading carrying its label', () => {
    const headings: HeadingInfo[] = [
      { start: 0, end: 10, level: 2, label: '1', text: 'Origins' },
      { start: 50, end: 60, level: 3, label: '2', text: 'The siege' },
      { start: 80, end: 90, level: 2, label: '3', text: 'Aftermath' }
    ]
    expect(resolveLocator('§ 2', [], headings, 120).ranges).toEqual([{ start: 50, end: 80, label: 'The siege' }])
    expect(resolveLocator('§ 3', [], headings, 120).ranges).toEqual([{ start: 80, end: 120, label: 'Aftermath' }])
  })
})

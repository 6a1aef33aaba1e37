import { describe, expect, it } from 'vitest'
import { ann, block, bodyTree } from './tei-body-kit'

// Page milestones in the TEI body, element by element: a <pb n="label"/> where the page begins (a
// page beginning between blocks at the start of the next block), in the right order beside the
// highlights that end and begin at the same place. Offsets are code points.

const TEXT = 'Alpha beta.\n\nGamma delta.' // paragraphs [0, 11) and [13, 25)
const PARAS = [block('paragraph', 0, 11), block('paragraph', 13, 25)]
const page = (start: number, label?: string) => block('page', start, start + 1, label === undefined ? {} : { label })
const pb = (n: string) => ['pb', { n }]
const seg = (id: string, ...children: unknown[]) => ['seg', { 'xml:id': id }, ...children]

describe('TEI body page milestones', () => {
  it('writes a page break inside a paragraph where the page begins, with its printed label', () => {
    expect(bodyTree(TEXT, [...PARAS, page(0, 'xii'), page(6, '339'), page(19, '12r')])).toEqual([
      ['p', pb('xii'), 'Alpha ', pb('339'), 'beta.'],
      ['p', 'Gamma ', pb('12r'), 'delta.']
    ])
  })

  it('moves a page that begins at a paragraph\'s end or between paragraphs to the start of the next one', () => {
    expect(bodyTree(TEXT, [...PARAS, page(11, '2')])).toEqual([['p', 'Alpha beta.'], ['p', pb('2'), 'Gamma delta.']])
    expect(bodyTree(TEXT, [...PARAS, page(12, '2')])).toEqual([['p', 'Alpha beta.'], ['p', pb('2'), 'Gamma delta.']])
    expect(bodyTree(TEXT, [page(13, '2'), ...PARAS])).toEqual([['p', 'Alpha beta.'], ['p', pb('2'), 'Gamma delta.']])
  })

  it('puts a page before the first block at that block\'s start, and one at the very end of the text at the end of the last', () => {
    const text = '\n\nAlpha.\n'
    expect(bodyTree(text, [page(0, '1'), block('page', 9, 9, { label: 'end' })])).toEqual([['p', pb('1'), 'Alpha.', pb('end')]])
    expect(bodyTree(TEXT, [...PARAS, block('page', 25, 25, { label: '3' })])).toEqual([['p', 'Alpha beta.'], ['p', 'Gamma delta.', pb('3')]])
  })

  it('leaves out a page that begins outside the text, and writes <pb/> without n for a page without a label', () => {
    expect(bodyTree(TEXT, [...PARAS, page(-1, 'before'), page(26, 'after'), page(6)])).toEqual([['p', 'Alpha ', ['pb'], 'beta.'], ['p', 'Gamma delta.']])
  })

  it('keeps a label with markup characters as written', () => {
    expect(bodyTree(TEXT, [...PARAS, page(6, '3"<4>&')])).toEqual([['p', 'Alpha ', pb('3"<4>&'), 'beta.'], ['p', 'Gamma delta.']])
  })

  it('writes at one position what ends, then the page break, then what begins', () => {
    // "a " ends and "beta." begins where page 339 begins; a highlight crossing "Alph" ends and one crossing into the next paragraph begins there too.
    const structure = [...PARAS, page(6, '339')]
    const anns = [ann('c', 0, 4), ann('x', 2, 6), ann('a', 4, 6), ann('b', 6, 11), ann('y', 6, 15)]
    expect(bodyTree(TEXT, structure, anns)).toEqual([
      ['p', seg('c', 'Al', ['anchor', { 'xml:id': 'x.s' }], 'ph'), seg('a', 'a '), ['anchor', { 'xml:id': 'x.e' }], pb('339'),
        ['anchor', { 'xml:id': 'y.s' }], seg('b', 'beta.')],
      ['p', 'Ga', ['anchor', { 'xml:id': 'y.e' }], 'mma delta.']
    ])
  })

  it('places a page break in a blank text in its one paragraph', () => {
    expect(bodyTree('', [block('page', 0, 0, { label: '1' })])).toEqual([['p', pb('1')]])
  })
})

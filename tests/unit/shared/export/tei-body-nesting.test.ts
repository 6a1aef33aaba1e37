import { describe, expect, it } from 'vitest'
import { ann, block, body, bodyTree, span, tree } from './tei-body-kit'

// Highlights in the TEI body, element by element: the outer one first, nested ones inside it, one
// that crosses another (or a block boundary) as a pair of <anchor>s where its ends are, returned in
// `crossing` for the standOff. Offsets are code points.

const seg = (id: string, ...children: unknown[]) => ['seg', { 'xml:id': id }, ...children]
const anchor = (id: string) => ['anchor', { 'xml:id': id }]

const LINE = 'Manuel II sought help in Venice and Paris.'
const para = [block('paragraph', 0, LINE.length)]

describe('TEI body nesting', () => {
  it('nests highlights inside the longer one that starts with or before them, in the order given or any other', () => {
    const name = ann('name', ...span(LINE, 'Manuel II'))
    const clause = ann('clause', ...span(LINE, 'Manuel II sought help'))
    const help = ann('help', ...span(LINE, 'help'))
    const city = ann('city', ...span(LINE, 'Venice'))
    const expected = [['p',
      seg('clause', seg('name', 'Manuel II'), ' sought ', seg('help', 'help')),
      ' in ', seg('city', 'Venice'), ' and Paris.']]
    // As exports pass them: by start, then end, then id.
    expect(bodyTree(LINE, para, [name, clause, help, city])).toEqual(expected)
    expect(bodyTree(LINE, para, [city, help, clause, name])).toEqual(expected)
    expect(bodyTree(LINE, para, [clause, city, name, help])).toEqual(expected)
    expect(body(LINE, para, [city, help, clause, name]).crossing).toEqual([])
  })

  it('nests two highlights of the same words the same way whatever order they come in (the later id outside)', () => {
    const [s, e] = span(LINE, 'Venice')
    const expected = [['p', 'Manuel II sought help in ', seg('b', seg('a', 'Venice')), ' and Paris.']]
    expect(bodyTree(LINE, para, [ann('a', s, e), ann('b', s, e)])).toEqual(expected)
    expect(bodyTree(LINE, para, [ann('b', s, e), ann('a', s, e)])).toEqual(expected)
    const three = [['p', 'Manuel II sought help in ', seg('c', seg('b', seg('a', 'Venice'))), ' and Paris.']]
    expect(bodyTree(LINE, para, [ann('a', s, e), ann('b', s, e), ann('c', s, e)])).toEqual(three)
    expect(bodyTree(LINE, para, [ann('b', s, e), ann('c', s, e), ann('a', s, e)])).toEqual(three)
  })

  it('orders runs of equal starts longest first among sorted highlights across the block', () => {
    const anns = [
      ann('m', ...span(LINE, 'Manuel')), ann('mii', ...span(LINE, 'Manuel II')),
      ann('v', ...span(LINE, 'Venice')), ann('vp', ...span(LINE, 'Venice and Paris')), ann('vp2', ...span(LINE, 'Venice and Paris.'))
    ]
    expect(bodyTree(LINE, para, anns)).toEqual([['p',
      seg('mii', seg('m', 'Manuel'), ' II'), ' sought help in ',
      seg('vp2', seg('vp', seg('v', 'Venice'), ' and Paris'), '.')]])
  })

  it('writes side by side highlights that meet at one position both inline', () => {
    expect(bodyTree(LINE, para, [ann('a', ...span(LINE, 'Manuel ')), ann('b', ...span(LINE, 'II'))])).toEqual([
      ['p', seg('a', 'Manuel '), seg('b', 'II'), ' sought help in Venice and Paris.']
    ])
  })

  it('writes a highlight over a whole block inline, and one crossing another as anchors at its two ends', () => {
    const whole = ann('whole', 0, LINE.length)
    const first = ann('first', ...span(LINE, 'Manuel II'))
    const cross = ann('cross', ...span(LINE, 'II sought'))
    const out = body(LINE, para, [whole, first, cross])
    expect(bodyTree(LINE, para, [whole, first, cross])).toEqual([['p',
      seg('whole', seg('first', 'Manuel ', anchor('cross.s'), 'II'), ' sought', anchor('cross.e'), ' help in Venice and Paris.')]])
    expect(out.crossing).toEqual([{ a: cross, from: 'cross.s', to: 'cross.e' }])
  })

  it('marks an empty highlight with one anchor where it is', () => {
    const empty = ann('gap', 7, 7)
    expect(bodyTree(LINE, para, [empty])).toEqual([['p', 'Manuel ', anchor('gap.at'), 'II sought help in Venice and Paris.']])
    expect(body(LINE, para, [empty]).crossing).toEqual([{ a: empty, from: 'gap.at', to: 'gap.at' }])
  })

  describe('a highlight across paragraphs', () => {
    const text = 'Alpha beta.\n\nGamma delta.'
    const paras = [block('paragraph', 0, 11), block('paragraph', 13, 25)]

    it('starts in the first and ends in the second paragraph, inline ones in each block nesting on their own', () => {
      const across = ann('x', ...span(text, 'beta.\n\nGamma'))
      const inFirst = ann('in1', ...span(text, 'Alpha'))
      const inSecond = ann('in2', ...span(text, 'delta'))
      expect(bodyTree(text, paras, [inFirst, across, inSecond])).toEqual([
        ['p', seg('in1', 'Alpha'), ' ', anchor('x.s'), 'beta.'],
        ['p', 'Gamma', anchor('x.e'), ' ', seg('in2', 'delta'), '.']
      ])
      expect(body(text, paras, [inFirst, across, inSecond]).crossing).toEqual([{ a: across, from: 'x.s', to: 'x.e' }])
    })

    it('puts a start at a paragraph\'s end or in the blank between into the next paragraph, and an end at a paragraph\'s start into the previous one', () => {
      expect(bodyTree(text, paras, [ann('x', 11, 18)])).toEqual([['p', 'Alpha beta.'], ['p', anchor('x.s'), 'Gamma', anchor('x.e'), ' delta.']])
      expect(bodyTree(text, paras, [ann('x', 12, 18)])).toEqual([['p', 'Alpha beta.'], ['p', anchor('x.s'), 'Gamma', anchor('x.e'), ' delta.']])
      expect(bodyTree(text, paras, [ann('x', 6, 13)])).toEqual([['p', 'Alpha ', anchor('x.s'), 'beta.', anchor('x.e')], ['p', 'Gamma delta.']])
      expect(bodyTree(text, paras, [ann('x', 6, 12)])).toEqual([['p', 'Alpha ', anchor('x.s'), 'beta.', anchor('x.e')], ['p', 'Gamma delta.']])
    })

    it('writes a highlight over the blank between paragraphs as its start then its end anchor, at the next paragraph\'s start', () => {
      expect(bodyTree(text, paras, [ann('x', 11, 13)])).toEqual([['p', 'Alpha beta.'], ['p', anchor('x.s'), anchor('x.e'), 'Gamma delta.']])
      expect(bodyTree(text, paras, [ann('x', 11, 13), ann('g', 13, 18)])).toEqual([
        ['p', 'Alpha beta.'], ['p', anchor('x.s'), anchor('x.e'), seg('g', 'Gamma'), ' delta.']
      ])
    })

    it('puts a start at a paragraph\'s start at that start, not at the end of the paragraph before', () => {
      expect(bodyTree(text, paras, [ann('at', 13, 13)])).toEqual([['p', 'Alpha beta.'], ['p', anchor('at.at'), 'Gamma delta.']])
      const three = `${text}\n\nEpsilon.`
      expect(bodyTree(three, [...paras, block('paragraph', 27, 35)], [ann('x', 13, 30)])).toEqual([
        ['p', 'Alpha beta.'], ['p', anchor('x.s'), 'Gamma delta.'], ['p', 'Eps', anchor('x.e'), 'ilon.']
      ])
    })

    it('marks an empty highlight at the end of the text at the end of the last paragraph', () => {
      expect(bodyTree(text, paras, [ann('end', 25, 25)])).toEqual([['p', 'Alpha beta.'], ['p', 'Gamma delta.', anchor('end.at')]])
      const trailing = `${text}\n\n`
      expect(bodyTree(trailing, paras, [ann('end', 27, 27)])).toEqual([['p', 'Alpha beta.'], ['p', 'Gamma delta.', anchor('end.at')]])
    })
  })

  it('anchors a highlight over blank text before the first block at that block\'s start', () => {
    const text = '  Alpha beta'
    expect(bodyTree(text, [], [ann('x', 0, 4)])).toEqual([['p', anchor('x.s'), 'Al', anchor('x.e'), 'pha beta']])
    expect(bodyTree(text, [], [ann('y', 0, 2)])).toEqual([['p', anchor('y.s'), anchor('y.e'), 'Alpha beta']])
    expect(body(text, [], [ann('x', 0, 4)]).crossing.map((c) => [c.from, c.to])).toEqual([['x.s', 'x.e']])
  })

  it('keeps astral characters and combining marks whole inside highlights (offsets in code points)', () => {
    const text = 'Ἰωάννης ruled 𝔊 Constantinople, cafe\u0301 🏛.'
    const anns = [ann('g', ...span(text, '𝔊')), ann('cafe', ...span(text, 'cafe\u0301')), ann('temple', ...span(text, '🏛.'))]
    expect(bodyTree(text, [block('paragraph', 0, [...text].length)], anns)).toEqual([['p',
      'Ἰωάννης ruled ', seg('g', '𝔊'), ' Constantinople, ', seg('cafe', 'cafe\u0301'), ' ', seg('temple', '🏛.')]])
  })

  it('writes an empty text as one empty paragraph, and anchors a highlight in a blank text inside it', () => {
    expect(bodyTree('', [])).toEqual([['p']])
    const blank = body(' \n ', [], [ann('b', 0, 2)])
    expect(tree(blank.xml)).toEqual([['p', seg('b', ' \n'), ' ']])
    expect(blank.crossing).toEqual([])
    const empty = body('', [], [ann('e', 0, 0)])
    expect(tree(empty.xml)).toEqual([['p', anchor('e.at')]])
    expect(empty.crossing.map((c) => [c.from, c.to])).toEqual([['e.at', 'e.at']])
  })
})

import { describe, expect, it } from 'vitest'
import type { Block } from '../../../../src/shared/model'
import { block, bodyTree, span } from './tei-body-kit'

// The TEI body's layout, element by element: which blocks become which elements, how headings
// nest as <div>s, where lists open and close, and what text each element holds (whitespace at
// block edges included). Offsets are code points.

/** Blocks for `lines` joined by '\n': each line given as [kind, text, extra]. */
function lines(spec: [Block['kind'], string, Partial<Block>?][]): { text: string; structure: Block[] } {
  const text = spec.map(([, t]) => t).join('\n')
  let from = 0
  const structure = spec.map(([kind, t, extra]) => {
    const b = block(kind, from, from + [...t].length, extra)
    from = b.end + 1
    return b
  })
  return { text, structure }
}

const div = (level: number, n?: string) => ({ type: 'section', subtype: `level${level}`, ...(n ? { n } : {}) })

describe('TEI body layout', () => {
  it('opens a <div> per heading, nested by level: a deeper heading inside, the same or a shallower one closes first', () => {
    const { text, structure } = lines([
      ['title', 'The Decline'],
      ['paragraph', 'Intro para.'],
      ['heading', 'Chapter I', { label: 'I' }], // no level: a heading is level 2
      ['paragraph', 'Para one.'],
      ['heading', 'Section 1', { level: 3 }],
      ['paragraph', 'Para two.'],
      ['heading', 'Section 2', { level: 3 }],
      ['paragraph', 'Para three.'],
      ['heading', 'Chapter II', { level: 2, label: 'II' }],
      ['paragraph', 'Para four.'],
      ['heading', 'Deep', { level: 4 }],
      ['paragraph', 'Para five.']
    ])
    expect(bodyTree(text, structure)).toEqual([
      ['head', { type: 'title', subtype: 'level1' }, 'The Decline'], // no level: a title is level 1
      ['p', 'Intro para.'],
      ['div', div(2, 'I'),
        ['head', 'Chapter I'],
        ['p', 'Para one.'],
        ['div', div(3), ['head', 'Section 1'], ['p', 'Para two.']],
        ['div', div(3), ['head', 'Section 2'], ['p', 'Para three.']]],
      ['div', div(2, 'II'),
        ['head', 'Chapter II'],
        ['p', 'Para four.'],
        ['div', div(4), ['head', 'Deep'], ['p', 'Para five.']]]
    ])
  })

  it('lays out a title that is not the first block as a division of its level, holding the headings below it', () => {
    const { text, structure } = lines([
      ['paragraph', 'Preface.'],
      ['title', 'Book One'],
      ['paragraph', 'Opening.'],
      ['heading', 'Part A'],
      ['paragraph', 'Body A.'],
      ['title', 'Book Two', { level: 1, label: '2' }],
      ['paragraph', 'Closing.']
    ])
    expect(bodyTree(text, structure)).toEqual([
      ['p', 'Preface.'],
      ['div', div(1), ['head', { type: 'title' }, 'Book One'], ['p', 'Opening.'],
        ['div', div(2), ['head', 'Part A'], ['p', 'Body A.']]],
      ['div', div(1, '2'), ['head', { type: 'title' }, 'Book Two'], ['p', 'Closing.']]
    ])
  })

  it('gathers consecutive list items into one <list>, closed before the next paragraph, heading or the end', () => {
    const { text, structure } = lines([
      ['paragraph', 'Witnesses:'],
      ['list-item', 'Sphrantzes'],
      ['list-item', 'Doukas'],
      ['paragraph', 'and later:'],
      ['list-item', 'Gibbon'],
      ['heading', 'Sources', { level: 2 }],
      ['list-item', 'Chalkokondyles'],
      ['list-item', 'Kritoboulos']
    ])
    expect(bodyTree(text, structure)).toEqual([
      ['p', 'Witnesses:'],
      ['list', ['item', 'Sphrantzes'], ['item', 'Doukas']],
      ['p', 'and later:'],
      ['list', ['item', 'Gibbon']],
      ['div', div(2), ['head', 'Sources'], ['list', ['item', 'Chalkokondyles'], ['item', 'Kritoboulos']]]
    ])
  })

  it('writes notes as <note> and verse line groups as <ab> with an <lb n> where each line begins', () => {
    const verse = 'Arma virumque cano,\nTroiae qui primus ab oris'
    const text = `Virgil begins:\n${verse}\nA note on the metre.`
    const [vs, ve] = span(text, verse)
    const structure = [
      block('paragraph', ...span(text, 'Virgil begins:')),
      block('line-group', vs, ve),
      block('line', vs, vs + 20, { label: '1' }),
      block('line', vs + 20, ve, { label: '2' }),
      block('note', ...span(text, 'A note on the metre.'))
    ]
    expect(bodyTree(text, structure)).toEqual([
      ['p', 'Virgil begins:'],
      ['ab', ['lb', { n: '1' }], 'Arma virumque cano,\n', ['lb', { n: '2' }], 'Troiae qui primus ab oris'],
      ['note', 'A note on the metre.']
    ])
  })

  it('makes a paragraph of text no block covers, without the whitespace at its edges, and none of blank text', () => {
    // Four whitespace characters before, three after: the leading and trailing counts differ.
    const text = '  \n Lead para. \n\t==Head==\n \t\nBody text\n\n  Tail, with  inner  spaces.\n\n '
    const structure = [block('heading', ...span(text, '==Head=='), { level: 2 }), block('paragraph', ...span(text, 'Body text'))]
    expect(bodyTree(text, structure)).toEqual([
      ['p', 'Lead para.'],
      ['div', div(2), ['head', '==Head=='], ['p', 'Body text'], ['p', 'Tail, with  inner  spaces.']]
    ])
  })

  it('keeps a block\'s own text as given, whitespace and escapes included', () => {
    const text = ' a < b & "c" \n'
    expect(bodyTree(text, [block('paragraph', 0, [...text].length)])).toEqual([['p', ' a < b & "c" \n']])
  })

  it('ignores blocks outside the text or empty, and lays their text out as paragraphs', () => {
    const text = 'Alpha beta gamma'
    const structure = [
      block('heading', -2, 5, { level: 2 }),
      block('heading', 6, 99, { level: 2 }),
      block('heading', 6, 6, { level: 2 }),
      block('heading', 10, 6, { level: 2 })
    ]
    expect(bodyTree(text, structure)).toEqual([['p', 'Alpha beta gamma']])
  })

  it('lays blocks out in text order whatever order the structure lists them in', () => {
    const { text, structure } = lines([['heading', 'Head', { level: 2 }], ['paragraph', 'First.'], ['paragraph', 'Second.']])
    const expected = [['div', div(2), ['head', 'Head'], ['p', 'First.'], ['p', 'Second.']]]
    expect(bodyTree(text, [structure[2], structure[0], structure[1]])).toEqual(expected)
    expect(bodyTree(text, [structure[1], structure[2], structure[0]])).toEqual(expected)
  })

  it('of two blocks starting together keeps the longer, and writes an overlapping block from where the previous ended', () => {
    const text = 'Alpha beta\nrest of it'
    const whole = block('heading', 0, 10, { level: 2 })
    const inner = block('paragraph', 0, 5)
    const expected = [['div', div(2), ['head', 'Alpha beta'], ['p', 'rest of it']]]
    expect(bodyTree(text, [inner, whole])).toEqual(expected)
    expect(bodyTree(text, [whole, inner])).toEqual(expected)
    // A paragraph ending where the heading ends, one inside it, one overlapping its end.
    expect(bodyTree(text, [whole, block('paragraph', 6, 10), block('paragraph', 2, 4), block('paragraph', 8, 15)])).toEqual([
      ['div', div(2), ['head', 'Alpha beta'], ['p', '\nrest'], ['p', 'of it']]
    ])
  })
})

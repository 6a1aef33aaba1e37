import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Annotation, Block } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { ann, block, span, tree } from './tei-body-kit'

// The element names of the TEI body: each block kind's element, and highlights written as elements
// of different names (as TEI writes persName, placeName, date…), so that a wrong nesting shows as
// mismatched end tags. Offsets are code points.

// The block-kind → element table is a module-level constant: each test imports tei-body afresh, so
// that a changed entry (mutation testing) is seen; a module evaluated once would keep the first table.
type M = typeof import('../../../../src/shared/export/tei-body')
let buildBody: M['buildBody']
beforeEach(async () => {
  vi.resetModules()
  ;({ buildBody } = await import('../../../../src/shared/export/tei-body'))
})

/** The body's tree; each highlight an element named by `names` (its id → element name). */
function bodyTree(text: string, structure: Block[], annotations: Annotation[] = [], names: Record<string, string> = {}) {
  const { xml } = buildBody({
    index: new CodePointIndex(text),
    structure,
    annotations,
    inline: (a) => ({ name: names[a.id] ?? 'seg', open: `<${names[a.id] ?? 'seg'} xml:id="${a.id}">` }),
    anchorIds: (a) => [`${a.id}.s`, `${a.id}.e`]
  })
  return tree(xml)
}

describe('TEI body element names', () => {
  it('writes each block kind as its TEI element', () => {
    const text = 'Title\nHeading\nA paragraph.\nAn item.\nA note.\nA verse line'
    const structure = [
      block('title', ...span(text, 'Title')), block('heading', ...span(text, 'Heading')), block('paragraph', ...span(text, 'A paragraph.')),
      block('list-item', ...span(text, 'An item.')), block('note', ...span(text, 'A note.')), block('line-group', ...span(text, 'A verse line'))
    ]
    expect(bodyTree(text, structure)).toEqual([
      ['head', { type: 'title', subtype: 'level1' }, 'Title'],
      ['div', { type: 'section', subtype: 'level2' },
        ['head', 'Heading'], ['p', 'A paragraph.'], ['list', ['item', 'An item.']], ['note', 'A note.'], ['ab', 'A verse line']]
    ])
  })

  it('nests highlights of different element names the same way whatever order they come in', () => {
    const line = 'Manuel II sought help in Venice and Paris.'
    const names = { clause: 'seg', name: 'persName', help: 'rs', city: 'placeName' }
    const anns = [ann('name', ...span(line, 'Manuel II')), ann('clause', ...span(line, 'Manuel II sought help')), ann('help', ...span(line, 'help')), ann('city', ...span(line, 'Venice'))]
    const expected = [['p',
      ['seg', { 'xml:id': 'clause' }, ['persName', { 'xml:id': 'name' }, 'Manuel II'], ' sought ', ['rs', { 'xml:id': 'help' }, 'help']],
      ' in ', ['placeName', { 'xml:id': 'city' }, 'Venice'], ' and Paris.']]
    const para = [block('paragraph', 0, line.length)]
    expect(bodyTree(line, para, [anns[1], anns[0], anns[2], anns[3]], names)).toEqual(expected)
    expect(bodyTree(line, para, [anns[3], anns[2], anns[1], anns[0]], names)).toEqual(expected)
    expect(bodyTree(line, para, [anns[2], anns[3], anns[0], anns[1]], names)).toEqual(expected)
    // Starts only falling: the inner one given first.
    expect(bodyTree(line, para, [anns[2], anns[1]], names)).toEqual([['p',
      ['seg', { 'xml:id': 'clause' }, 'Manuel II sought ', ['rs', { 'xml:id': 'help' }, 'help']], ' in Venice and Paris.']])
  })
})

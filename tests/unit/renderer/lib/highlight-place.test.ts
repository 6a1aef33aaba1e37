/** Two highlights of the same words, told apart by page or paragraph and context (relation editor). */
import { describe, expect, it } from 'vitest'
import { highlightChoiceLabel, highlightName, placeOf } from '../../../../src/renderer/lib/highlight-place'
import type { Annotation, Block } from '../../../../src/shared/model'

const ann = (start: number, prefix: string, suffix: string): Annotation =>
  ({ id: `a${start}`, documentId: 'd', target: { start, end: start + 9, exact: 'Manuel II', prefix, suffix } }) as Annotation

describe('highlight place', () => {
  const paragraphs: Block[] = [{ kind: 'title', start: 0, end: 10 }, { kind: 'paragraph', start: 10, end: 100 }, { kind: 'paragraph', start: 100, end: 200 }]
  it('names the paragraph, or the printed page when there is one', () => {
    expect(placeOf(paragraphs, 150)).toBe('¶ 2')
    expect(placeOf([...paragraphs, { kind: 'page', start: 90, end: 200, label: '341' }], 150)).toBe('p. 341')
    expect(placeOf(paragraphs, 5)).toBe('')
  })
  it('gives identical quotes different labels by their place and context', () => {
    const a = highlightChoiceLabel(ann(40, 'the son of his uncle ', ', who succeeded his father.'), paragraphs)
    const b = highlightChoiceLabel(ann(150, 'relations with ', ' were good'), paragraphs)
    expect(a).toBe('“Manuel II” · ¶ 1 · …the son of his uncle Manuel II, who succeeded his fath…')
    expect(b).toBe('“Manuel II” · ¶ 2 · …relations with Manuel II were good…')
    expect(highlightName(ann(150, '', ''), paragraphs)).toBe('“Manuel II” (¶ 2)')
  })
})

import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { KWIC_COLUMNS, kwicCsv, kwicLine, sortKwic } from '../../../../src/shared/corpus/kwic'
import { verificationOverview } from '../../../../src/shared/corpus/verification-overview'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { fixtureProject } from '../../../helpers/export-fixture'

describe('concordance lines', () => {
  const text = new CodePointIndex('— Manuel II sailed.\nThen Andronikos IV rebelled. Later the Emperor Manuel wrote; Álvaro met Manuel.')
  const doc = { id: 'd', title: 'T' }
  const at = (word: string, k = 1) => {
    let u = -1
    for (let i = 0; i < k; i++) u = text.text.indexOf(word, u + 1)
    return [text.toCodePoint(u), text.toCodePoint(u + word.length)] as const
  }
  const lines = [1, 2, 3].map((k) => kwicLine(doc, text, ...at('Manuel', k), 12))

  it('puts the keyword between left and right context of the given width in code points, line breaks as spaces', () => {
    expect(lines[0]).toMatchObject({ keyword: 'Manuel', left: '— ', right: ' II sailed. ' })
    expect([...lines[2].left]).toHaveLength(12)
    expect(lines[1].left).toBe('the Emperor ')
  })

  it('sorts by the nearest word on the left, or the words on the right, folded', () => {
    // Left words: "" (start), "emperor", "met"; right words: "ii", "wrote", "" (end of text after ".").
    expect(sortKwic([...lines], 'left').map((l) => l.left)).toEqual(['— ', 'the Emperor ', ' Álvaro met '])
    expect(sortKwic([...lines].reverse(), 'right').map((l) => l.right)).toEqual(['.', ' II sailed. ', ' wrote; Álva'])
    expect(sortKwic([...lines].reverse(), 'position').map((l) => l.start)).toEqual(lines.map((l) => l.start))
  })

  it('exports as RFC 4180 CSV that reads back', () => {
    const parsed = Papa.parse<string[]>(kwicCsv(lines).trimEnd(), { newline: '\r\n' })
    expect(parsed.data[0]).toEqual([...KWIC_COLUMNS])
    expect(parsed.data[3].slice(4, 7)).toEqual([' Álvaro met ', 'Manuel', '.'])
  })
})

describe('verification overview', () => {
  const { data } = fixtureProject()

  it('lists every claim with a citation, its verdict or unchecked, source passage and discrepancies, with progress', () => {
    const o = verificationOverview(data)
    expect(o.rows.map((r) => [r.annotationId, r.citationId, r.status])).toEqual([
      ['ann_brief', 'cit_gibbon', 'supported'], ['ann_brief', 'cit_zach', 'unchecked'], ['ann_1390', 'cit_zach', 'contradicted']
    ])
    expect(o.rows[2]).toMatchObject({ locator: 'pp. 339-342', sourceExact: 'John', discrepancies: [{ kind: 'date', claim: '1390', source: '1391' }] })
    expect(o.progress).toEqual({ claims: 3, checked: 2, summary: '2 of 3 claims checked', byStatus: { supported: 1, 'partially-supported': 0, contradicted: 1, 'not-found': 0, unchecked: 1 } })
  })

  it('filters claims by verdict and citation link, by the annotation fields, and keeps the progress of what is filtered', () => {
    const contradicted = verificationOverview(data, { verdicts: ['contradicted'] })
    expect(contradicted.rows.map((r) => r.annotationId)).toEqual(['ann_1390'])
    expect(contradicted.progress.summary).toBe('2 of 3 claims checked')
    const zach = verificationOverview(data, { citationIds: ['cit_zach'] })
    expect(zach.rows).toHaveLength(2)
    expect(zach.progress.summary).toBe('1 of 2 claims checked')
    expect(verificationOverview(data, { entityIds: ['ent_1390'] }).rows.map((r) => r.citationId)).toEqual(['cit_zach'])
    expect(verificationOverview(data, { tags: ['greek'] }).progress.summary).toBe('0 of 0 claims checked')
  })
})

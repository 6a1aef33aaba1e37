import { describe, expect, it } from 'vitest'
import type { Comparison, Judgement } from '../../../../src/shared/api/compare'
import { findValue, judgementReason, pageLabelAt, searchedDescription } from '../../../../src/renderer/lib/compare-judgement'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

const judgement = (features: Partial<Judgement['features']>): Judgement => ({
  verdict: 'not-found', confidence: 0.4, pFound: 0.26, pAbsent: 0.4,
  features: { coverage: 0.44, nameCoverage: 0.35, presence: 0.61, margin: 0.11, strength: 0.37, namePresence: 0.75, absentTerms: 0.75, ...features }
})

const comparison = (over: Partial<Comparison>): Comparison => ({
  candidates: [], judgement: judgement({}), parts: { who: [], what: [], when: [], where: [], howMany: [] },
  sourceDocumentId: 's', claim: 'c', ...over
})

describe('judgementReason', () => {
  it('states the shares the judgement read, the margin, and how many claim words the source never uses', () => {
    expect(judgementReason(judgement({}), true)).toBe(
      "The source uses 61% of the claim's words, names and values at all; 75% of its names. The best passage holds 44% of the claim and 35% of its names around it, about as much as the next ones. 3 of the claim's words are nowhere in the source."
    )
  })
  it('leaves names out of a claim without any, and says when the best passage stands out', () => {
    expect(judgementReason(judgement({ margin: 0.9, absentTerms: 0 }), false)).toBe(
      "The source uses 61% of the claim's words, names and values at all. The best passage holds 44% of the claim, well ahead of the next."
    )
  })
})

describe('searchedDescription', () => {
  it('names the whole source when no locator narrowed the search', () => {
    expect(searchedDescription(comparison({}), 'Gibbon vol. 6', 1200)).toBe('Searched all of Gibbon vol. 6 (1200 code points).')
  })
  it('names the cited region with its code points when a locator resolved', () => {
    const c = comparison({ locator: 'p. 39', narrowedTo: { start: 146, end: 360, label: 'p. 39' }, citedRegion: { ranges: [{ start: 146, end: 360, label: 'p. 39' }], unresolved: [] } })
    expect(searchedDescription(c, 'chronicle', 510)).toBe('Searched p. 39 of chronicle first (code points 146–360 of 510), as the locator “p. 39” names, then the rest of it.')
  })
  it('says which part of a locator the source does not have, and that the whole source was searched', () => {
    const c = comparison({ locator: 'p. 999', citedRegion: { ranges: [], unresolved: [{ kind: 'page', from: '999', to: '999' }] } })
    expect(searchedDescription(c, 'chronicle', 510)).toBe('Searched all of chronicle (510 code points) for the locator “p. 999”. The source has no “p. 999”, so that part of the locator was not used.')
  })
})

describe('pageLabelAt', () => {
  it('gives the printed label of the page holding an offset, ignoring other blocks', () => {
    const blocks = [{ kind: 'paragraph' as const, start: 0, end: 500 }, { kind: 'page' as const, start: 0, end: 146, label: '38' }, { kind: 'page' as const, start: 146, end: 360, label: '39' }]
    expect(pageLabelAt(blocks, 146)).toBe('39')
    expect(pageLabelAt(blocks, 145)).toBe('38')
    expect(pageLabelAt(blocks, 400)).toBeUndefined()
  })
})

describe('findValue', () => {
  it('finds whole-word values case-insensitively, in code points past astral characters', () => {
    const text = new CodePointIndex('𝔊 In 1399 Manuel; in 13990 not. MANUEL left.')
    expect(findValue(text, 0, text.length, '1399')).toEqual([{ start: 5, end: 9 }])
    expect(findValue(text, 0, text.length, 'manuel').map((r) => text.slice(r.start, r.end))).toEqual(['Manuel', 'MANUEL'])
    expect(findValue(text, 11, text.length, 'Manuel').map((r) => r.start)).toEqual([32])
    expect(findValue(text, 0, text.length, '')).toEqual([])
  })
})

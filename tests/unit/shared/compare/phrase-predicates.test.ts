import { beforeAll, describe, expect, it } from 'vitest'
import { loadLexicon } from '../../../../src/main/services/compare-lexicon'
import { analyseClaim } from '../../../../src/shared/compare/claim-analysis'
import { compareWithSource } from '../../../../src/shared/compare/compare'
import { phraseTerm, relatedStems, type Lexicon } from '../../../../src/shared/compare/lexicon'
import { buildSourceIndex, postingsOf } from '../../../../src/shared/compare/source-index'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

// Sentences in Gibbon's manner (Decline and Fall, vol. 6): the first says the act in a phrase; the
// second holds its words apart ("put in mind", "the death of his father"); the third neither.
const GIBBON = [
  'The rebel was put to death in the presence of the emperor, and his head was exposed on the gate.',
  'The death of his father was a heavy blow, and the Greeks were put in mind of their danger.',
  'His brother was treated with kindness, and he expired in peace.'
].join('\n\n')

describe('predicates as phrases (WordNet collocations)', () => {
  let lexicon: Lexicon
  beforeAll(async () => {
    lexicon = (await loadLexicon())!
  }, 60_000)

  it('turns a collocation of two content words or more into a phrase term, and no other', () => {
    expect(phraseTerm('put_to_death')).toBe('put+death')
    expect(phraseTerm('take_flight')).toBe('take+flight')
    expect(phraseTerm('give_up')).toBeUndefined() // one content word says too little
    expect(phraseTerm('execute')).toBeUndefined()
    expect(phraseTerm("jack-o'-lantern")).toBeUndefined()
  })

  it('relates an act to its phrases: executed → put to death, fled → take flight', () => {
    const phrases = (w: string) => relatedStems(lexicon, w).map(([s]) => s).filter((s) => s.includes('+'))
    expect(phrases('executed')).toContain('put+death')
    expect(phrases('fled')).toContain('take+flight')
    expect(phrases('besieged')).toEqual([])
  })

  it('finds a phrase only in a sentence that holds all its words', () => {
    const index = buildSourceIndex(GIBBON)
    // Sentence-level: the index keeps no word positions, so sentence 1, which holds both words
    // apart, counts too (a known limit: the phrase weighs at most the synonym's weight); sentence 2 does not.
    expect(postingsOf(index, 'put+death')).toEqual([0, 1, 1, 1])
    expect(postingsOf(index, 'put+flight')).toBeUndefined()
  })

  it('ranks the sentence that says "put to death" first for a claim that says "executed", and marks both words', () => {
    const index = buildSourceIndex(GIBBON)
    const concepts = analyseClaim('The rebel was executed.', index, { lexicon })
    expect(concepts.find((c) => c.label === 'executed')!.alts.map((a) => a.term)).toContain('put+death')
    const r = compareWithSource(index, new CodePointIndex(GIBBON), { claim: 'The rebel was executed.', lexicon, top: 3 })
    expect(r.candidates[0].exact).toMatch(/^The rebel was put to death/)
    const executed = r.candidates[0].matched.find((m) => m.label === 'executed')!
    expect(executed.source.map((s) => s.text)).toEqual(['put', 'death'])
  })

  it('does not take "his brother expired" for "his brother was executed" through a phrase', () => {
    const index = buildSourceIndex(GIBBON)
    const concepts = analyseClaim('His brother was executed.', index, { lexicon })
    const executed = concepts.find((c) => c.label === 'executed')!
    // "expire" is a synonym of "die", not of "execute": only the phrase and the word's own forms match.
    expect(executed.alts.map((a) => a.term)).not.toContain('expir')
  })
})

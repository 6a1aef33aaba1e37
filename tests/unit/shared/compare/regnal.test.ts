import { describe, expect, it } from 'vitest'
import { analyseClaim } from '../../../../src/shared/compare/claim-analysis'
import { compareWithSource } from '../../../../src/shared/compare/compare'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { rankWindows } from '../../../../src/shared/compare/rank'
import { epithetTermsOf, regnalEpithets, regnalMentions, romanValue } from '../../../../src/shared/compare/regnal'
import { buildSourceIndex } from '../../../../src/shared/compare/source-index'
import { tokenise } from '../../../../src/shared/text/tokenise'

// Gibbon, Decline and Fall, ch. LXIII (Project Gutenberg #895), three passages as printed.
const GIBBON = [
  'By these melancholy events, and the increase of his disorders, the mind of the elder emperor was gradually alienated; and, after many fruitless reproofs, he transferred on another grandson his hopes and affection.',
  'The age of Andronicus was consumed in civil discord. These terrors were quickly realized by the hostile shouts, which proclaimed the titles and victory of Andronicus the younger; and the aged emperor despatched a suppliant message to resign the sceptre.',
  'The elder Andronicus was received in the palace with the honours of his rank, and he wrote to the Venetians of the treaty.',
  'The younger brother of the despot was sent to the Morea with the fleet.'
].join('\n\n')

describe('regnal numbers and epithets', () => {
  it('reads Roman regnal numbers after a name, not elsewhere', () => {
    expect(romanValue('VII')).toBe(7)
    expect(romanValue('IX’s')).toBe(9)
    expect(romanValue('Vex')).toBeUndefined()
    const m = regnalMentions(tokenise("The dissolute behavior of Michael IX's son Andronikos III Palaiologos led to a rift. I went."))
    expect(m.map((x) => [x.norm, x.number])).toEqual([['michael', 9], ['andronikos', 3]])
  })

  it('maps two numbers of one name to elder (lower) and younger (higher), and a lone number to nothing', () => {
    const two = regnalEpithets([tokenise('In 1328 Andronikos III entered Constantinople in triumph and Andronikos II was forced to abdicate.')])
    expect([...two.get('andronikos')!]).toEqual([[2, 'elder'], [3, 'younger']])
    expect(regnalEpithets([tokenise('Andronikos III launched a relief attempt.')]).size).toBe(0)
    // Three of one name: order alone does not say which is "the young" one.
    expect(regnalEpithets([tokenise('Alexius III fled; Alexius IV was imprisoned and Alexius V took the purple.')]).size).toBe(0)
    // The other number may come from the claim's context.
    expect([...regnalEpithets([tokenise('Andronikos III launched a relief attempt.'), tokenise('He had deposed Andronikos II.')]).get('andronikos')!]).toEqual([[2, 'elder'], [3, 'younger']])
  })

  it("records Gibbon's epithets of a name or a title, not of a common noun", () => {
    const terms = (s: string): string[] => epithetTermsOf(tokenise(s))
    expect(terms('the victory of Andronicus the younger; and the aged emperor')).toEqual(['~younger:andronicu', '~elder:*'])
    expect(terms('The elder Andronicus was received')).toEqual(['~elder:andronicu'])
    expect(terms('The younger brother of the despot')).toEqual([])
  })

  it('finds the passage on the younger namesake for "Andronikos III", the elder for "Andronikos II"', () => {
    // Two paragraphs that differ only in the epithet: the names and words alone cannot choose.
    const text = 'The elder Andronicus was received in the palace with the honours of his rank.\n\nThe younger Andronicus was received in the palace with the honours of his rank.'
    const index = buildSourceIndex(text)
    const first = (claim: string, context: string): string => {
      const [w] = rankWindows(index, analyseClaim(claim, index, { context: [context] }), { top: 1 })
      return text.slice(w.start, w.end)
    }
    // The other number of the name is in the claim's neighbouring sentence.
    expect(first('Andronikos III was received in the palace.', 'He had rebelled against his grandfather Andronikos II.')).toMatch(/^The younger/)
    expect(first('Andronikos II was received in the palace.', 'His grandson Andronikos III had rebelled.')).toMatch(/^The elder/)
  })

  it('marks the name and its epithet in the passage found through them', () => {
    const text = 'The victory of Andronicus the younger was proclaimed in the streets.\n\nThe elder Andronicus wept in the palace.'
    const index = buildSourceIndex(text)
    const r = compareWithSource(index, new CodePointIndex(text), { claim: 'The victory of Andronikos III was proclaimed.', context: ['He had rebelled against Andronikos II.'], top: 1 })
    const who = r.candidates[0].matched.find((m) => m.label === 'Andronikos')!
    expect(who.source.map((s) => s.text)).toEqual(['Andronicus', 'younger'])
  })

  it('leaves a lone regnal number to the words: the passage on the act wins whoever the epithet names', () => {
    const index = buildSourceIndex(GIBBON)
    const [w] = rankWindows(index, analyseClaim('Andronikos III proclaimed his victory and the aged emperor resigned the sceptre.', index), { top: 1 })
    expect(GIBBON.slice(w.start, w.end)).toMatch(/victory of Andronicus the younger/)
  })
})

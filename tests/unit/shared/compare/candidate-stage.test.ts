import { describe, expect, it } from 'vitest'
import { analyseClaim } from '../../../../src/shared/compare/claim-analysis'
import { REGION_BOOST, candidateEstimate, conceptImportance, idf, rankWindows, sentenceEvidence } from '../../../../src/shared/compare/rank'
import { SENTENCE_FIELDS as F, buildSourceIndex } from '../../../../src/shared/compare/source-index'

// Gibbon, Decline and Fall: vol. 2 ch. XVII (the Bosphorus; the founding of Byzantium, from its
// note) and vol. 6 ch. LXIV (Bajazet's surname), as the index sees them: one paragraph each.
const BOSPHORUS =
  'The Bosphorus, as it begins to open into the Propontis, passes between Byzantium and Chalcedon. The latter of those cities was built by the Greeks, a few years before the former; and the blindness of its founders, who overlooked the superior advantages of the opposite coast, has been stigmatized by a proverbial expression of contempt.'
const FOUNDING =
  'The navigator Byzas, who was styled the son of Neptune, founded the city 656 years before the Christian æra. His followers were drawn from Argos and Megara. Byzantium was afterwards rebuild and fortified by the Spartan general Pausanias.'
const BAJAZET =
  'The character of Bajazet, the son and successor of Amurath, is strongly expressed in his surname of Ilderim, or the lightning; and he might glory in an epithet, which was drawn from the fiery energy of his soul and the rapidity of his destructive march. In the fourteen years of his reign, he incessantly moved at the head of his armies, from Boursa to Adrianople, from the Danube to the Euphrates.'
const SOURCE = [BOSPHORUS, FOUNDING, BAJAZET].join('\n\n')
const CLAIM = 'Greek settlers from the city-state of Megara founded Byzantium'

describe('candidate stage of the ranking: evidence per sentence and the pruning estimate', () => {
  const index = buildSourceIndex(SOURCE)
  const n = index.sentences.length / F
  const text = (s: number): string => [...SOURCE].slice(index.sentences[s * F], index.sentences[s * F + 1]).join('')
  const sentence = (start: string): number => [...Array(n).keys()].find((s) => text(s).startsWith(start))!

  it('gives a sentence evidence only for the claim words it holds, summed over concepts, with the term that matched', () => {
    const concepts = analyseClaim(CLAIM, index)
    const Q = concepts.length
    const { score, term, own, importance } = sentenceEvidence(index, concepts)
    const megara = concepts.findIndex((c) => c.label === 'Megara')
    const followers = sentence('His followers')
    expect(score[followers * Q + megara]).toBeGreaterThan(0)
    expect(term[followers * Q + megara]).toBe(concepts[megara].alts[0].term)
    for (let s = 0; s < n; s++) expect(own[s]).toBeCloseTo(concepts.reduce((sum, _, q) => sum + score[s * Q + q], 0), 9)
    // Bajazet's surname shares no word with the claim.
    expect(own[sentence('The character of Bajazet')]).toBe(0)
    // Megara is said once in the source, Byzantium three times: the rarer name weighs more.
    const byzantium = concepts.findIndex((c) => c.label === 'Byzantium')
    expect(importance[megara]).toBeGreaterThan(importance[byzantium])
    expect(importance).toEqual(conceptImportance(index, concepts))
    expect(importance[megara]).toBeCloseTo(concepts[megara].weight * idf(index, concepts[megara].alts[0].term), 9)
  })

  it('gives context concepts evidence but no importance (they never count in coverage)', () => {
    const concepts = analyseClaim('Byzas founded the city', index, { context: ['His followers came from Megara'] })
    const megara = concepts.findIndex((c) => c.label === 'Megara')
    expect(concepts[megara].context).toBe(true)
    const { score, importance } = sentenceEvidence(index, concepts)
    expect(importance[megara]).toBe(0)
    expect(score[sentence('His followers') * concepts.length + megara]).toBeGreaterThan(0)
  })

  it('estimates a sentence by its own evidence plus a share of its neighbours’, three times inside a cited region', () => {
    const concepts = analyseClaim(CLAIM, index)
    const { own } = sentenceEvidence(index, concepts)
    const estimate = candidateEstimate(own)
    const followers = sentence('His followers')
    const bajazet = sentence('The character of Bajazet')
    // A sentence without evidence of its own is estimated from the ones near it: less than they hold.
    expect(estimate(bajazet)).toBeGreaterThan(0)
    expect(estimate(bajazet)).toBeLessThan(Math.max(...own))
    expect(estimate(followers)).toBeGreaterThan(own[followers])
    const boosted = candidateEstimate(own, (s) => s === followers)
    expect(boosted(followers)).toBeCloseTo(REGION_BOOST * estimate(followers), 9)
    expect(boosted(bajazet)).toBeCloseTo(estimate(bajazet), 9)
  })

  it('reports each window’s own and surrounding evidence, and no chronology fit for a claim without a year', () => {
    const concepts = analyseClaim(CLAIM, index)
    const { score } = sentenceEvidence(index, concepts)
    const Q = concepts.length
    const windows = rankWindows(index, concepts, { top: 5 })
    expect(windows.length).toBeGreaterThan(1)
    for (const w of windows) {
      let mine = 0
      for (let q = 0; q < Q; q++) {
        let best = 0
        for (let s = w.first; s <= w.last; s++) best = Math.max(best, score[s * Q + q])
        mine += best
      }
      expect(w.evidence).toBeCloseTo(mine, 9)
      expect(w.around).toBeGreaterThanOrEqual(w.evidence - 1e-9)
      expect(w.timeFit).toBe(0)
    }
  })

  it('reports how well the chronology around a window fits the claim’s year: fully at the year, less a few years off', () => {
    // Gibbon's note 66 to ch. LXIV gives the years of John Palæologus and Manuel.
    const note = 'For the reigns of John Palæologus and his son Manuel, from 1354 to 1402, see Ducas, c. 9--15, Phranza, l. i. c. 16--21.'
    const dated = buildSourceIndex([note, BAJAZET].join('\n\n'))
    const fit = (claim: string): number => Math.max(...rankWindows(dated, analyseClaim(claim, dated), { top: 5 }).map((w) => w.timeFit))
    expect(fit('Manuel reigned from 1354')).toBeCloseTo(1, 9)
    expect(fit('Manuel reigned from 1350')).toBeGreaterThan(0)
    expect(fit('Manuel reigned from 1350')).toBeLessThan(1)
    expect(fit('Manuel reigned')).toBe(0)
  })
})

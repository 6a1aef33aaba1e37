import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { isHit, loadSet, ROOT, SETS, textOf } from '../../../../bench/lib/compare-sets'
import { loadLexicon } from '../../../../src/main/services/compare-lexicon'
import { analyseClaim } from '../../../../src/shared/compare/claim-analysis'
import { compareWithSource } from '../../../../src/shared/compare/compare'
import type { Lexicon } from '../../../../src/shared/compare/lexicon'
import { placeableTerms, proximity } from '../../../../src/shared/compare/proximity'
import { idf, rankWindows } from '../../../../src/shared/compare/rank'
import { buildSourceIndex, type SourceIndex } from '../../../../src/shared/compare/source-index'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { tokenise } from '../../../../src/shared/text/tokenise'

// Gibbon, Decline and Fall vol. 2, ch. XVII: the note that tells the founding of Byzantium, and the
// sentence the ranking put first before proximity (it has Byzantium, the Greeks, built, cities, a
// few years — each far from the others).
const FOUNDING =
  'The navigator Byzas, who was styled the son of Neptune, founded the city 656 years before the Christian æra. His followers were drawn from Argos and Megara. Byzantium was afterwards rebuild and fortified by the Spartan general Pausanias.'
const BOSPHORUS =
  'The Bosphorus, as it begins to open into the Propontis, passes between Byzantium and Chalcedon. The latter of those cities was built by the Greeks, a few years before the former; and the blindness of its founders, who overlooked the superior advantages of the opposite coast, has been stigmatized by a proverbial expression of contempt.'
const CLAIM = 'Greek settlers from the city-state of Megara founded Byzantium () in around 657 BC'

describe('proximity: how close together a passage says the claim’s concepts', () => {
  let lexicon: Lexicon | undefined
  let index: SourceIndex
  const source = `${BOSPHORUS}\n\n${FOUNDING}`
  beforeAll(async () => {
    lexicon = await loadLexicon()
    index = buildSourceIndex(source)
  }, 60_000)

  const importanceOf = (concepts: ReturnType<typeof analyseClaim>): number[] => concepts.map((c) => c.weight * Math.max(0, ...c.alts.map((a) => a.weight * idf(index, a.term))))

  it('scores the passage that says "founded … the city … Megara … Byzantium" together above the one that scatters the claim’s words', () => {
    const concepts = analyseClaim(CLAIM, index, { lexicon })
    const terms = placeableTerms(concepts)
    const importance = importanceOf(concepts)
    const founding = proximity(tokenise(FOUNDING), terms, importance)
    const bosphorus = proximity(tokenise(BOSPHORUS), terms, importance)
    expect(founding).toBeGreaterThan(0)
    expect(founding).toBeGreaterThan(bosphorus * 1.3)
    expect(founding).toBeLessThanOrEqual(1)
  })

  it('counts a pair by its distance in words: next to each other counts fully, further apart less, absent not at all', () => {
    const concepts = analyseClaim('Timour defeated Bajazet', buildSourceIndex('Timour defeated Bajazet.'))
    const terms = placeableTerms(concepts)
    const ones = concepts.map(() => 1)
    // Real sentence (ch. LXV): the two names six words apart, the act absent.
    const glory = proximity(tokenise('which has immortalized the glory of Timour and the shame of Bajazet'), terms, ones)
    // Two pairs one word apart (count 1), one pair two words apart (counts 6/7).
    expect(proximity(tokenise('Timour defeated Bajazet'), terms, ones)).toBeCloseTo((2 + 6 / 7) / 3, 5)
    expect(glory).toBeGreaterThan(0)
    expect(glory).toBeLessThan(1 / 3) // one pair of three found, at a distance
    expect(proximity(tokenise('The glory of Timour'), terms, ones)).toBe(0)
  })

  it('places names by their variants and leaves numbers, dates and context out', () => {
    const idx = buildSourceIndex('In the battle of Nicopolis, Bajazet defeated a confederate army of a hundred thousand Christians.')
    const concepts = analyseClaim('In 1396, Bayezid defeated the crusaders at Nicopolis on 25 September', idx, { lexicon, context: ['Sigismund of Hungary led them.'] })
    const terms = placeableTerms(concepts)
    const byLabel = (label: string): Set<string> => terms[concepts.findIndex((c) => c.label === label)]
    expect(byLabel('Bayezid').has('bajazet')).toBe(true)
    expect(byLabel('1396').size).toBe(0)
    expect(concepts.filter((c) => c.kind === 'date').every((c) => terms[concepts.indexOf(c)].size === 0)).toBe(true)
    expect(concepts.filter((c) => c.context).every((c) => terms[concepts.indexOf(c)].size === 0)).toBe(true)
  })

  it('reorders only the first three passages: puts the founding note first, keeps the same three', () => {
    const cp = new CodePointIndex(source)
    const concepts = analyseClaim(CLAIM, index, { lexicon })
    const plain = rankWindows(index, concepts, { top: 5 })
    const ordered = rankWindows(index, concepts, { top: 5, tokensOf: (start, end) => tokenise(cp.slice(start, end), start) })
    const key = (w: { start: number; end: number }): string => `${w.start}-${w.end}`
    expect(new Set(ordered.slice(0, 3).map(key))).toEqual(new Set(plain.slice(0, 3).map(key)))
    expect(ordered.slice(3).map(key)).toEqual(plain.slice(3).map(key))
    expect(cp.slice(ordered[0].start, ordered[0].end)).toContain('Megara')
    expect(ordered[0].proximity).toBeGreaterThan(0)
    expect(ordered[0].score).toBeGreaterThan(ordered[0].base) // the factor is applied
    expect(plain.every((w) => w.score === w.base && w.proximity === 0)).toBe(true) // not without the text
  })
})

const corpus = existsSync(join(ROOT, '../shared/corpus/large/gibbon-decline-and-fall-vol2-pg732.txt'))
describe.skipIf(!corpus)('proximity on the whole of Gibbon vol. 2 (needs ../shared/corpus)', () => {
  it('puts the founding of Byzantium and the building of Constantinople first (second before proximity)', async () => {
    const lexicon = await loadLexicon()
    const set = loadSet(SETS.find((e) => e.file.endsWith('constantinople-vol2.json'))!)!
    const text = textOf(set.source)
    const cp = new CodePointIndex(text)
    const index = buildSourceIndex(text)
    for (const id of ['v01', 'v07']) {
      const c = set.claims.find((x) => x.id === id)!
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      const hit = (w: { start: number; end: number }): boolean => c.passages.some((p) => isHit(w, p))
      expect(rankWindows(index, concepts, { top: 5 }).findIndex(hit), id).toBe(1)
      expect(compareWithSource(index, cp, { claim: c.claim.exact, top: 5, lexicon }).candidates.findIndex(hit), id).toBe(0)
    }
  }, 120_000)
})

describe('proximity and the cited region', () => {
  // The printed pages 38–40 of tests/e2e/compare-judgement.spec.ts (page 40 shortened to its first
  // clause): page 40 repeats the claim's words side by side, page 39 (the cited page) tells the
  // fuller story.
  const PAGES: [string, string][] = [
    ['38', 'This small book tells of the last emperors of Byzantium, of their quarrels with one another and of their long wars against the Ottoman sultans.'],
    ['39', 'In the spring of that year the emperor Manuel sailed from Constantinople to Venice, seeking soldiers and money from the Latin princes against the Turks, and he left his nephew John to guard the city in his absence.'],
    ['40', 'Years later Manuel sailed to Venice and asked the Latin princes for soldiers against the Turks.']
  ]
  const CLAIM_39 = 'Manuel sailed to Venice to ask the Latin princes for soldiers against the Turks.'

  it('never lifts a passage outside the cited page above one inside it, however close together it says the claim', async () => {
    const lexicon = await loadLexicon()
    let text = ''
    const region: { start: number; end: number }[] = []
    for (const [n, t] of PAGES) {
      const start = [...text].length
      text += `${t}\n\n`
      if (n === '39') region.push({ start, end: [...text].length })
    }
    const cp = new CodePointIndex(text)
    const index = buildSourceIndex(text)
    const concepts = analyseClaim(CLAIM_39, index, { lexicon })
    // The cited page is read as if it said the claim's words far apart (page 38's words in its
    // place: no pair close together), page 40 as printed: the strongest case for lifting page 40.
    const tokensOf = (start: number, end: number) => (region.some((r) => start < r.end && end > r.start) ? tokenise(PAGES[0][1]) : tokenise(cp.slice(start, end), start))
    const ranked = rankWindows(index, concepts, { top: 5, region, tokensOf })
    const inside = ranked.findIndex((w) => w.inRegion)
    const outside = ranked.findIndex((w) => !w.inRegion && cp.slice(w.start, w.end).includes('Years later'))
    expect(inside).toBe(0)
    expect(outside).toBeGreaterThan(0)
    // Page 40 says the claim closer together; without the region rule its factor would lift it.
    expect(ranked[outside].proximity).toBeGreaterThan(ranked[inside].proximity)
    expect(ranked[outside].base * (1 + 2 * ranked[outside].proximity)).toBeGreaterThan(ranked[inside].score)
  })
})

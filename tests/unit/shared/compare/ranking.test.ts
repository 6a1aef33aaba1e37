import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { analyseClaim } from '../../../../src/shared/compare/claim-analysis'
import { compareWithSource } from '../../../../src/shared/compare/compare'
import { idf } from '../../../../src/shared/compare/rank'
import { buildSourceIndex, isCurrentIndex, postingsOf, type SourceIndex } from '../../../../src/shared/compare/source-index'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { normaliseText } from '../../../../src/shared/text/normalise'

const corpus = resolve(__dirname, '../../../../../shared/corpus')
const fixture = JSON.parse(readFileSync(resolve(__dirname, '../../../fixtures/compare-claims.json'), 'utf8')) as {
  claims: { id: string; claim: { start: number; end: number; exact: string }; locator: string; passages: { start: number; end: number; exact: string }[] }[]
}
const present = existsSync(resolve(corpus, 'large/gibbon-decline-and-fall-vol6-pg895.txt'))

describe.skipIf(!present)('ranking Gibbon vol. 6 (needs ../shared/corpus)', () => {
  let gibbon: string
  let seed: string
  let index: SourceIndex
  let cp: CodePointIndex
  beforeAll(() => {
    gibbon = normaliseText(readFileSync(resolve(corpus, 'large/gibbon-decline-and-fall-vol6-pg895.txt'), 'utf8'))
    seed = normaliseText(readFileSync(resolve(__dirname, '../../../../documents/john-vii-palaiologos.txt'), 'utf8')) // ships with the app
    index = buildSourceIndex(gibbon)
    cp = new CodePointIndex(gibbon)
  })

  it('labelled offsets are code points of the normalised texts', () => {
    const seedCp = new CodePointIndex(seed)
    for (const c of fixture.claims) {
      expect(seedCp.slice(c.claim.start, c.claim.end), c.id).toBe(c.claim.exact)
      for (const p of c.passages) expect(cp.slice(p.start, p.end), c.id).toBe(p.exact)
    }
  })

  it('survives a JSON round trip and is rejected for another text', () => {
    const back = JSON.parse(JSON.stringify(index))
    expect(isCurrentIndex(back, gibbon)).toBe(true)
    expect(isCurrentIndex(back, gibbon + ' ')).toBe(false)
  })

  it('finds the passage for a paraphrased claim with variant names, with matched terms on both sides', () => {
    const c = fixture.claims.find((x) => x.id === 'c04')!
    const { candidates } = compareWithSource(index, cp, { claim: c.claim.exact, claimBase: c.claim.start, locator: c.locator, top: 3 })
    const gold = c.passages[0]
    expect(candidates.slice(0, 3).some((w) => w.start <= gold.start && w.end >= gold.end)).toBe(true)
    const best = candidates.find((w) => w.start <= gold.start && w.end >= gold.end)!
    const selymbria = best.matched.find((m) => m.label === 'Selymbria')!
    expect(selymbria.how).toBe('name-variant')
    expect(selymbria.claim[0]).toMatchObject({ text: 'Selymbria' })
    expect(seed.slice(selymbria.claim[0].start, selymbria.claim[0].end)).toBe('Selymbria')
    expect(cp.slice(selymbria.source[0].start, selymbria.source[0].end)).toBe('Selybria')
    expect(best.exact).toBe(cp.slice(best.start, best.end))
  })

  it("matches a name through the project's entity aliases", () => {
    // "Timurlenk" is spelled nowhere in Gibbon; only the entity's alias "Tamerlane" links it.
    const claim = 'Timurlenk kept the sultan a prisoner in an iron cage.'
    const without = analyseClaim(claim, index).find((c) => c.label === 'Timurlenk')!
    expect(without.alts.map((a) => a.term)).toEqual(['timurlenk'])
    const entities = [{ id: 'ent_timur', type: 'person', names: ['Timurlenk', 'Tamerlane'] }]
    const concept = analyseClaim(claim, index, { entities }).find((c) => c.label === 'Timurlenk')!
    expect(concept.alts).toContainEqual(expect.objectContaining({ term: 'tamerlan', how: 'alias', entityId: 'ent_timur' }))
    const { candidates } = compareWithSource(index, cp, { claim, entities, top: 3 })
    expect(candidates[0].exact).toMatch(/iron cage/)
    const m = candidates[0].matched.find((x) => x.label === 'Timurlenk')!
    expect(m.how).toBe('alias')
    expect(m.source.map((x) => x.text)).toContain('Tamerlane')
  })

  it('is not confused by words that are names of Object.prototype members', () => {
    // Absent from Gibbon: no postings and no weight, whatever Object.prototype holds.
    for (const word of ['constructor', 'tostring', 'valueof', 'hasownproperty']) {
      expect(postingsOf(index, word), word).toBeUndefined()
      expect(idf(index, word), word).toBe(0)
    }
    const { candidates } = compareWithSource(index, cp, { claim: 'The constructor of the valueOf hasOwnProperty toString was Bajazet', top: 3 })
    for (const c of candidates) expect(Number.isFinite(c.score)).toBe(true)
  })

  it('narrows the search to the chapter of the locator', () => {
    const c = fixture.claims.find((x) => x.id === 'c10')!
    const result = compareWithSource(index, cp, { claim: c.claim.exact, locator: 'ch. LXIV', top: 5 })
    expect(result.narrowedTo?.label).toMatch(/^Chapter LXIV/)
    for (const w of result.candidates) expect(w.start >= result.narrowedTo!.start && w.end <= result.narrowedTo!.end).toBe(true)
  })

  it('puts the labelled passage in the top 3 for at least 9 in 10 claims (context and locator)', () => {
    const found = fixture.claims.filter((c) => c.passages.length)
    let top3 = 0
    for (const c of found) {
      const { candidates } = compareWithSource(index, cp, { claim: c.claim.exact, locator: c.locator, context: neighbours(seed, c.claim.start, c.claim.end), top: 3 })
      if (candidates.some((w) => c.passages.some((p) => Math.min(w.end, p.end) - Math.max(w.start, p.start) >= 0.5 * Math.min(w.end - w.start, p.end - p.start)))) top3++
    }
    expect(top3 / found.length).toBeGreaterThanOrEqual(0.9)
  })
})

/** The seed sentences right before and after a claim, in its paragraph (lines of the seed). */
function neighbours(text: string, start: number, end: number): string[] {
  const lineStart = text.lastIndexOf('\n', start) + 1
  const lineEnd = text.indexOf('\n', end)
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd)
  const sentences = line.split(/(?<=[.!?])\s+(?=[A-Z])/)
  let at = lineStart
  const spans = sentences.map((s) => { const i = text.indexOf(s, at); at = i + s.length; return { s, i } })
  const k = spans.findIndex((x) => x.i + x.s.length > start)
  return [spans[k - 1]?.s, spans[k + 1]?.s].filter((x): x is string => !!x)
}

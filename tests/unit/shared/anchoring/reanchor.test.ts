import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe as suite, expect, it } from 'vitest'
import { describe, reanchorAll } from '../../../../src/shared/anchoring'
import { normaliseText } from '../../../../src/shared/text/normalise'
import { CodePointIndex, sliceCodePoints } from '../../../../src/shared/text/code-points'

const SEED_PATH = path.resolve(__dirname, '../../../../documents/john-vii-palaiologos.txt') // ships with the app
const HAVE_SEED = existsSync(SEED_PATH)
const seed = HAVE_SEED ? normaliseText(readFileSync(SEED_PATH, 'utf8')) : ''

/** Annotations on every occurrence-1 of the given quotes of `text`. */
function annotate(text: string, quotes: string[]) {
  const idx = new CodePointIndex(text)
  return quotes.map((q, i) => {
    const u = text.indexOf(q)
    if (u < 0) throw new Error(`missing ${q}`)
    const start = idx.toCodePoint(u)
    return { id: `ann_${i}`, target: describe(idx, start, start + [...q].length) }
  })
}

suite.skipIf(!HAVE_SEED)('reanchorAll on a new version of the seed article', () => {
  const quotes = [
    'John VII Palaiologos',
    'Ιωάννης Ζ\' Παλαιολόγος',
    'five months in 1390',
    'Keratsa of Bulgaria',
    'partly blinded in 1379',
    'Selymbria (Silivri)',
    'On April 14, 1390'
  ]

  it('keeps every annotation of an unchanged text in place', () => {
    const anns = annotate(seed, quotes)
    const out = reanchorAll(seed, seed, anns)
    expect(out.map((r) => r.status)).toEqual(quotes.map(() => 'anchored'))
    expect(out.map((r) => r.target)).toEqual(anns.map((a) => a.target))
  })

  it('follows insertions, a corrected word and a deletion, and orphans what was removed', () => {
    const anns = annotate(seed, quotes)
    const v2 = seed
      .replace('CATEGORIES:', 'Editor\'s note: revised 2026.\n\nCATEGORIES:') // insertion before everything
      .replace('Keratsa of Bulgaria', 'Keratsa (Kyratza) of Bulgaria') // edit inside an annotation
      .replace(/Both father and son were overthrown and partly blinded in 1379, but /, '') // deletion of one
    const out = reanchorAll(seed, v2, anns)
    const byQuote = Object.fromEntries(quotes.map((q, i) => [q, out[i]]))
    // Shifted but untouched passages are anchored at their new offsets.
    for (const q of ['five months in 1390', 'Selymbria (Silivri)', 'On April 14, 1390', 'Ιωάννης Ζ\' Παλαιολόγος']) {
      expect(byQuote[q].status, q).toBe('anchored')
      expect(sliceCodePoints(v2, byQuote[q].start, byQuote[q].end)).toBe(q)
      expect(byQuote[q].target.exact).toBe(q)
    }
    // The edited passage is followed (moved, fuzzy) and re-described with its new wording.
    expect(byQuote['Keratsa of Bulgaria']).toMatchObject({ status: 'moved', method: 'fuzzy' })
    expect(byQuote['Keratsa of Bulgaria'].target.exact).toBe('Keratsa (Kyratza) of Bulgaria')
    // The deleted passage is orphaned and keeps its old target.
    expect(byQuote['partly blinded in 1379']).toMatchObject({ status: 'orphaned' })
    expect(byQuote['partly blinded in 1379'].target).toEqual(anns[4].target)
  })

  it('reports progress and stops when cancelled', () => {
    const anns = Array.from({ length: 1200 }, (_, i) => ({ ...annotate(seed, ['John VII Palaiologos'])[0], id: `a${i}` }))
    const seen: [number, number][] = []
    reanchorAll(seed, seed + ' ', anns, { progress: (d, t) => seen.push([d, t]) })
    expect(seen[0]).toEqual([0, 1200])
    expect(seen[seen.length - 1]).toEqual([1200, 1200])
    const ac = new AbortController()
    ac.abort(new Error('cancelled by test'))
    expect(() => reanchorAll(seed, seed, anns, { signal: ac.signal })).toThrow('cancelled by test')
  })
})

suite('reanchorAll offsets', () => {
  it('maps positions through astral insertions in code points', () => {
    const v1 = 'Ζ\' Παλαιολόγος ruled.'
    const anns = annotate(v1, ['ruled'])
    const v2 = '𝔊𝔊 ' + v1
    const [r] = reanchorAll(v1, v2, anns)
    expect(r).toMatchObject({ status: 'anchored', start: anns[0].target.start + 3, end: anns[0].target.end + 3 })
  })
})

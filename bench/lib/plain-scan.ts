/**
 * The baseline of the compare benchmarks: a plain full-text scan that segments, tokenises
 * (lower-cased words, stop words out; no stemming, synonyms or names) and BM25-scores the whole
 * source for one query, with no index. Offsets in code points of the source.
 */
import { segmentSentences } from '../../src/shared/compare/segment'
import { STOPWORDS } from '../../src/shared/compare/stopwords'
import type { CodePointIndex } from '../../src/shared/text/code-points'

const words = (t: string): string[] => (t.toLowerCase().match(/\p{L}+|\d+/gu) ?? []).filter((w) => !STOPWORDS.has(w))
/** A plain full-text scan: segments, tokenises and BM25-scores the whole source for one query. */
export function plainScan(claim: string, top: number, text: CodePointIndex): { start: number; end: number }[] {
  const sentences = segmentSentences(text.text, text)
  const bags = sentences.map((s) => words(text.slice(s.start, s.end)))
  const df = new Map<string, number>()
  for (const b of bags) for (const w of new Set(b)) df.set(w, (df.get(w) ?? 0) + 1)
  const avg = bags.reduce((a, b) => a + b.length, 0) / bags.length
  const q = [...new Set(words(claim))]
  const n = bags.length
  const score = (b: string[]): number => q.reduce((sum, w) => {
    const tf = b.filter((x) => x === w).length
    if (!tf) return sum
    const d = df.get(w) ?? 0
    return sum + (Math.log(1 + (n - d + 0.5) / (d + 0.5)) * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * b.length) / avg))
  }, 0)
  return bags.map((b, i) => ({ i, s: score(b) })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s).slice(0, top).map((x) => sentences[x.i])
}


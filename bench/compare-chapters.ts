/**
 * Diagnosis (TUNED-ON sets only): can the claim alone tell the chapter that holds its passage?
 * Chapters scored by BM25 with the chapter as the document (each concept's alternatives pooled);
 * prints the rank of the labelled passage's chapter.
 */
import { loadLexicon } from '../src/main/services/compare-lexicon'
import { analyseClaim } from '../src/shared/compare/claim-analysis'
import { compareWithSource } from '../src/shared/compare/compare'
import { SENTENCE_FIELDS as F, postingsOf } from '../src/shared/compare/source-index'
import { tunedOnSets } from './lib/compare-sets'

async function main(): Promise<void> {
  const lexicon = await loadLexicon()
  const ranks: number[] = []
  const firstIn: boolean[] = []
  for (const { set, index, cp } of tunedOnSets()) {
    const S = index.sentences
    const n = S.length / F
    const ch = index.chapters
    const chapterOf = new Int32Array(n).fill(-1)
    for (let s = 0, c = 0; s < n; s++) {
      while (c < ch.length && S[s * F] >= ch[c].end) c++
      if (c < ch.length && S[s * F] >= ch[c].start) chapterOf[s] = c
    }
    const len = new Float64Array(ch.length)
    for (let s = 0; s < n; s++) if (chapterOf[s] >= 0) len[chapterOf[s]] += S[s * F + 3]
    const avg = len.reduce((a, b) => a + b, 0) / ch.length
    for (const c of set.claims.filter((c) => c.passages.length)) {
      const concepts = analyseClaim(c.claim.exact, index, { lexicon })
      const score = new Float64Array(ch.length)
      for (const q of concepts) {
        const tf = new Float64Array(ch.length)
        for (const a of q.alts) {
          const list = postingsOf(index, a.term)
          if (!list) continue
          for (let i = 0; i < list.length; i += 2) if (chapterOf[list[i]] >= 0) tf[chapterOf[list[i]]] += a.weight * list[i + 1]
        }
        const df = tf.filter((v) => v > 0).length
        if (!df) continue
        const idf = Math.log(1 + (ch.length - df + 0.5) / (df + 0.5))
        for (let k = 0; k < ch.length; k++) score[k] += (q.weight * idf * tf[k] * 2.2) / (tf[k] + 1.2 * (0.25 + (0.75 * len[k]) / avg))
      }
      const p = c.passages[0]
      const target = ch.findIndex((x) => x.start <= p.start && p.start < x.end)
      const order = [...score.keys()].sort((a, b) => score[b] - score[a])
      const r = order.indexOf(target)
      ranks.push(r)
      const best = compareWithSource(index, cp, { claim: c.claim.exact, top: 3, lexicon }).candidates[0]
      firstIn.push(!!best && best.start >= ch[target].start && best.start < ch[target].end)
      console.log(`${c.id} chapter rank ${r + 1} of ${ch.length}`)
    }
  }
  const share = (k: number): string => (ranks.filter((r) => r >= 0 && r < k).length / ranks.length).toFixed(2)
  console.log(`labelled chapter first ${share(1)}, in first two ${share(2)}, first three ${share(3)} (${ranks.length} claims); the ranker's first passage is in it for ${(firstIn.filter(Boolean).length / firstIn.length).toFixed(2)}`)
}
void main()

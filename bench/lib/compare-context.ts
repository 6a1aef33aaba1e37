/**
 * The context of a labelled claim as the compare service takes it: the rest of the claim's
 * sentence and its neighbours in the same paragraph (texts). Used by the compare benches.
 */
import { segmentSentences } from '../../src/shared/compare/segment'
import { CodePointIndex } from '../../src/shared/text/code-points'
import type { ClaimSet, LabelledClaim } from './compare-sets'

/** As the service does: the rest of the claim's sentence, and its neighbours in the paragraph. */
export function contextOf(set: ClaimSet, c: LabelledClaim): string[] {
  const text = set.documents.get(c.claimDocument)!
  const cp = new CodePointIndex(text)
  const sentences = segmentSentences(text, cp)
  const i = sentences.findIndex((s) => s.start <= c.claim.start && c.claim.start < s.end)
  if (i < 0) return []
  const own = [cp.slice(sentences[i].start, c.claim.start), cp.slice(c.claim.end, sentences[i].end)].filter((t) => /\p{L}{3}/u.test(t))
  return [...own, ...[sentences[i - 1], sentences[i + 1]].filter((s) => s && s.para === sentences[i].para).map((s) => cp.slice(s.start, s.end))]
}


/**
 * A semantic space learned from the source itself (latent semantic analysis): the truncated SVD
 * of the term × passage matrix of the source's own text, so that words the source uses in the
 * same passages ("blind", "eyes", "sight"; "siege", "blockade", "walls") lie close together even
 * when a claim and a passage share none of them. Built once with the source index.
 */
import type { Concept } from './claim-analysis'
import { truncatedSvd, type SparseRows } from './randomized-svd'
import { SENTENCE_FIELDS as F, type SourceIndex } from './source-index'

/** Dimensions kept. */
export const SEMANTIC_DIMS = 100
/** Terms per passage (consecutive sentences of one paragraph) of the term × passage matrix. */
const PASSAGE_TERMS = 60
/** Least number of passages a term must occur in to get a vector (rarer terms have no reliable neighbours). */
const MIN_DF = 3

/** Semantic similarities of one window with a claim (0 without a space). */
export interface SemanticFit {
  /** Cosine of the claim with the window and one sentence either side. */
  near: number
  /** Cosine of the claim with the window and four sentences either side. */
  wide: number
}

export interface SemanticSpace {
  k: number
  /** Term → row of termVectors. */
  row: Map<string, number>
  /** Per-term weight (inverse passage frequency) used for folding text in. */
  weight: Float64Array
  /** Row-major terms × k: left singular vectors scaled by the singular values. */
  termVectors: Float32Array
  /** Row-major sentences × k: the folded-in vector of each sentence (not normalised). */
  sentenceVectors: Float32Array
}

/** Builds the semantic space of an index (its word postings and sentences). */
export function buildSemanticSpace(index: SourceIndex, dims = SEMANTIC_DIMS): SemanticSpace | undefined {
  const S = index.sentences
  const n = S.length / F
  // Passages: runs of sentences of one paragraph, up to PASSAGE_TERMS terms.
  const passageOf = new Int32Array(n)
  let passages = 0
  let terms = 0
  for (let s = 0; s < n; s++) {
    if (s > 0 && (S[s * F + 2] !== S[(s - 1) * F + 2] || terms + S[s * F + 3] > PASSAGE_TERMS)) {
      passages++
      terms = 0
    }
    passageOf[s] = passages
    terms += S[s * F + 3]
  }
  passages++
  const vocab: string[] = []
  const entries: [number, number][][] = []
  for (const [term, list] of Object.entries(index.postings)) {
    if (term[0] === '#' || term[0] === '@') continue
    const counts = new Map<number, number>()
    for (let i = 0; i < list.length; i += 2) counts.set(passageOf[list[i]], (counts.get(passageOf[list[i]]) ?? 0) + list[i + 1])
    if (counts.size < MIN_DF) continue
    vocab.push(term)
    entries.push([...counts])
  }
  if (vocab.length < dims * 2 || passages < dims * 2) return undefined
  const weight = new Float64Array(vocab.length)
  let nnz = 0
  for (const e of entries) nnz += e.length
  const a: SparseRows = { rows: vocab.length, cols: passages, rowStart: new Int32Array(vocab.length + 1), col: new Int32Array(nnz), value: new Float64Array(nnz) }
  let at = 0
  entries.forEach((e, r) => {
    weight[r] = Math.log(passages / e.length)
    a.rowStart[r] = at
    for (const [p, tf] of e) {
      a.col[at] = p
      a.value[at++] = (1 + Math.log(tf)) * weight[r]
    }
  })
  a.rowStart[vocab.length] = at
  const svd = truncatedSvd(a, dims, { iterations: 2 })
  const k = svd.k
  const termVectors = new Float32Array(vocab.length * k)
  for (let r = 0; r < vocab.length; r++) for (let c = 0; c < k; c++) termVectors[r * k + c] = svd.u[r * k + c] * svd.s[c]
  const row = new Map(vocab.map((t, i) => [t, i]))
  const sentenceVectors = new Float32Array(n * k)
  vocab.forEach((term, r) => {
    const list = index.postings[term]
    for (let i = 0; i < list.length; i += 2) {
      const w = (1 + Math.log(list[i + 1])) * weight[r]
      const o = list[i] * k
      for (let c = 0; c < k; c++) sentenceVectors[o + c] += w * termVectors[r * k + c]
    }
  })
  return { k, row, weight, termVectors, sentenceVectors }
}

/** Folds weighted terms into the space: Σ weight × idf × term vector (terms without a vector are skipped). */
export function foldIn(space: SemanticSpace, terms: { term: string; weight: number }[]): Float64Array {
  const v = new Float64Array(space.k)
  for (const { term, weight } of terms) {
    const r = space.row.get(term)
    if (r === undefined) continue
    const w = weight * space.weight[r]
    for (let c = 0; c < space.k; c++) v[c] += w * space.termVectors[r * space.k + c]
  }
  return v
}

/** Cosine of a vector with the sum of sentences [first, last] (0 when either is empty). */
export function cosineWithSentences(space: SemanticSpace, v: Float64Array, first: number, last: number): number {
  const k = space.k
  let dot = 0
  let nv = 0
  let nw = 0
  for (let c = 0; c < k; c++) {
    let w = 0
    for (let s = first; s <= last; s++) w += space.sentenceVectors[s * k + c]
    dot += v[c] * w
    nv += v[c] * v[c]
    nw += w * w
  }
  return nv && nw ? dot / Math.sqrt(nv * nw) : 0
}

/**
 * The claim's vector: its own words and names (and the names of its context, at their lower
 * weight), each by its first alternative, the word as the source writes it.
 */
export function claimVector(space: SemanticSpace, concepts: Concept[]): Float64Array {
  return foldIn(space, concepts.filter((c) => c.kind === 'word' || c.kind === 'name').map((c) => ({ term: c.alts[0].term, weight: c.weight })))
}

/** Semantic fit of each window: cosine of the claim with the window ±1 and ±4 sentences (zeros without a space). */
export function semanticFits(space: SemanticSpace | undefined, concepts: Concept[], windows: { first: number; last: number }[], sentences: number): SemanticFit[] {
  if (!space) return windows.map(() => ({ near: 0, wide: 0 }))
  const v = claimVector(space, concepts)
  return windows.map((w) => ({
    near: cosineWithSentences(space, v, Math.max(0, w.first - 1), Math.min(sentences - 1, w.last + 1)),
    wide: cosineWithSentences(space, v, Math.max(0, w.first - 4), Math.min(sentences - 1, w.last + 4))
  }))
}

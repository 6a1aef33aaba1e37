/**
 * Where a parsed query occurs in one document: candidate passages from the index (every clause
 * present), then the exact spans read from the word table. A phrase is consecutive words (it may
 * run across a line break, not across a passage cut); of overlapping spellings of one clause the
 * longest wins (`Bayezid I` rather than `Bayezid` inside it). Offsets are code points of the
 * document's normalised text.
 */
import type { DocumentSearchIndex, WordLookup } from './document-index'
import type { ParsedQuery, QueryPhrase, QueryWord } from './query'

/** One occurrence of a clause. `start`/`end`: code points of the normalised text, end exclusive. */
export interface RawHit {
  start: number
  end: number
  /** Number of the clause of the query it occurs for. */
  clause: number
  /** The spelling found, as the query or the entity writes it. */
  label: string
  /** The entity whose name this is, when the spelling came from variant expansion. */
  entityId?: string
}

interface PhrasePlan {
  phrase: QueryPhrase
  words: WordLookup[]
  /** Passages holding every word of the phrase. */
  passages: number[]
}

/** Elements common to sorted arrays. */
function intersect(a: number[], b: number[]): number[] {
  const out: number[] = []
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      out.push(a[i])
      i++
      j++
    } else if (a[i] < b[j]) i++
    else j++
  }
  return out
}

function union(lists: number[][]): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b)
}

/** Keeps the longest of overlapping hits (then the earliest), in text order. */
function longestFirst(hits: RawHit[]): RawHit[] {
  if (hits.length < 2) return hits
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end)
  const kept: RawHit[] = []
  for (const h of sorted) {
    const last = kept[kept.length - 1]
    if (last && h.start < last.end) {
      if (h.end - h.start > last.end - last.start) kept[kept.length - 1] = h
      continue
    }
    kept.push(h)
  }
  return kept
}

/**
 * Every hit of `query` in the document of `index`, in text order.
 * @throws QueryError (from a lookup) when a wildcard stands for too many words.
 */
export function findHits(index: DocumentSearchIndex, query: ParsedQuery): RawHit[] {
  const { table } = index
  const lookups = new Map<string, WordLookup>()
  const look = (w: QueryWord): WordLookup => {
    const key = `${w.mode}:${w.text}`
    let found = lookups.get(key)
    if (!found) lookups.set(key, (found = index.lookup(w)))
    return found
  }
  const plans: PhrasePlan[][] = query.clauses.map((clause) =>
    clause.alternatives.map((phrase) => {
      const words = phrase.words.map(look)
      return { phrase, words, passages: words.map((w) => w.passages).reduce(intersect) }
    })
  )
  let candidates: number[] | undefined
  for (const clause of plans) {
    const passages = union(clause.map((p) => p.passages))
    candidates = candidates ? intersect(candidates, passages) : passages
  }
  const out: RawHit[] = []
  const single = plans.length === 1 && plans[0].length === 1
  for (const p of candidates ?? []) {
    const from = table.passages[p]
    const to = table.passages[p + 1]
    const inPassage: RawHit[] = []
    let complete = true
    for (let c = 0; c < plans.length && complete; c++) {
      const found: RawHit[] = []
      for (const plan of plans[c]) {
        const n = plan.words.length
        for (let w = from; w < to && w + n <= table.words; w++) {
          let k = 0
          while (k < n && plan.words[k].member[table.terms[w + k]]) k++
          if (k < n) continue
          const hit: RawHit = { start: table.starts[w], end: table.ends[w + n - 1], clause: c, label: plan.phrase.label }
          if (plan.phrase.entityId) hit.entityId = plan.phrase.entityId
          found.push(hit)
        }
      }
      if (found.length === 0) complete = false
      // One spelling of one clause gives its hits in order; only several can overlap or interleave.
      else for (const h of single && found.every((h, i) => i === 0 || h.start >= found[i - 1].end) ? found : longestFirst(found)) inPassage.push(h)
    }
    if (!complete) continue
    if (!single) inPassage.sort((a, b) => a.start - b.start || a.end - b.end || a.clause - b.clause)
    // A span found for two clauses (`the the`) is one hit.
    for (const h of inPassage) {
      const last = out[out.length - 1]
      if (!last || h.start !== last.start || h.end !== last.end) out.push(h)
    }
  }
  return out
}

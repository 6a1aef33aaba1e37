/**
 * Scores suggestions against hand-labelled mentions, per type. A suggestion matches a label of
 * the same type that it overlaps (one-to-one, largest overlap first); `strict` also requires the
 * same span. A `place` suggestion on a polity labelled `organisation` (or the reverse) is neither
 * right nor wrong: gazetteers list polities as places too, so it is left out of precision.
 * Offsets are code points.
 */
export interface Labelled {
  start: number
  end: number
  exact: string
  type: string
  edtf?: string
}

export interface TypeScore {
  labelled: number
  suggested: number
  /** Suggestions matching a label (overlap). */
  matched: number
  /** Suggestions matching a label with exactly its span. */
  exactSpan: number
  /** Suggestions left out of precision (place ↔ organisation). */
  compatible: number
  recall: number
  precision: number
  strictRecall: number
  strictPrecision: number
  /** Dates only: matched dates whose EDTF equals the label's. */
  edtfCorrect?: number
  missed: string[]
  wrong: string[]
}

const COMPATIBLE: Record<string, string[]> = { place: ['organisation'], organisation: ['place'] }
const overlap = (a: Labelled, b: Labelled): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d)

/** Scores `suggested` against `gold` for one type. */
export function scoreType(type: string, gold: Labelled[], suggested: Labelled[]): TypeScore {
  const g = gold.filter((m) => m.type === type)
  const s = suggested.filter((m) => m.type === type)
  const pairs: Array<[number, number, number]> = []
  s.forEach((x, i) => g.forEach((y, j) => {
    const o = overlap(x, y)
    if (o > 0) pairs.push([o, i, j])
  }))
  pairs.sort((a, b) => b[0] - a[0])
  const usedS = new Set<number>()
  const usedG = new Set<number>()
  let exactSpan = 0
  let edtfCorrect = 0
  for (const [, i, j] of pairs) {
    if (usedS.has(i) || usedG.has(j)) continue
    usedS.add(i)
    usedG.add(j)
    if (s[i].start === g[j].start && s[i].end === g[j].end) exactSpan++
    if (g[j].edtf && s[i].edtf === g[j].edtf) edtfCorrect++
  }
  const others = gold.filter((m) => (COMPATIBLE[type] ?? []).includes(m.type))
  const wrongIdx = s.map((_, i) => i).filter((i) => !usedS.has(i))
  const compatible = wrongIdx.filter((i) => others.some((o) => overlap(o, s[i]) > 0)).length
  const judged = s.length - compatible
  return {
    labelled: g.length,
    suggested: s.length,
    matched: usedS.size,
    exactSpan,
    compatible,
    recall: ratio(usedG.size, g.length),
    precision: ratio(usedS.size, judged),
    strictRecall: ratio(exactSpan, g.length),
    strictPrecision: ratio(exactSpan, judged),
    ...(type === 'date' ? { edtfCorrect } : {}),
    missed: g.filter((_, j) => !usedG.has(j)).map((m) => `${m.start}:${m.exact}`),
    wrong: wrongIdx.filter((i) => !others.some((o) => overlap(o, s[i]) > 0)).map((i) => `${s[i].start}:${s[i].exact}`)
  }
}

/**
 * The labelled claim sets of compare (tests/fixtures/compare-*.json and compare-labels/*.json),
 * loaded with their texts, and the measures reported on them: top-1, top-3, mean reciprocal rank
 * (over claims with a labelled passage) and precision/recall of the "not found" judgement.
 * Offsets are code points of the normalised texts. Used by bench/compare.ts and the unit tests.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { segmentSentences } from '../../src/shared/compare/segment'
import { buildSourceIndex, type SourceIndex } from '../../src/shared/compare/source-index'
import { CodePointIndex } from '../../src/shared/text/code-points'
import { normaliseText } from '../../src/shared/text/normalise'

export const ROOT = join(__dirname, '..', '..')

export interface Span { start: number; end: number; exact: string }
export interface LabelledClaim {
  id: string
  /** The claim's document, relative to the repository root. */
  claimDocument: string
  claim: Span
  locator: string
  status: string
  passages: Span[]
}
export interface ClaimSet {
  name: string
  /** True for sets that no constant or rule was ever tuned on. */
  setAside: boolean
  /** Fresh, set aside, run once: reported in a group of its own, in neither aggregate (whose floors tests assert). */
  fresh?: boolean
  /** The session that labelled a fresh set (its group in the bench's report). */
  session?: string
  source: string
  sourceText: string
  claims: LabelledClaim[]
  /** Normalised text of each claim document. */
  documents: Map<string, string>
}

/** The sets: the two older ones (tuned on), then the six of tests/fixtures/compare-labels (the last one labelled fresh, evaluated once at the end of the second pass), then the fresh ones of the sixth session (run once; in neither aggregate). */
export const SETS: { file: string; name: string; setAside: boolean; fresh?: boolean; session?: string }[] = [
  { file: 'tests/fixtures/compare-claims.json', name: 'seed article (John VII)', setAside: false },
  { file: 'tests/fixtures/compare-claims-bayezid.json', name: 'Bayezid I', setAside: false },
  { file: 'tests/fixtures/compare-labels/constantinople-vol6.json', name: 'Constantinople vs vol. 6', setAside: false },
  { file: 'tests/fixtures/compare-labels/constantinople-vol2.json', name: 'Constantinople vs vol. 2', setAside: false },
  { file: 'tests/fixtures/compare-labels/alexios-v-vol6.json', name: 'Alexios V', setAside: false },
  { file: 'tests/fixtures/compare-labels/andronikos-vol6.json', name: 'Andronikos II/III (set aside)', setAside: true },
  { file: 'tests/fixtures/compare-labels/mehmed-i-vol6.json', name: 'Mehmed I (set aside)', setAside: true },
  { file: 'tests/fixtures/compare-labels/komnenoi-vol6.json', name: 'Alexios I, Andronikos I (fresh)', setAside: true },
  { file: 'tests/fixtures/compare-labels/emperors-list-vol6.json', name: 'List of Byzantine emperors vs vol. 6 (fresh, sixth session)', setAside: true, fresh: true },
  { file: 'tests/fixtures/compare-labels/emperors-list-vol2.json', name: 'List of Byzantine emperors vs vol. 2 (fresh, sixth session)', setAside: true, fresh: true },
  { file: 'tests/fixtures/compare-labels/albania-ankara-vol6.json', name: 'Albania + Ankara vs vol. 6 (fresh, seventh session)', setAside: true, fresh: true, session: 'seventh' },
  { file: 'tests/fixtures/compare-labels/ankara-vol2.json', name: 'Ankara vs vol. 2 (fresh, seventh session)', setAside: true, fresh: true, session: 'seventh' }
]

const texts = new Map<string, string>()
/** Normalised text of a file relative to the repository root (read once). */
export function textOf(path: string): string {
  let t = texts.get(path)
  if (t === undefined) texts.set(path, (t = normaliseText(readFileSync(join(ROOT, path), 'utf8'))))
  return t
}

/** A set with its texts, or undefined when its source is not on this machine. */
export function loadSet(entry: (typeof SETS)[number]): ClaimSet | undefined {
  const raw = JSON.parse(readFileSync(join(ROOT, entry.file), 'utf8')) as { claimDocument: string; source: string; claims: (Omit<LabelledClaim, 'claimDocument'> & { claimDocument?: string })[] }
  if (!existsSync(join(ROOT, raw.source))) return undefined
  const claims = raw.claims.map((c) => ({ ...c, claimDocument: c.claimDocument ?? raw.claimDocument }))
  const documents = new Map<string, string>()
  for (const c of claims) if (!documents.has(c.claimDocument)) documents.set(c.claimDocument, textOf(c.claimDocument))
  return { name: entry.name, setAside: entry.setAside, fresh: entry.fresh, session: entry.session, source: raw.source, sourceText: textOf(raw.source), claims, documents }
}

/** A hit: the candidate overlaps a labelled passage by at least half of the shorter of the two. */
export function isHit(w: { start: number; end: number }, p: { start: number; end: number }): boolean {
  const o = Math.min(w.end, p.end) - Math.max(w.start, p.start)
  return o > 0 && o >= 0.5 * Math.min(w.end - w.start, p.end - p.start)
}

export interface Accuracy { n: number; top1: number; top3: number; mrr: number; misses: string[] }

/** Top-1, top-3 and MRR (rank cut at 10) of a ranking over the claims that have a labelled passage. */
export function accuracy(claims: LabelledClaim[], rank: (c: LabelledClaim) => { start: number; end: number }[]): Accuracy {
  const found = claims.filter((c) => c.passages.length)
  let top1 = 0
  let top3 = 0
  let rr = 0
  const misses: string[] = []
  for (const c of found) {
    const r = rank(c).slice(0, 10).findIndex((w) => c.passages.some((p) => isHit(w, p)))
    if (r === 0) top1++
    if (r >= 0 && r < 3) top3++
    else misses.push(c.id)
    if (r >= 0) rr += 1 / (r + 1)
  }
  const n = found.length || 1
  return { n: found.length, top1: top1 / n, top3: top3 / n, mrr: rr / n, misses }
}

/** Precision and recall of "not found" judgements against the claims labelled not-found. */
export function notFoundScore(claims: LabelledClaim[], judgedNotFound: (c: LabelledClaim) => boolean): { precision: number; recall: number; judged: number; labelled: number } {
  let tp = 0
  let judged = 0
  const labelled = claims.filter((c) => !c.passages.length).length
  for (const c of claims) {
    if (!judgedNotFound(c)) continue
    judged++
    if (!c.passages.length) tp++
  }
  return { precision: judged ? tp / judged : 1, recall: labelled ? tp / labelled : 1, judged, labelled }
}

const segmented = new Map<string, { cp: CodePointIndex; sentences: ReturnType<typeof segmentSentences> }>()
/** As the service does: the rest of the claim's sentence, and its neighbours in the paragraph. */
export function contextOf(set: ClaimSet, c: LabelledClaim): string[] {
  let seg = segmented.get(c.claimDocument)
  if (!seg) {
    const text = set.documents.get(c.claimDocument)!
    const cp = new CodePointIndex(text)
    segmented.set(c.claimDocument, (seg = { cp, sentences: segmentSentences(text, cp) }))
  }
  const { cp, sentences } = seg
  const i = sentences.findIndex((s) => s.start <= c.claim.start && c.claim.start < s.end)
  if (i < 0) return []
  const own = [cp.slice(sentences[i].start, c.claim.start), cp.slice(c.claim.end, sentences[i].end)].filter((t) => /\p{L}{3}/u.test(t))
  return [...own, ...[sentences[i - 1], sentences[i + 1]].filter((s) => s && s.para === sentences[i].para).map((s) => cp.slice(s.start, s.end))]
}

/**
 * The tuned-on sets only (never the set-aside or fresh ones), each with its source indexed once:
 * what failure analyses may read (bench/compare-misses.ts, compare-diagnose.ts, compare-chapters.ts).
 */
export function* tunedOnSets(): Generator<{ set: ClaimSet; index: SourceIndex; cp: CodePointIndex }> {
  const built = new Map<string, { index: SourceIndex; cp: CodePointIndex }>()
  for (const entry of SETS.filter((e) => !e.setAside)) {
    const set = loadSet(entry)
    if (!set) continue
    let l = built.get(set.source)
    if (!l) built.set(set.source, (l = { index: buildSourceIndex(set.sourceText), cp: new CodePointIndex(set.sourceText) }))
    yield { set, ...l }
  }
}

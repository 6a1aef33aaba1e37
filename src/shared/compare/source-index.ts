/**
 * The search index of one source document: its sentences (code point spans), chapters, and
 * postings from each term (a word stem, or a number/date value) to the sentences containing it.
 * Built once per source and kept as JSON (plain arrays and records, no classes).
 */
import { MarginaliaError } from '../result'
import { CodePointIndex } from '../text/code-points'
import { findDates, findNumbers } from './numbers'
import { findChapters, segmentSentences, type Chapter } from './segment'
import { epithetTermsOf } from './regnal'
import { STOPWORDS } from './stopwords'
import { tokenise, type Token } from '../text/tokenise'

/** Bump when the layout or the analysis changes: older indexes on disk are rebuilt. */
export const SOURCE_INDEX_VERSION = 8
/** Numbers stored per sentence in `SourceIndex.sentences`. */
export const SENTENCE_FIELDS = 5
/** Kinds of sentence (the fifth field). */
export const SENTENCE_BODY = 0
export const SENTENCE_HEADING = 1
export const SENTENCE_NOTE = 2
/**
 * The start of a note paragraph in plain-text editions: Project Gutenberg's `[Footnote 12: …` and
 * `12 (return) [ …`, a bracketed or numbered note mark (`[12] …`), and editors' `* Note: …`.
 */
const NOTE_START = /^\s*(?:\[Footnote\b|\d+[a-z]?\s*\(return\)\s*\[|\[\d+[a-z]?\]\s|\*\s*Note:)/i
/** Abbreviations after which a number is a reference (page, book, chapter…), not a value of the text. */
const REFERENCE_MARKS = new Set(['p', 'pp', 'l', 'c', 'tom', 'vol', 'vols', 'no', 'cap', 'lib', 'fol', 'ch', 'chap', 'n', 'edit', 'ed', 'col', 'sect', 'art', 'ep', 'epist', 'f', 'ff', 'v'])

export interface SourceIndex {
  version: number
  /** Length of the source text in code points. */
  length: number
  /** Hash of the text the index was built from (see textFingerprint). */
  fingerprint: string
  /**
   * Flat [start, end, paragraph, terms, kind] per sentence (SENTENCE_FIELDS numbers each);
   * start/end in code points of the source; kind is SENTENCE_BODY, SENTENCE_HEADING (title-case
   * lines: headings, contents) or SENTENCE_NOTE (a footnote or endnote).
   */
  sentences: number[]
  chapters: Chapter[]
  /** Term → flat [sentence number, count] pairs, ascending. Terms: stems, `#<number>`, `@<month>-<day>`, `~elder:<stem>`/`~younger:<stem>` (a name with an epithet, see regnal.ts). */
  postings: Record<string, number[]>
  /** Folded words written with a capital inside a sentence → [stem, capitalised count, lower-case count]. */
  names: Record<string, [string, number, number]>
  /** Mean number of terms per sentence. */
  avgTerms: number
  /** Flat [sentence number, year] of every calendar year the text mentions (its chronology). */
  years: number[]
}

/**
 * Postings of a term, or undefined. Own properties only: the index is plain JSON, and a word such
 * as "constructor" must not find Object.prototype's.
 */
export function postingsOf(index: SourceIndex, term: string): number[] | undefined {
  if (Object.hasOwn(index.postings, term)) return index.postings[term]
  return term.includes('+') ? phrasePostings(index, term) : undefined
}

const phraseCache = new WeakMap<SourceIndex, Map<string, number[] | undefined>>()
/**
 * Postings of a phrase term (`put+death`, see lexicon.ts phraseTerm): the sentences that hold
 * every one of its stems, with the least of their counts. Computed on first use and kept with the index.
 */
function phrasePostings(index: SourceIndex, term: string): number[] | undefined {
  let cache = phraseCache.get(index)
  if (!cache) phraseCache.set(index, (cache = new Map()))
  if (cache.has(term)) return cache.get(term)
  const lists = term.split('+').map((t) => (Object.hasOwn(index.postings, t) ? index.postings[t] : []))
  let out = lists[0]
  for (const list of lists.slice(1)) {
    const next: number[] = []
    for (let i = 0, j = 0; i < out.length && j < list.length; ) {
      if (out[i] < list[j]) i += 2
      else if (out[i] > list[j]) j += 2
      else {
        next.push(out[i], Math.min(out[i + 1], list[j + 1]))
        i += 2
        j += 2
      }
    }
    out = next
  }
  const result = out.length ? out : undefined
  cache.set(term, result)
  return result
}

/** [stem, capitalised count, lower-case count] of a folded word written with a capital, or undefined. */
export function nameEntry(index: SourceIndex, norm: string): [string, number, number] | undefined {
  return Object.hasOwn(index.names, norm) ? index.names[norm] : undefined
}

/** Hash of a text (FNV-1a, 32 bit, hex) plus its length: detects a changed source cheaply. */
export function textFingerprint(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `${text.length}-${h.toString(16)}`
}

/** Terms of a run of tokens: stems of content words, then number and date values. Years go to `years` too. */
export function termsOf(tokens: Token[], years?: number[]): string[] {
  const terms: string[] = []
  for (const t of tokens) if (!STOPWORDS.has(t.norm) && !/^\d/.test(t.norm)) terms.push(t.stem)
  const numbers = findNumbers(tokens)
  for (const n of numbers) {
    const prev = tokens[n.from - 1]
    if (prev && REFERENCE_MARKS.has(prev.norm) && /\.\s*$/.test(tokens[n.from].gap)) continue
    terms.push(`#${n.value}`)
    if (n.kind === 'year') years?.push(n.value)
  }
  for (const d of findDates(tokens, numbers)) if (d.day !== undefined) terms.push(`@${d.month}-${d.day}`)
  return terms
}

export interface BuildOptions {
  /** Code point spans of the source's notes (its `note` blocks), beside those recognised in plain text. */
  notes?: { start: number; end: number }[]
  /** Called every few hundred sentences with sentences done and total. */
  progress?: (done: number, total: number) => void
  /** Aborting stops the build with MarginaliaError('cancelled'). */
  signal?: AbortSignal
}

/** Builds the index of a source's normalised text in one go (about 1–2 s for 1.4 MB). */
export function buildSourceIndex(text: string, options: BuildOptions = {}): SourceIndex {
  const steps = buildSourceIndexSteps(text, options.notes)
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value
    if (options.signal?.aborted) throw new MarginaliaError('cancelled', 'Indexing of the source was cancelled')
    options.progress?.(step.value[0], step.value[1])
  }
}

/** Sentences indexed between two yields of buildSourceIndexSteps. */
export const INDEX_BATCH = 500

/**
 * The index build as steps: yields [sentences done, total] every INDEX_BATCH sentences, so an
 * async caller can report progress and honour cancellation between batches; returns the index.
 */
export function* buildSourceIndexSteps(text: string, notes: { start: number; end: number }[] = []): Generator<[number, number], SourceIndex> {
  const cp = new CodePointIndex(text)
  const sentences = segmentSentences(text, cp)
  const tokens = tokenise(text, 0, cp)
  const postings = new Map<string, number[]>()
  const caps = new Map<string, [string, number, number]>()
  const lower = new Map<string, number>()
  const flat: number[] = []
  const years: number[] = []
  let totalTerms = 0
  let k = 0
  let notePara = -1
  let inNote = false
  for (let s = 0; s < sentences.length; s++) {
    if (s % INDEX_BATCH === 0) yield [s, sentences.length]
    const { start, end, para } = sentences[s]
    if (para !== notePara) {
      notePara = para
      inNote = NOTE_START.test(cp.slice(start, Math.min(end, start + 40)))
    }
    while (k < tokens.length && tokens[k].start < start) k++
    const from = k
    while (k < tokens.length && tokens[k].end <= end) k++
    const own = tokens.slice(from, k)
    own.forEach((t, i) => {
      if (t.cap && i > 0) {
        const e = caps.get(t.norm) ?? [t.stem, 0, 0]
        e[1]++
        caps.set(t.norm, e)
      } else if (!t.cap) lower.set(t.norm, (lower.get(t.norm) ?? 0) + 1)
    })
    const ownYears: number[] = []
    const terms = termsOf(own, ownYears)
    for (const y of ownYears) years.push(s, y)
    const counts = new Map<string, number>()
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
    // Names with an epithet ("the younger Andronicus") as terms of their own; not counted in the
    // sentence's length (they repeat its words).
    for (const term of epithetTermsOf(own)) counts.set(term, (counts.get(term) ?? 0) + 1)
    for (const [term, n] of counts) {
      let list = postings.get(term)
      if (!list) postings.set(term, (list = []))
      list.push(s, n)
    }
    // A heading or table of contents line: mostly capitalised words ("Defeat And Captivity Of Bajazet").
    const words = own.filter((t) => /\p{L}/u.test(t.text))
    const heading = words.length >= 3 && words.filter((t) => t.cap).length >= words.length * 0.7
    const note = inNote || notes.some((n) => start < n.end && n.start < end)
    flat.push(start, end, para, terms.length, note ? SENTENCE_NOTE : heading ? SENTENCE_HEADING : SENTENCE_BODY)
    totalTerms += terms.length
  }
  yield [sentences.length, sentences.length]
  for (const [norm, e] of caps) e[2] = lower.get(norm) ?? 0
  return {
    version: SOURCE_INDEX_VERSION,
    length: cp.length,
    fingerprint: textFingerprint(text),
    sentences: flat,
    chapters: findChapters(text, cp),
    postings: Object.fromEntries(postings),
    names: Object.fromEntries(caps),
    avgTerms: sentences.length ? totalTerms / sentences.length : 0,
    years
  }
}

/** Checks that parsed JSON is an index of the current version for this text; false means rebuild. */
export function isCurrentIndex(value: unknown, text: string): value is SourceIndex {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<SourceIndex>
  return (
    v.version === SOURCE_INDEX_VERSION &&
    v.fingerprint === textFingerprint(text) &&
    Array.isArray(v.sentences) &&
    Array.isArray(v.years) &&
    typeof v.postings === 'object' &&
    typeof v.names === 'object'
  )
}

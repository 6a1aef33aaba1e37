/**
 * Segmentation of a source into paragraphs and sentences, and detection of its chapters.
 * Works on hard-wrapped plain text (Project Gutenberg), wiki dumps with glued references
 * ("…birth name.Elizabeth A. Zachariadou") and ordinary prose. All offsets are code points.
 */
import { labelValue } from '../structure/parse-locator'
import { CodePointIndex } from '../text/code-points'

/** A sentence: code points [start, end) of the text, and the number of its paragraph. */
export interface Sentence {
  start: number
  end: number
  para: number
}

/** A chapter of the source: its number, heading line and code point span [start, end). */
export interface Chapter {
  number: number
  label: string
  start: number
  end: number
}

// Words that end with a full stop without ending a sentence: titles, reference abbreviations
// (Gibbon's notes are full of "l. iii. c. 29", "tom. ii. p. 5"), Latin abbreviations.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'ste', 'mt', 'messrs', 'rev', 'gen', 'col', 'capt', 'sir', 'jr', 'sr',
  'vol', 'vols', 'tom', 'p', 'pp', 'l', 'c', 'cc', 'ch', 'chap', 'cap', 'ed', 'edit', 'eds', 'fol', 'ff',
  'no', 'nos', 'n', 'art', 'sect', 'sec', 'lib', 'lett', 'epist', 'hist', 'annal', 'ibid', 'id', 'op', 'cit',
  'loc', 'cf', 'viz', 'vs', 'etc', 'al', 'ca', 'circa', 'fl', 'b', 'd', 'r', 'ad', 'bc', 'a.d', 'b.c', 'i.e', 'e.g',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ca', 'approx', 'dept',
  'univ', 'acad', 'inst', 'soc', 'trans', 'transl', 'repr', 'ser', 'pt', 'bk', 'v', 'vv', 'ver', 'fig', 'pl'
])
const ROMAN = /^[ivxlcdm]+$/i

/** Longest sentence kept whole, in words; longer ones are cut at semicolons (Gibbon runs to 150 words). */
const MAX_SENTENCE_WORDS = 90

function isBoundary(text: string, dot: number): boolean {
  // The word before the mark.
  let w = dot
  while (w > 0 && /[\p{L}.]/u.test(text[w - 1])) w--
  const word = text.slice(w, dot)
  const lower = word.toLowerCase()
  if (text[dot] !== '.') return true
  if (ABBREVIATIONS.has(lower)) return false
  if (/^\p{L}$/u.test(word)) return false // initials: "Elizabeth A. Zachariadou"
  if (/\./.test(word)) return false // "A.D.", "i.e."
  if (ROMAN.test(word) && word === lower) return false // "l. iii. c. 29"
  return true
}

/** Sentences of one paragraph [from, to) (UTF-16), appended to `out` as UTF-16 ranges. */
function splitParagraph(text: string, from: number, to: number, out: [number, number][]): void {
  let start = from
  const mark = /[.!?]+["'”’)\]]*(?=(\s+)["'“‘(\[]?[\p{Lu}\d])|[.!?](?=[\p{Lu}][\p{Ll}])/gu
  mark.lastIndex = from
  for (let m = mark.exec(text); m && m.index < to; m = mark.exec(text)) {
    const glued = m[1] === undefined
    // A reference glued to its sentence ("…birth name.Elizabeth"): only after a lower-case word or a closing quote.
    if (glued && !/(\p{Ll}{2}|["”’)])$/u.test(text.slice(Math.max(from, m.index - 2), m.index))) continue
    if (!isBoundary(text, m.index)) continue
    const end = m.index + m[0].length
    out.push([start, end])
    start = end
  }
  out.push([start, to])
}

/** Cuts an over-long sentence at semicolons/colons into parts of reasonable length. */
function cutLong(text: string, range: [number, number]): [number, number][] {
  const [a, b] = range
  const words = text.slice(a, b).split(/\s+/).length
  if (words <= MAX_SENTENCE_WORDS) return [range]
  const parts: [number, number][] = []
  const target = Math.ceil(words / Math.ceil(words / MAX_SENTENCE_WORDS))
  let start = a
  let count = 0
  const re = /(\S+)(\s*)/g
  re.lastIndex = a
  for (let m = re.exec(text); m && m.index < b; m = re.exec(text)) {
    count++
    if (count >= target * 0.6 && /[;:]$/.test(m[1]) && b - (m.index + m[0].length) > 0) {
      const remaining = text.slice(m.index + m[0].length, b).split(/\s+/).length
      if (remaining >= target * 0.4) {
        parts.push([start, m.index + m[1].length])
        start = m.index + m[0].length
        count = 0
      }
    }
  }
  parts.push([start, b])
  return parts
}

/** Sentences of `text` in order, trimmed, each with its paragraph number. */
export function segmentSentences(text: string, index?: CodePointIndex): Sentence[] {
  const cp = index ?? new CodePointIndex(text)
  const out: Sentence[] = []
  // Hard-wrapped text (lines of ~70 characters) breaks paragraphs at blank lines only; text with
  // long lines (wiki dumps, Markdown) has one paragraph per line.
  const lines = text.split('\n').filter((l) => l.trim())
  const unwrapped = lines.filter((l) => l.length > 100).length >= lines.length * 0.2
  const paraRe = unwrapped ? /\n+/g : /\n[ \t]*\n|\n(?=[ \t]*(?:==|\[Footnote|Chapter\s|CHAPTER\s))/g
  let para = 0
  let pStart = 0
  const paragraphs: [number, number][] = []
  for (let m = paraRe.exec(text); m; m = paraRe.exec(text)) {
    paragraphs.push([pStart, m.index])
    pStart = m.index + m[0].length
  }
  paragraphs.push([pStart, text.length])
  for (const [a, b] of paragraphs) {
    if (!/\p{L}/u.test(text.slice(a, b))) continue
    const ranges: [number, number][] = []
    splitParagraph(text, a, b, ranges)
    for (const r of ranges.flatMap((r) => cutLong(text, r))) {
      let [s, e] = r
      while (s < e && /\s/.test(text[s])) s++
      while (e > s && /\s/.test(text[e - 1])) e--
      if (s >= e || !/\p{L}/u.test(text.slice(s, e))) continue
      out.push({ start: cp.toCodePoint(s), end: cp.toCodePoint(e), para })
    }
    para++
  }
  return out
}

/**
 * Chapters of `text`: lines starting "Chapter N" / "Book N" (N Roman or Arabic). Consecutive
 * headings of the same number ("Chapter LXIV …--Part II.") belong to one chapter.
 */
export function findChapters(text: string, index?: CodePointIndex): Chapter[] {
  const cp = index ?? new CodePointIndex(text)
  const heads: { number: number; label: string; at: number }[] = []
  const re = /^[ \t]*(?:chapter|chap\.|book)\s+([ivxlcdm]+|\d+)\b[^\n]*/gim
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = labelValue(m[1])
    if (!Number.isFinite(n)) continue
    if (heads.length && heads[heads.length - 1].number === n) continue
    heads.push({ number: n, label: m[0].trim(), at: m.index })
  }
  // A table of contents lists every chapter once near the start: keep the last run of headings
  // for each number, i.e. drop a heading when the same number appears again later.
  const lastAt = new Map<number, number>()
  heads.forEach((h, i) => lastAt.set(h.number, i))
  const kept = heads.filter((h, i) => lastAt.get(h.number) === i)
  return kept.map((h, i) => ({
    number: h.number,
    label: h.label,
    start: cp.toCodePoint(h.at),
    end: cp.toCodePoint(i + 1 < kept.length ? kept[i + 1].at : text.length)
  }))
}

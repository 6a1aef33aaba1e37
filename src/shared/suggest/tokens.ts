/**
 * Terms of a text as compromise tags them, with absolute UTF-16 positions. The name finder works
 * on these; compromise runs per paragraph so a long document is processed in bounded pieces
 * (and can report progress and be cancelled between them).
 */
import type nlp from 'compromise'
import { foldKey } from '../text/fold'

export interface Token {
  /** The term without surrounding punctuation or spaces. */
  text: string
  /** Punctuation and spaces before and after the term, as compromise splits them. */
  pre: string
  post: string
  tags: Set<string>
  /** Folded (lower-case, accent-free) text, for list lookups. */
  folded: string
  /** UTF-16 index of the term's first character in the whole text. */
  start: number
  /** UTF-16 index after its last character. */
  end: number
  /** Number of the sentence (unique over the whole text). */
  sentence: number
  sentenceStart: boolean
  /** Position of the token in the whole text's token list. */
  index: number
}

/** Paragraphs (runs of non-empty lines) with their UTF-16 offset in the text. */
export function paragraphs(text: string): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = []
  for (const m of text.matchAll(/[^\n]+/g)) out.push({ text: m[0], offset: m.index })
  return out
}

interface JsonTerm {
  text: string
  pre: string
  post: string
  tags: string[]
  offset: { start: number; length: number }
}

let sentenceCounter = 0

/**
 * A reference glued after a sentence (`…his birth name.Elizabeth A. Zachariadou`) comes out of
 * compromise as one term `name.Elizabeth`; it is split at the full stop into two terms, the
 * second starting a new sentence.
 */
const GLUED = /^(.*?[\p{Ll}\d])(["”)]?\.)(\p{Lu}[\p{L}'’-]*)$/u

/**
 * The terms of a compromise document, positioned in the whole text.
 * @param offset UTF-16 index of the document's first character in the whole text.
 * @param firstIndex token index of its first term in the whole text's token list.
 * @param tagWord compromise's tags for a lone word (for the second half of a split term).
 */
export function tokenise(doc: ReturnType<typeof nlp>, offset: number, firstIndex: number, tagWord: (w: string) => string[]): Token[] {
  const out: Token[] = []
  const sentences = doc.json({ offset: true, terms: { offset: true } }) as Array<{ terms: JsonTerm[] }>
  const push = (text: string, pre: string, post: string, tags: string[], start: number, sentence: number, sentenceStart: boolean): void => {
    out.push({
      text, pre, post, tags: new Set(tags), folded: foldKey(text), start, end: start + text.length,
      sentence, sentenceStart, index: firstIndex + out.length
    })
  }
  for (const s of sentences) {
    let sentence = sentenceCounter++
    s.terms.forEach((t, k) => {
      if (!t.text) return
      // compromise's offset.start/length cover the term's text without its pre/post punctuation.
      const start = offset + t.offset.start
      const glued = GLUED.exec(t.text)
      if (!glued || t.text.length !== t.offset.length) {
        push(t.text, t.pre, t.post, t.tags, start, sentence, k === 0)
        return
      }
      push(glued[1], t.pre, glued[2], t.tags, start, sentence, k === 0)
      sentence = sentenceCounter++
      push(glued[3], '', t.post, tagWord(glued[3]), start + glued[1].length + glued[2].length, sentence, true)
    })
  }
  return out
}

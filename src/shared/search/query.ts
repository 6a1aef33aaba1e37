/**
 * The search query language, parsed into clauses every one of which must occur in a passage:
 *
 * - `Manuel Bajazet`: both words in one passage (paragraph); each occurrence is a hit;
 * - `"John VII"`: a phrase (consecutive words; punctuation and line breaks between them ignored);
 *   a hyphenated or possessive word (`co-emperor`) is a phrase of its parts, as in the text;
 * - `Palaeo*`: words starting with `palaeo`; `Pal*gus`, `Bay?zid`: wildcards (`*` any run of
 *   letters, `?` one letter) matched against the folded words of the document;
 * - `Palaiologos~`: a spelling within a small edit distance (about one letter in five).
 *
 * Every word is folded as the text is (case, diacritics, ligatures), so `παλαιολογος` finds
 * `Παλαιολόγος` and `palaeologus` finds `Palæologus`.
 */
import { foldedWords, foldTerm } from './word-table'

export type WordMode = 'exact' | 'prefix' | 'wildcard' | 'fuzzy'

/** One word of a query, folded. For `wildcard`, `text` is the folded pattern with its `*` and `?`. */
export interface QueryWord {
  text: string
  mode: WordMode
}

/** Consecutive words; `label` is how it is shown (the query text, or an entity's name). */
export interface QueryPhrase {
  words: QueryWord[]
  label: string
  /** Set when the phrase is a name of this entity, added by variant expansion. */
  entityId?: string
}

/** A clause matches where any of its alternatives (spellings) does. */
export interface QueryClause {
  alternatives: QueryPhrase[]
}

export interface ParsedQuery {
  /** Every clause must occur in a passage for its hits there to count. */
  clauses: QueryClause[]
}

/** A query that cannot be run; the message says why, in the historian's terms. */
export class QueryError extends Error {}

/** Longest query accepted, in UTF-16 units. */
export const MAX_QUERY_LENGTH = 1000
/** Most clauses in one query. */
export const MAX_CLAUSES = 32
/** Most `*` in one wildcard word. */
export const MAX_STARS = 3

const CHUNK = /"([^"]*)"?|(\S+)/g
const HAS_WILDCARD = /[*?]/
const LITERAL = /[\p{L}\p{N}]/u

/** Parses one unquoted chunk holding `*` or `?` into a single wildcard or prefix word. */
function patternWord(chunk: string): QueryWord {
  const bare = chunk.replace(/^[^\p{L}\p{N}*?]+|[^\p{L}\p{N}*?]+$/gu, '')
  const folded = foldTerm(bare.replace(/[*?]/g, (c) => (c === '*' ? '\u0001' : '\u0002'))).replace(/\u0001/g, '*').replace(/\u0002/g, '?')
  if (!LITERAL.test(folded)) throw new QueryError(`"${chunk}": a wildcard needs at least one letter or digit`)
  // Each `*` multiplies the work of matching a word; three keep it linear in the vocabulary.
  if ((folded.match(/\*/g) ?? []).length > MAX_STARS) throw new QueryError(`"${chunk}": at most ${MAX_STARS} * in one word`)
  if (/^[^*?]+\*$/.test(folded)) return { text: folded.slice(0, -1), mode: 'prefix' }
  return { text: folded, mode: 'wildcard' }
}

/** Parses a query; throws QueryError when it holds no word. */
export function parseQuery(query: string): ParsedQuery {
  if (query.length > MAX_QUERY_LENGTH) throw new QueryError(`the query is longer than ${MAX_QUERY_LENGTH} characters`)
  const clauses: QueryClause[] = []
  for (const m of query.matchAll(CHUNK)) {
    const quoted = m[1] !== undefined
    const chunk = quoted ? m[1] : m[2]
    let words: QueryWord[]
    if (!quoted && HAS_WILDCARD.test(chunk)) words = [patternWord(chunk)]
    else {
      const fuzzy = !quoted && chunk.endsWith('~')
      words = foldedWords(chunk).map((text) => ({ text, mode: fuzzy ? 'fuzzy' : 'exact' }))
    }
    if (words.length === 0) continue
    clauses.push({ alternatives: [{ words, label: chunk.replace(/~$/, '') }] })
  }
  if (clauses.length === 0) throw new QueryError('the query has no word to search for')
  if (clauses.length > MAX_CLAUSES) throw new QueryError(`the query has more than ${MAX_CLAUSES} words or phrases`)
  return { clauses }
}

/** The regular expression of a folded wildcard pattern, anchored to a whole word. */
export function wildcardRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')
  return new RegExp(`^${body}$`, 'u')
}

/**
 * The search index of one document: its word table (word spans in code points, folded forms,
 * passages) and a MiniSearch index over its passages. MiniSearch finds, for a query word, the
 * passages holding it and the document's spellings it stands for (exact, prefix and fuzzy, through
 * its radix tree); wildcards are matched against the document's vocabulary here, as MiniSearch has
 * none. Where in a passage the words are is read from the word table (find-hits.ts).
 */
import MiniSearch from 'minisearch'
import { drainSteps } from './drain-steps'
import type { QueryWord } from './query'
import { QueryError, wildcardRegExp } from './query'
import { buildWordTableSteps, type WordTable } from './word-table'

/** A passage as MiniSearch indexes it: its number and its folded words joined by spaces. */
interface Passage {
  id: number
  words: string
}

/** What one query word stands for in a document. */
export interface WordLookup {
  /** `member[t]` is 1 when vocabulary term `t` matches the word. */
  member: Uint8Array
  /** Passages holding at least one matching word, ascending. */
  passages: number[]
}

/** Most spellings a wildcard may stand for in one document; more is an error that asks for more letters. */
export const MAX_WILDCARD_TERMS = 5000
/** Edit distance of a fuzzy word, as a fraction of its length (MiniSearch's `fuzzy`). */
export const FUZZY = 0.2

/** Passages added to MiniSearch between two progress steps. */
const PASSAGE_BATCH = 2000

export class DocumentSearchIndex {
  private readonly termIds: Map<string, number>

  private constructor(
    readonly table: WordTable,
    private readonly mini: MiniSearch<Passage>
  ) {
    this.termIds = new Map(table.vocab.map((t, i) => [t, i]))
  }

  /**
   * Builds the index of `text` (normalised) in steps; each yields `[done, total]` in UTF-16 units
   * of the text, so a service can report progress, let other calls through and stop on cancel.
   */
  static *buildSteps(text: string): Generator<[number, number], DocumentSearchIndex> {
    const table: WordTable = yield* buildWordTableSteps(text)
    const mini = new MiniSearch<Passage>({
      fields: ['words'],
      tokenize: (s) => (s ? s.split(' ') : []),
      processTerm: (t) => t,
      searchOptions: { tokenize: (s) => [s], processTerm: (t) => t }
    })
    const count = table.passages.length - 1
    for (let p = 0; p < count; p += PASSAGE_BATCH) {
      const batch: Passage[] = []
      for (let q = p; q < Math.min(count, p + PASSAGE_BATCH); q++) {
        const words: string[] = []
        for (let w = table.passages[q]; w < table.passages[q + 1]; w++) words.push(table.vocab[table.terms[w]])
        batch.push({ id: q, words: words.join(' ') })
      }
      mini.addAll(batch)
      yield [text.length, text.length]
    }
    return new DocumentSearchIndex(table, mini)
  }

  /** Builds the index in one go. */
  static build(text: string): DocumentSearchIndex {
    return drainSteps(DocumentSearchIndex.buildSteps(text))
  }

  /** The spellings of this document a query word stands for, and the passages holding them. */
  lookup(word: QueryWord): WordLookup {
    const member = new Uint8Array(this.table.vocab.length)
    let results: ReturnType<MiniSearch<Passage>['search']>
    if (word.mode === 'wildcard') {
      const re = wildcardRegExp(word.text)
      const terms = this.table.vocab.filter((t) => re.test(t))
      if (terms.length > MAX_WILDCARD_TERMS) throw new QueryError(`"${word.text}" matches more than ${MAX_WILDCARD_TERMS} different words; give more letters`)
      results = terms.length ? this.mini.search({ combineWith: 'OR', queries: terms }) : []
    } else if (word.mode === 'exact') results = this.termIds.has(word.text) ? this.mini.search(word.text) : []
    else results = this.mini.search(word.text, word.mode === 'prefix' ? { prefix: true } : { fuzzy: FUZZY })
    for (const r of results) for (const t of r.terms) member[this.termIds.get(t)!] = 1
    return { member, passages: results.map((r) => r.id as number).sort((a, b) => a - b) }
  }
}

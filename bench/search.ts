/**
 * Search and table benchmark, one run, every figure a ratio to a baseline measured in the same run:
 * (1) building the search index of Gibbon vols. 2 + 6 (≈ 3.4 million characters) as a multiple of
 *     one plain case-insensitive scan of the same text, and restoring a saved MiniSearch index
 *     (loadJSON) as a fraction of building it (why indexes are not persisted);
 * (2) each kind of query (rare and common words, phrase, prefix, wildcard, near spelling, two words,
 *     entity aliases) over both volumes with hits in context, as a ratio to a plain case-insensitive
 *     regular-expression scan of the same text for the same word (which finds fewer: no folding);
 * (3) the annotation table of 10,000 annotations filtered (tag, entity type, text) as a ratio to the
 *     same table unfiltered, rows and rows + facets.
 * Medians of several repetitions. Run: npx tsx bench/search.ts
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import MiniSearch from 'minisearch'
import { annotationTable } from '../src/shared/corpus/annotation-table'
import { filterRows } from '../src/shared/corpus/annotation-filter'
import { sortRows } from '../src/shared/corpus/annotation-table'
import { tableRows } from '../src/shared/corpus/annotation-rows'
import { DocumentSearchIndex } from '../src/shared/search/document-index'
import { type SearchableDocument, searchDocuments } from '../src/shared/search/search-documents'
import { CodePointIndex } from '../src/shared/text/code-points'
import { normaliseText } from '../src/shared/text/normalise'
import { syntheticProject } from '../tests/helpers/synthetic-project'

const LARGE = join(__dirname, '..', '..', 'shared', 'corpus', 'large')
const FILES = ['gibbon-decline-and-fall-vol2-pg732.txt', 'gibbon-decline-and-fall-vol6-pg895.txt'].map((f) => join(LARGE, f))
if (!FILES.every(existsSync)) {
  console.log(`skipped: ${LARGE} is absent (the shared corpus is not on this machine)`)
  process.exit(0)
}

/** Median wall time of `runs` calls of `fn`, in ms. */
function median(fn: () => unknown, runs = 7): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}
const ratio = (x: number, base: number): string => (x / base).toFixed(x / base < 0.1 ? 3 : 2)

const texts = FILES.map((f) => normaliseText(readFileSync(f, 'utf8')))
const chars = texts.reduce((n, t) => n + t.length, 0)
console.log(`Gibbon vols. 2 + 6: ${(chars / 1e6).toFixed(2)} million UTF-16 units`)

/** The baseline: a case-insensitive scan of both texts for a word (or a regular expression). */
const scan = (pattern: string): number => texts.reduce((n, t) => n + (t.match(new RegExp(pattern, 'giu'))?.length ?? 0), 0)
const scanMs = median(() => scan('\\bpalaeologus\\b'))

// (1) Index build, and restoring a saved MiniSearch index instead.
let docs: SearchableDocument[] = []
const buildMs = median(() => {
  docs = texts.map((t, i) => ({ id: `vol${i}`, title: `vol${i}`, index: DocumentSearchIndex.build(t), text: new CodePointIndex(t) }))
}, 3)
let saved: string[] | undefined = docs.map((d) => JSON.stringify((d.index as unknown as { mini: MiniSearch }).mini))
const loadMs = median(() => saved!.forEach((s) => MiniSearch.loadJSON(s, { fields: ['words'] })), 3)
saved = undefined // let the copies go before timing queries
console.log(`plain scan of both volumes: 1 (baseline, ${scanMs.toFixed(1)} ms on this run)`)
console.log(`index build, both volumes: ${ratio(buildMs, scanMs)} × one scan (${docs.reduce((n, d) => n + d.index.table.words, 0)} words)`)
console.log(`restoring the saved MiniSearch part instead: ${ratio(loadMs, buildMs)} × a whole build (the word table would still have to be rebuilt or stored)`)

// (2) Queries.
const entities = [{ id: 'ent_bayezid', label: 'Bayezid I', aliases: ['Bajazet', 'Bayazid'] }]
const QUERIES: Array<[string, string, string]> = [
  ['rare word', 'Palaeologus', '\\bpal(?:ae|æ|Ê)ologus\\b'],
  ['common word (1,000 hits shown)', 'the', '\\bthe\\b'],
  ['phrase', '"the emperor"', '\\bthe\\s+emperor\\b'],
  ['prefix', 'Constantin*', '\\bconstantin\\w*'],
  ['wildcard', 'B?jazet', '\\bb\\wjazet\\b'],
  ['near spelling', 'Palaiologos~', '\\bpal\\w+log\\w+\\b'],
  ['two words in a paragraph', 'Bajazet Timour', '\\b(?:bajazet|timour)\\b'],
  ['entity with aliases', 'Bajazet', '\\b(?:bajazet|bayazid|bayezid)\\b']
]
console.log('\nquery latency as a ratio to a plain scan for the same word (lower is faster):')
for (const [kind, query, pattern] of QUERIES) {
  const base = median(() => scan(pattern), 11)
  let total = 0
  const ms = median(() => {
    total = searchDocuments(docs, query, kind.startsWith('entity') ? entities : [], { limit: 1000 }).total
  }, 11)
  console.log(`  ${kind.padEnd(32)} ${query.padEnd(16)} ${ratio(ms, base).padStart(6)}  (${total} hits; the scan finds ${scan(pattern)})`)
}

// (3) Filtering 10,000 annotations.
const { data } = syntheticProject(FILES[1], 10_000)
const filter = { tags: ['tag,3', 'tag,7'], entityTypes: ['person' as const, 'place' as const], text: 'the' }
const unfilteredRows = median(() => sortRows(tableRows(data)))
const filteredRows = median(() => sortRows(filterRows(tableRows(data), filter)))
const unfilteredTable = median(() => annotationTable(data), 5)
const filteredTable = median(() => annotationTable(data, { filter }), 5)
const kept = filterRows(tableRows(data), filter).length
console.log(`\n10,000 annotations, filtered (2 tags, 2 entity types, a word; ${kept} rows kept):`)
console.log(`  rows, sorted: ${ratio(filteredRows, unfilteredRows)} × the unfiltered pass`)
console.log(`  rows + facet counts (the table request): ${ratio(filteredTable, unfilteredTable)} × the unfiltered request`)

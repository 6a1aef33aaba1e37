/** Articles of the shared corpus's Wikipedia texts (../shared/corpus/wiki), by title or file name. */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { normaliseText } from '../../src/shared/text/normalise'
import { corpusPath } from './corpus'

export const WP2TXT = corpusPath('wiki/wp2txt-format/wp2txt-1.0.0_testdata_en.txt')
export const CHINAPEDIA = corpusPath('wiki/markdown-chinapedia')
export const HAVE_WIKI = existsSync(WP2TXT) && existsSync(CHINAPEDIA)

let dump: string | undefined

/** The normalised text of a wp2txt article (from its `[[Title]]` line to the next one), or a chinapedia file. */
export function wikiArticle(corpus: 'wp2txt' | 'chinapedia', name: string): string {
  if (corpus === 'chinapedia') return normaliseText(readFileSync(join(CHINAPEDIA, name), 'utf8'))
  dump ??= normaliseText(readFileSync(WP2TXT, 'utf8'))
  const heads = [...dump.matchAll(/^\[\[([^\]]+)\]\]$/gm)]
  const i = heads.findIndex((h) => h[1] === name)
  if (i < 0) throw new Error(`${WP2TXT}: no article [[${name}]]`)
  return dump.slice(heads[i].index, heads[i + 1]?.index ?? dump.length)
}

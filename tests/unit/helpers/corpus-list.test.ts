/**
 * The corpus guard checks only the files listed in CORPUS_USED_BY_TESTS, so a test that reads a
 * corpus file missing from that list would skip silently under CI=true. This reads every test
 * source and every labelled compare set for the corpus files they name (`'large/…'` paths,
 * `join(CORPUS, 'a', 'b')` calls, `../shared/corpus/…` paths) and checks each is on the list.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORPUS_USED_BY_TESTS } from '../../helpers/corpus'
import { ROOT } from '../../helpers/temp-dir'

/** Files below `dir` whose names end with one of `endings`. */
function filesBelow(dir: string, endings: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && endings.some((end) => e.name.endsWith(end)))
    .map((e) => join(e.parentPath, e.name))
}

const FILE = /\.(txt|md|bib|ris|json|html|xml|pdf)$/

/** The corpus-relative paths of files a source names. */
export function corpusFilesNamed(source: string): string[] {
  const found: string[] = []
  for (const m of source.matchAll(/\.\.\/shared\/corpus\/([\w./-]+)/g)) found.push(m[1])
  for (const m of source.matchAll(/['"]((?:large|bib|wiki|tei|anchoring)\/[\w./-]+)['"]/g)) found.push(m[1])
  for (const m of source.matchAll(/join\(CORPUS((?:,\s*'[^']+')+)\)/g)) found.push([...m[1].matchAll(/'([^']+)'/g)].map((p) => p[1]).join('/'))
  return found.filter((p) => FILE.test(p))
}

describe('the corpus list', () => {
  it('finds corpus files in the three ways tests name them', () => {
    expect(corpusFilesNamed(`const A = join(CORPUS, 'tei', 'docsouth', 'beverley.xml'); const B = corpusPath('large/x.txt'); "source": "../shared/corpus/wiki/y.md"; join(CORPUS, 'bib', 'miletus')`))
      .toEqual(['wiki/y.md', 'large/x.txt', 'tei/docsouth/beverley.xml'])
  })

  it('holds every corpus file a test or a labelled compare set reads', () => {
    const sources = [
      ...filesBelow(join(ROOT, 'tests'), ['.ts']).filter((f) => !f.endsWith('corpus-list.test.ts')),
      ...filesBelow(join(ROOT, 'tests', 'fixtures', 'compare-labels'), ['.json']),
      join(ROOT, 'bench', 'lib', 'compare-sets.ts')
    ]
    const listed = new Set(CORPUS_USED_BY_TESTS)
    const missing = new Set<string>()
    for (const file of sources) {
      for (const path of corpusFilesNamed(readFileSync(file, 'utf8'))) if (!listed.has(path)) missing.add(`${path} (${relative(ROOT, file)})`)
    }
    expect([...missing]).toEqual([])
  })
})

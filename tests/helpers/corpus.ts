/**
 * The corpora the tests read. Small files a README claim rests on are vendored byte for byte in
 * tests/fixtures/corpus/ (same layout as the shared corpus; PROVENANCE.md there), so those checks
 * run in any clone; only the large corpora (Gibbon's volumes, real bibliographies, the big TEI
 * edition, wp2txt's dump) stay outside, in `../shared/corpus` beside the checkout.
 *
 * `hasCorpus(...)` decides whether a test of the large corpora runs. In a plain clone it may skip,
 * and says which files are missing; under `CI=true` a missing corpus is a failure, never a silent
 * skip: the call throws, so the test file fails to load and the run fails.
 *
 * `npm run test:no-corpus` (scripts/test-no-corpus.mjs) checks that a clone without the shared
 * corpus passes: the tests reading it run in a copy of the checkout with nothing beside it.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Repository root. */
const ROOT = resolve(__dirname, '..', '..')
/** The shared corpus beside the checkout (may be absent on other machines). */
export const CORPUS = resolve(ROOT, '..', 'shared', 'corpus')
/** The small corpus files vendored in the repository, in the shared corpus's layout. */
export const VENDORED_CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus')

/**
 * Absolute path of a corpus file or folder, e.g. `corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')`:
 * the vendored copy when the repository has one, else the shared corpus's.
 */
export function corpusPath(relative: string): string {
  const vendored = join(VENDORED_CORPUS, relative)
  return existsSync(vendored) ? vendored : join(CORPUS, relative)
}

/**
 * Every corpus file the test suites read (unit and e2e). Under CI=true the run checks them all
 * before any test (tests/setup/corpus-guard.ts), so a missing corpus fails CI instead of skipping.
 */
export const CORPUS_USED_BY_TESTS = [
  'large/gibbon-decline-and-fall-vol6-pg895.txt',
  'large/gibbon-decline-and-fall-vol2-pg732.txt',
  'bib/miletus/pdf/milet-bibliographie-by-year-pdf.pdf',
  'tei/docsouth/beverley.xml',
  'tei/froissart-humeau/Edition_JeanFroissart.xml',
  'tei/froissart-kervegan/froissart.xml',
  'wiki/markdown-chinapedia/Alexios_I_Komnenos.md',
  'wiki/markdown-chinapedia/Alexios_V_Doukas.md',
  'wiki/markdown-chinapedia/Andronikos_I_Komnenos.md',
  'wiki/markdown-chinapedia/Andronikos_II_Palaiologos.md',
  'wiki/markdown-chinapedia/Constantinople.md',
  'wiki/markdown-chinapedia/List_of_Byzantine_emperors.md',
  'bib/miletus/Milet_Bibliography_BibTeX.bib',
  'bib/miletus/Milet_Bibliography_BibLaTeX.bib',
  'bib/miletus/Milet_Bibliography_RIS.ris',
  'wiki/markdown-chinapedia/Bayezid_I.md',
  'wiki/markdown-chinapedia/Mehmed_I.md',
  'wiki/markdown-chinapedia/Andronikos_III_Palaiologos.md',
  'wiki/wp2txt-format/wp2txt-1.0.0_testdata_en.txt',
  'anchoring/hypothesis-html-baselines/wikipedia-regression-testing.json',
  'anchoring/hypothesis-html-baselines/wikipedia-regression-testing.html'
]

/**
 * The corpus files of CORPUS_USED_BY_TESTS that are missing. With `ci` set, a missing one is an
 * error naming every missing file; otherwise they are returned for a message.
 */
export function checkCorpus(ci: boolean, exists: (path: string) => boolean = existsSync): string[] {
  const missing = CORPUS_USED_BY_TESTS.filter((p) => !exists(corpusPath(p))).map(corpusPath)
  if (missing.length > 0 && ci) {
    throw new Error(`CI=true and the test corpus is incomplete; these files are missing:\n${missing.map((m) => `  ${m}`).join('\n')}\n(the corpus lives in ../shared/corpus beside the checkout)`)
  }
  return missing
}

const reported = new Set<string>()

/**
 * True when every corpus path (relative to the corpus folder) exists. When one is missing: under
 * CI=true throws an error naming it; elsewhere prints once which test data is missing and
 * returns false, for `describe.skipIf(!hasCorpus(…))`.
 */
export function hasCorpus(...relatives: string[]): boolean {
  const missing = relatives.filter((r) => !existsSync(corpusPath(r)))
  if (missing.length === 0) return true
  const message = `test corpus missing: ${missing.map(corpusPath).join(', ')} (see README, "Tests")`
  if (process.env.CI === 'true') throw new Error(`${message}; under CI=true a missing corpus fails the run`)
  if (!reported.has(message)) {
    reported.add(message)
    process.stderr.write(`skipping: ${message}\n`)
  }
  return false
}

/**
 * The large corpora that stay outside the repository (`../shared/corpus`, beside the checkout).
 * Everything a README claim rests on is vendored in tests/fixtures/ instead; only tests that need
 * real large data use this.
 *
 * `hasCorpus(...)` decides whether such a test runs. In a plain clone it may skip, and says which
 * files are missing; under `CI=true` a missing corpus is a failure, never a silent skip: the call
 * throws, so the test file fails to load and the run fails.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Repository root. */
const ROOT = resolve(__dirname, '..', '..')
/** The shared corpus beside the checkout (may be absent on other machines). */
export const CORPUS = resolve(ROOT, '..', 'shared', 'corpus')

/** Absolute path of a corpus file, e.g. `corpusPath('large/gibbon-decline-and-fall-vol6-pg895.txt')`. */
export function corpusPath(relative: string): string {
  return join(CORPUS, relative)
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
  const message = `test corpus missing: ${missing.map((m) => join(CORPUS, m)).join(', ')} (see README, "Tests")`
  if (process.env.CI === 'true') throw new Error(`${message}; under CI=true a missing corpus fails the run`)
  if (!reported.has(message)) {
    reported.add(message)
    process.stderr.write(`skipping: ${message}\n`)
  }
  return false
}

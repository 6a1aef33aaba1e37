/**
 * vitest globalSetup: under CI=true every corpus file the tests read must be there, or the run
 * fails before any test (a skipped check is not a passed one). Elsewhere it says once which
 * corpus files are missing; the tests that need them skip.
 */
import { checkCorpus } from '../helpers/corpus'

export default function corpusGuard(): void {
  const missing = checkCorpus(process.env.CI === 'true')
  if (missing.length > 0) process.stderr.write(`Test corpus incomplete: tests that need these files will skip:\n${missing.map((m) => `  ${m}`).join('\n')}\n`)
}

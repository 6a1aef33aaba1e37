// The unit tests as StrykerJS runs them (stryker.config.mjs): those of the mutated folders, in
// process, without tests that spawn processes or browsers (they cannot see the mutants) and
// without the corpus-sized anchoring baselines and the randomised re-anchoring run (each takes
// minutes per mutant under instrumentation; they run in npm test). The corpus-sized export tests
// skip themselves under MARGINALIA_MUTATION. Tests must run the code under test inside the test (or
// beforeEach), not at describe level or in beforeAll: Stryker counts code run outside a test as
// "static" and runs every test for each such mutant (docs/mutation.md).
import { relative } from 'node:path'
import { defineConfig } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'
import base from './vitest.config.mts'

/**
 * Test files in the order that kills a mutant soonest: a file that failed in the last run first (it
 * likely kills the neighbouring mutant too), then the quickest. Vitest's default runs the slowest
 * first, so with bail every killed mutant paid for the slowest covering file.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const result = (f: TestSpecification) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`)
    return [...files].sort((a, b) => {
      const [ra, rb] = [result(a), result(b)]
      if (!!ra?.failed !== !!rb?.failed) return ra?.failed ? -1 : 1
      return (ra?.duration ?? Infinity) - (rb?.duration ?? Infinity)
    })
  }
}

export default defineConfig({
  test: {
    ...base.test,
    globalSetup: [],
    // Every file, every test: the store kit's temp folders removed and spies restored (see the file).
    setupFiles: ['tests/unit/main/store/after-each-test.ts'],
    // One module graph for the whole run: each mutant's tests start in a second instead of re-importing everything.
    pool: 'threads',
    sequence: { sequencer: QuickestFirst },
    isolate: false,
    env: { MARGINALIA_MUTATION: '1' }, // property tests try 100 cases per mutant (tests/helpers/property-runs.ts)
    include: ['tests/unit/shared/anchoring/**/*.test.ts', 'tests/unit/shared/text/**/*.test.ts', 'tests/unit/main/store/**/*.test.ts', 'tests/unit/shared/export/**/*.test.ts'],
    exclude: ['tests/unit/shared/anchoring/hypothesis-baselines.test.ts', 'tests/unit/shared/anchoring/reanchor-random.test.ts']
  }
})

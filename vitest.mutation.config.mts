// The unit tests as StrykerJS runs them (stryker.config.mjs): those of the mutated folders, in
// process, without tests that spawn processes or browsers (they cannot see the mutants) and
// without the corpus-sized anchoring baselines and the randomised re-anchoring run (each takes
// minutes per mutant under instrumentation; they run in npm test).
import { defineConfig } from 'vitest/config'
import base from './vitest.config.mts'

export default defineConfig({
  test: {
    ...base.test,
    globalSetup: [],
    // One module graph for the whole run: each mutant's tests start in a second instead of re-importing everything.
    pool: 'threads',
    isolate: false,
    env: { MARGINALIA_MUTATION: '1' }, // property tests try 100 cases per mutant (tests/helpers/property-runs.ts)
    include: ['tests/unit/shared/anchoring/**/*.test.ts', 'tests/unit/shared/text/**/*.test.ts', 'tests/unit/main/store/**/*.test.ts', 'tests/unit/shared/export/**/*.test.ts'],
    exclude: ['tests/unit/shared/anchoring/hypothesis-baselines.test.ts', 'tests/unit/shared/anchoring/reanchor-random.test.ts']
  }
})

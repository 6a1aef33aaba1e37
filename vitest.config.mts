import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    // Under CI=true a missing corpus fails the run instead of skipping its tests. The CLI is
    // bundled once for the tests that run it as a process (tests/helpers/cli-command.ts).
    globalSetup: ['tests/setup/corpus-guard.ts', 'tests/global-setup-cli.ts'],
    // One test file per core (vitest's default leaves one core idle: 1 worker on a 2-core machine,
    // where most files are single-threaded or wait on a child process). Files stay isolated.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})

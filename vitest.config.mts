import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    // Under CI=true a missing corpus fails the run instead of skipping its tests. The CLI is
    // bundled once for the tests that run it as a process (tests/helpers/cli-command.ts).
    globalSetup: ['tests/setup/corpus-guard.ts', 'tests/global-setup-cli.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})

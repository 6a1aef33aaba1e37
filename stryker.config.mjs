// Mutation testing (npm run mutation; not part of npm test): StrykerJS with the vitest runner over
// the anchoring core, the project store and the exporters. Each mutant runs only the tests that
// cover it (coverageAnalysis perTest), so a run fits on a 2-core machine. One folder at a time:
//   npm run mutation -- --mutate 'src/shared/anchoring/**/*.ts'
// The HTML report goes to reports/mutation/. Results accumulate with --incremental: one file per
// group of mutated files, kept in the repository under mutation/ (a run writes only the files it
// mutated, so one shared file would lose the other groups' results), e.g.
//   nice -n 10 npm run mutation -- --mutate src/main/store/backups.ts --concurrency 1 --incremental --incrementalFile mutation/store-backups.json
// (docs/mutation.md).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/shared/anchoring/**/*.ts', 'src/main/store/**/*.ts', 'src/shared/export/**/*.ts', '!**/index.ts', '!**/types.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  // Not copied into a sandbox: other runs' sandboxes (several runs may share a checkout), reports and
  // the incremental results.
  ignorePatterns: ['/.stryker-tmp*', '/reports', '/mutation'],
  cleanTempDir: 'always',
  incrementalFile: 'mutation/stryker-incremental.json'
}

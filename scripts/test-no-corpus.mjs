// Runs the unit tests that read the test corpus the way a stranger's clone runs them: in a copy of
// this checkout (tracked and new files, no build output) with no ../shared/corpus beside it. Every
// file must pass, its tests of the large corpora skipping with the missing files named; the
// vendored corpus (tests/fixtures/corpus) must be enough for the rest. Not part of `npm test`
// (~2 min of the 2-core machine's time for a check that changes only when these tests do);
// run it after touching a test that reads the corpus: `npm run test:no-corpus`.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
/** What marks a test file as a reader of the corpus (helpers and path forms of tests/helpers/corpus.ts). */
const READS_CORPUS = /corpusPath|CORPUS|shared\/corpus|compare-sets|wiki-articles|hasCorpus/

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean)
const box = mkdtempSync(join(tmpdir(), 'marginalia-no-corpus-'))
const copy = join(box, 'checkout') // box/shared/corpus does not exist: the corpus is absent
try {
  for (const f of files) {
    mkdirSync(dirname(join(copy, f)), { recursive: true })
    cpSync(join(ROOT, f), join(copy, f))
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
  const tests = files.filter((f) => f.startsWith('tests/unit/') && f.endsWith('.test.ts') && READS_CORPUS.test(readFileSync(join(ROOT, f), 'utf8')))
  console.log(`${tests.length} test files read the corpus; running them in ${copy} without ../shared/corpus`)
  const env = { ...process.env }
  delete env.CI // under CI=true a missing corpus is an error by design
  const run = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vitest', 'run', ...tests], { cwd: copy, env, stdio: 'inherit' })
  process.exitCode = run.status ?? 1
} finally {
  rmSync(box, { recursive: true, force: true })
}

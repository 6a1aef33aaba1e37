#!/usr/bin/env node
/**
 * Bundles the CLI (src/cli/index.ts) and the worker entries it starts into plain CommonJS under
 * `out-cli/` with esbuild, so a test can run `node out-cli/index.js …` instead of compiling the
 * TypeScript sources again in every process through tsx (2–5 s of CPU per call on this machine).
 * The vitest and Playwright global setups run it before any test (tests/global-setup-cli.ts); the
 * tests' CLI runner (tests/helpers/cli-command.ts) spawns the bundle.
 *
 * The bundle is built like electron-vite builds out/main (electron.vite.config.ts): the packages
 * of `dependencies` stay `require()`s into node_modules (found from out-cli/, inside the
 * repository), except ESM-only ones, which are bundled (a CJS require() of them would fail or warn
 * on Node 20). The workers are their own entries beside index.js, with the names the clients look
 * for (`import-worker.js`, `csl-worker.js`, `bib-read-worker.js` in `__dirname`), so the bundle
 * starts the same built workers the app does. The app's files (documents/, resources/) are found
 * from `__dirname` upwards (src/main/services/project-session.ts), i.e. the repository root.
 *
 *   node scripts/build-cli.mjs [OUT_DIR]
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Where the tests expect the bundle. */
export const CLI_BUNDLE_DIR = join(ROOT, 'out-cli')

const ENTRIES = {
  index: 'src/cli/index.ts',
  'import-worker': 'src/main/import/import-worker.ts',
  'csl-worker': 'src/main/bib/csl-worker.ts',
  'bib-read-worker': 'src/main/bib/bib-read-worker.ts'
}

/** True when `name`'s package.json says it is an ES module with no CommonJS entry. */
function esmOnly(name) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))
  const exportsText = JSON.stringify(pkg.exports ?? {})
  return pkg.type === 'module' && !/"require"|\.cjs"/.test(exportsText) && !(pkg.main ?? '').endsWith('.cjs')
}

/** The packages left as require()s: the CommonJS-loadable `dependencies`, as electron-vite leaves them. */
function externalPackages() {
  const deps = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies ?? {})
  return deps.filter((d) => !esmOnly(d))
}

/**
 * Builds the bundle into `outDir` (default out-cli/): first into a sibling folder, then each file
 * renamed into place, so a CLI started meanwhile (another test run) never loads a half-written
 * file. Resolves with the path of the CLI entry.
 */
export async function buildCli(outDir = CLI_BUNDLE_DIR) {
  const staging = `${outDir}.${process.pid}.tmp`
  rmSync(staging, { recursive: true, force: true })
  const packages = externalPackages()
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(ROOT, file)])),
    outdir: staging,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // A package and its subpaths (`pdfjs-dist/legacy/build/pdf.mjs`), and Node's own modules.
    external: [...packages, ...packages.map((p) => `${p}/*`), ...builtinModules, 'node:*']
  })
  mkdirSync(outDir, { recursive: true })
  for (const file of readdirSync(staging)) renameSync(join(staging, file), join(outDir, file))
  rmSync(staging, { recursive: true, force: true })
  return join(outDir, 'index.js')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now()
  const entry = await buildCli(process.argv[2] ? resolve(process.argv[2]) : undefined)
  console.log(`CLI bundled into ${entry} in ${Date.now() - started} ms`)
}

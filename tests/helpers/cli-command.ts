/**
 * How the tests start the CLI: `node out-cli/index.js …`, the CLI's sources bundled once per test
 * run by the global setup (tests/global-setup-cli.ts, scripts/build-cli.mjs) instead of `tsx
 * src/cli/index.ts …`, which compiles the TypeScript again in every process. Same code, same
 * arguments, same exit codes; only the start-up is cheaper.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Repository root (the CLI's working folder in the tests). */
export const CLI_ROOT = resolve(__dirname, '..', '..')

/** The bundled CLI entry. */
export const CLI_BUNDLE = join(CLI_ROOT, 'out-cli', 'index.js')

/** The node binary running the tests (the one the bundle is run with). */
export const NODE = process.execPath

/** `[command, args]` starting the CLI with `args`; throws when the bundle was not built. */
export function cliCommand(...args: string[]): [string, string[]] {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`node scripts/build-cli.mjs\` (the test runners' global setup does)`)
  return [NODE, [CLI_BUNDLE, ...args]]
}

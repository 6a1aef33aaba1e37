/**
 * Global setup of vitest and Playwright: bundles the CLI once per run (scripts/build-cli.mjs,
 * ~3 s) so the tests start it with plain node (tests/helpers/cli-command.ts).
 */
import { execFileSync } from 'node:child_process'
import { join, resolve } from 'node:path'

export default function buildCliBundle(): void {
  execFileSync(process.execPath, [join(resolve(__dirname, '..'), 'scripts', 'build-cli.mjs')], { stdio: 'inherit' })
}

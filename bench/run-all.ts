/** Runs every benchmark in bench/ one after another (each prints its own ratios). */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = __dirname
const benches = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'run-all.ts').sort()
for (const bench of benches) {
  process.stdout.write(`\n=== ${bench}\n`)
  execFileSync(join(dir, '..', 'node_modules', '.bin', 'tsx'), [join(dir, bench)], { stdio: 'inherit' })
}

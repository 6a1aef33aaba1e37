#!/usr/bin/env node
/**
 * Electron security check of `npm test`: runs electronegativity (Doyensec's Electron linter) over
 * the sources (src/) and the built app (out/), and compares its findings with the reviewed
 * allow-list beside this script, where each accepted finding says why it is not a risk.
 * Fails (exit 1) on any finding not in the list, and on any list entry no longer found (a stale
 * entry would hide a future finding). Offline: the check that downloads Electron's release list
 * is excluded and the Electron version is given from package.json.
 *
 *   node scripts/security/check-electron.mjs [--input DIR --allowlist FILE]
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const BIN = join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js')
const ELECTRON = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version

function arg(name) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

/**
 * Runs electronegativity on `dir`; resolves with its findings as { check, level, file, location }.
 * Its SARIF report, not its CSV: the CSV writer starts the header write and the rows' append
 * without waiting for either, so the header can land over the first row (seen in CI).
 */
async function findings(dir) {
  const tmp = mkdtempSync(join(tmpdir(), 'marginalia-electronegativity-'))
  try {
    const report = join(tmp, 'findings.sarif')
    const child = spawn(process.execPath, [BIN, '-i', dir, '-r', '-e', ELECTRON, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, '-v', 'false'], { cwd: ROOT })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const code = await new Promise((ok) => child.on('close', ok))
    if (!existsSync(report)) throw new Error(`electronegativity gave no report for ${dir} (exit ${code}):\n${output}`)
    const results = JSON.parse(readFileSync(report, 'utf8')).runs[0].results
    return results.map((r) => {
      const where = r.locations?.[0]?.physicalLocation
      const uri = where?.artifactLocation?.uri
      return {
        check: r.ruleId,
        level: r.level,
        // The tool writes "file:///" for a finding about the whole application ("N/A" in its CSV).
        file: !uri || uri === 'file:///' ? 'N/A' : uri,
        location: where?.region ? `${where.region.startLine}:${where.region.startColumn}` : 'N/A',
        message: r.message?.text ?? ''
      }
    })
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

const allowlistPath = resolve(arg('allowlist') ?? join(ROOT, 'scripts', 'security', 'electronegativity-allowlist.json'))
const allowlist = JSON.parse(readFileSync(allowlistPath, 'utf8')).accepted
let inputs
if (arg('input')) inputs = [{ name: basename(resolve(arg('input'))), dir: resolve(arg('input')) }]
else {
  if (!existsSync(join(ROOT, 'out', 'main', 'index.js'))) {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
  inputs = [{ name: 'src', dir: join(ROOT, 'src') }, { name: 'out', dir: join(ROOT, 'out') }]
}

const problems = []
const used = new Set()
let accepted = 0
// Each run spends most of its time waiting for network look-ups that fail offline: run them side by side.
const results = await Promise.all(inputs.map(({ dir }) => findings(dir)))
for (const [k, { name }] of inputs.entries()) {
  for (const f of results[k]) {
    const i = allowlist.findIndex((a) => a.input === name && a.check === f.check && a.file === f.file)
    if (i >= 0) {
      used.add(i)
      accepted++
    } else problems.push(`new finding in ${name}: ${f.check} (${f.level}) at ${f.file}:${f.location}: ${f.message}`)
  }
}
allowlist.forEach((a, i) => {
  if (!used.has(i) && inputs.some((x) => x.name === a.input)) problems.push(`stale allow-list entry (no longer found; remove it): ${a.input} ${a.check} ${a.file}`)
})
console.log(`electronegativity ${inputs.map((x) => x.name).join(' + ')}: ${accepted} accepted finding(s) from ${relative(ROOT, allowlistPath)}, ${problems.length} problem(s)`)
for (const p of problems) console.log(`  ${p}`)
process.exit(problems.length ? 1 : 0)

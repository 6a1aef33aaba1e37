/**
 * `npm start` without network: the Electron install step says that Electron's program could not
 * be downloaded, why, and how to use the browser mode instead, and exits non-zero (not a bare
 * `TypeError: fetch failed` stack). This machine cannot reach GitHub, and a mirror on a closed
 * loopback port makes the failure certain anywhere.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, tempDir } from '../../helpers/temp-dir'

const installed = existsSync(join(ROOT, 'node_modules', 'electron', 'dist', 'version'))

function install(env: Record<string, string>) {
  const cache = tempDir('marginalia-electron-cache-')
  try {
    return spawnSync(process.execPath, [join(ROOT, 'scripts', 'install-electron.mjs')], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, electron_config_cache: cache.dir, ...env }
    })
  } finally {
    cache.cleanup()
  }
}

describe.skipIf(installed)('Electron install step without network (skipped: Electron is installed here)', () => {
  it('explains the failure, gives the browser fallback and exits non-zero', async () => {
    // A loopback port that was just free: nothing listens there, so the connection is refused.
    const probe = createServer()
    await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok))
    const port = (probe.address() as AddressInfo).port
    await new Promise((ok) => probe.close(ok))
    const r = install({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/` })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^Marginalia: Electron 45\.5\.0's program could not be downloaded, so the desktop app cannot start\.\n/)
    expect(r.stderr).toContain(`\nWhy: connect ECONNREFUSED 127.0.0.1:${port} (while fetching http://127.0.0.1:${port}/v45.5.0/electron-v45.5.0-linux-x64.zip)\n`)
    expect(r.stderr).toContain('\n  npm run build\n  npm run cli -- serve\n')
    expect(r.stderr).not.toMatch(/TypeError|^\s+at /m) // no stack trace
  }, 130_000)

  it('on this machine (no route to GitHub) names the host it could not reach', () => {
    const r = install({})
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/\nWhy: .*(github\.com|objects\.githubusercontent\.com).*\n/)
    expect(r.stderr).toContain('npm run cli -- serve')
  }, 130_000)
})

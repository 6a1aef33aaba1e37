/**
 * `npm install` on a fresh clone must not rewrite package-lock.json: the lockfile must already be
 * what npm derives from package.json. Checked by letting npm recompute it in a scratch copy; and
 * under CI=true (after .ci/run's `npm install`) the file must still be the committed one.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT, tempDir } from '../../helpers/temp-dir'

describe('package-lock.json', () => {
  it('is exactly what npm install derives from package.json (nothing to rewrite)', () => {
    const scratch = tempDir('marginalia-lock-')
    try {
      for (const f of ['package.json', 'package-lock.json', '.npmrc']) copyFileSync(join(ROOT, f), join(scratch.dir, f))
      const r = spawnSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: scratch.dir, encoding: 'utf8', timeout: 240_000 })
      expect(r.status, r.stderr).toBe(0)
      expect(readFileSync(join(scratch.dir, 'package-lock.json'), 'utf8')).toBe(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'))
    } finally {
      scratch.cleanup()
    }
  }, 250_000)

  it.runIf(process.env.CI === 'true')('is unchanged by the install CI just ran', () => {
    expect(execFileSync('git', ['status', '--porcelain', '--', 'package-lock.json', 'package.json'], { cwd: ROOT, encoding: 'utf8' })).toBe('')
  })

  it('states the supported Node versions, and this Node is one of them', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0')
    const nvmrc = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()
    expect(nvmrc).toMatch(/^20\.(19|[2-9]\d)/)
    const [major, minor] = process.versions.node.split('.').map(Number)
    expect((major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major > 22).toBe(true)
  })
})

/**
 * The Electron security check of `npm test` can fail: an insecure window it has not reviewed, or a
 * reviewed entry that no longer matches anything, makes it exit 1 and say which.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, tempDir } from '../../helpers/temp-dir'

const { dir, cleanup } = tempDir('marginalia-electronegativity-test-')
afterAll(cleanup)

describe('scripts/security/check-electron.mjs', () => {
  it('fails on an unreviewed insecure window and on a stale allow-list entry', () => {
    const app = join(dir, 'app')
    mkdirSync(app)
    writeFileSync(join(app, 'main.js'), `const { BrowserWindow } = require('electron')\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })\n`)
    const allowlist = join(dir, 'allow.json')
    writeFileSync(allowlist, JSON.stringify({ accepted: [{ input: 'app', check: 'REMOTE_MODULE_JS_CHECK', file: 'gone.js', why: 'a file that no longer exists' }] }))
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'security', 'check-electron.mjs'), '--input', app, '--allowlist', allowlist], { cwd: dir, encoding: 'utf8' })
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/new finding in app: CONTEXT_ISOLATION_JS_CHECK \(warning\) at main\.js:2/)
    expect(r.stdout).toMatch(/new finding in app: SANDBOX_JS_CHECK \(warning\) at main\.js:2/)
    expect(r.stdout).toMatch(/new finding in app: LIMIT_NAVIGATION_GLOBAL_CHECK/)
    expect(r.stdout).toContain('stale allow-list entry (no longer found; remove it): app REMOTE_MODULE_JS_CHECK gone.js')
  }, 120_000)
})

/**
 * The CLI ends on its own when its work is done (no `process.exit()` that could cut queued output),
 * and a handle left open by mistake cannot hang a finished command: it is ended after the grace
 * period, with stderr naming what held it. Each case runs in a real child process.
 */
import { spawn, spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { HELD_OPEN_MESSAGE } from '../../../src/cli/end-when-idle'
import { ROOT } from '../../helpers/temp-dir'

/** Runs `body` (which has `endWhenIdle` in scope) in a fresh Node process; returns its outcome and duration. */
function child(body: string) {
  const script = `import('./src/cli/end-when-idle.ts').then((m) => { const { endWhenIdle } = m.default ?? m; ${body} })`
  const started = Date.now()
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started }
}

describe('endWhenIdle', () => {
  it('lets an idle process end by itself with the code given, before the grace period and without a message', () => {
    const r = child(`process.stdout.write('x'.repeat(300000)); endWhenIdle(7, 30000)`)
    expect(r.code).toBe(7)
    expect(r.stdout).toHaveLength(300_000) // more than a pipe holds: all of it arrived
    expect(r.stderr).not.toContain(HELD_OPEN_MESSAGE)
    expect(r.ms).toBeLessThan(25_000) // the 30 s timer did not have to fire
  }, 60_000)

  it('ends a process held open by a stray server after the grace period, naming the handle', () => {
    const r = child(`require('node:net').createServer().listen(0, '127.0.0.1', () => endWhenIdle(3, 200))`)
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(new RegExp(`${HELD_OPEN_MESSAGE} [^\\n]*TCPServerWrap[^\\n]* 200 ms after finishing`))
  }, 60_000)
  it('even when it ends a held process, lets the output queued for a pipe arrive whole first', async () => {
    // The reader waits 1 s before reading: at the end of the 200 ms grace most of the output is still queued.
    const script = `import('./src/cli/end-when-idle.ts').then((m) => { const { endWhenIdle } = m.default ?? m; require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write('y'.repeat(300000)); endWhenIdle(4, 200) }) })`
    const p = spawn(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT })
    p.stdout.pause()
    let stdout = ''
    let stderr = ''
    p.stderr.on('data', (d) => (stderr += d))
    setTimeout(() => {
      p.stdout.on('data', (d) => (stdout += d))
      p.stdout.resume()
    }, 1_000 + 3_000) // tsx start-up takes a few seconds
    const code = await new Promise<number | null>((resolve) => p.on('close', resolve))
    expect(code).toBe(4)
    expect(stdout).toHaveLength(300_000)
    expect(stderr).toContain(HELD_OPEN_MESSAGE)
  }, 60_000)
})

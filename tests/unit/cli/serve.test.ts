/**
 * A real `serve` (the CLI process). Under a flood of idle connections on 127.0.0.1 it keeps at most
 * LIMITS.httpConnections sockets, closing the longest-idle ones, so a normal call still answers
 * and an open event stream survives (loopback only; the loop is bounded: 1,100 sockets).
 * writeExport writes only into the project's exports/ folder and the --export-root folders.
 * On SIGTERM, with an event stream still open, it ends on its own (src/cli/end-when-idle.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HELD_OPEN_MESSAGE } from '../../../src/cli/end-when-idle'
import { LOCK_FILE } from '../../../src/main/store/project-lock'
import { LIMITS } from '../../../src/shared/limits'
import { cliCommand } from '../../helpers/cli-command'
import { ROOT, tempDir } from '../../helpers/temp-dir'

const FLOOD = 1_100
const { dir, cleanup } = tempDir('marginalia-flood-')
let serve: ChildProcess | undefined
let serveStderr = ''
const sockets: Socket[] = []

afterAll(async () => {
  for (const s of sockets) s.destroy()
  if (serve && serve.exitCode === null) {
    const exited = new Promise((ok) => serve!.once('exit', ok))
    serve.kill('SIGTERM')
    await exited
  }
  cleanup()
})

/** Opens the event stream; resolves once its first bytes came. */
function openEventStream(port: number, token: string): Promise<void> {
  const stream = request({ host: '127.0.0.1', port, path: `/api/events?token=${token}`, agent: false, headers: { host: `127.0.0.1:${port}` } })
  stream.on('error', () => undefined)
  stream.end()
  return new Promise<void>((ok) => stream.on('response', (res) => res.once('data', () => ok())))
}

/** Starts `serve` on a fresh project with a stand-in renderer; resolves with its port and token. */
async function startServe(): Promise<{ port: number; token: string }> {
  const out = join(dir, 'out')
  mkdirSync(join(out, 'renderer'), { recursive: true })
  writeFileSync(join(out, 'renderer', 'index.html'), '<!doctype html><title>Marginalia</title>')
  serve = spawn(...cliCommand('serve', '--project', join(dir, 'project'), '--create', '--export-root', join(dir, 'allowed')), {
    cwd: ROOT, env: { ...process.env, MARGINALIA_OUT: out }, stdio: ['ignore', 'pipe', 'pipe']
  })
  serve.stderr!.on('data', (d) => (serveStderr += d))
  const line = await new Promise<string>((ok, fail) => {
    let text = ''
    serve!.stdout!.on('data', (d) => {
      text += d
      if (text.includes('\n')) ok(text.split('\n')[0])
    })
    serve!.once('exit', (code) => fail(new Error(`serve exited with ${code}`)))
  })
  const { port, url } = JSON.parse(line) as { port: number; url: string }
  return { port, token: new URL(url).searchParams.get('token')! }
}

function call(port: number, token: string, method: string, args: unknown = {}): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', agent: false,
      headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, 'content-type': 'application/json' } }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }))
    })
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')))
    req.on('error', fail)
    req.end(JSON.stringify(args))
  })
}

let server: Promise<{ port: number; token: string }> | undefined
const started = () => (server ??= startServe())

describe('serve', () => {
  it(`keeps at most ${LIMITS.httpConnections.max} sockets under a flood of idle connections, answers a normal call and keeps the event stream`, async () => {
    const { port, token } = await started()
    expect((await call(port, token, 'getProjectInfo')).status).toBe(200)

    // An open event stream: a request in flight, which must never be evicted.
    let streamClosed = false
    const stream = request({ host: '127.0.0.1', port, path: `/api/events?token=${token}`, agent: false, headers: { host: `127.0.0.1:${port}` } })
    const streamOpen = new Promise<void>((ok) => stream.on('response', (res) => {
      res.once('data', () => ok())
      res.on('close', () => (streamClosed = true))
    }))
    stream.on('error', () => (streamClosed = true))
    stream.end()
    await streamOpen

    let closedByServer = 0
    for (let i = 0; i < FLOOD; i++) {
      const s = connect(port, '127.0.0.1')
      s.on('error', () => undefined)
      s.on('close', () => closedByServer++)
      s.resume()
      sockets.push(s)
    }
    await Promise.all(sockets.map((s) => new Promise<void>((ok) => (s.readyState === 'open' ? ok() : s.once('connect', () => ok()).once('close', () => ok())))))
    // The server closed the surplus: at most the limit (minus the stream) stay open.
    const mustClose = FLOOD - (LIMITS.httpConnections.max - 1)
    for (let waited = 0; closedByServer < mustClose && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50))
    expect(closedByServer).toBeGreaterThanOrEqual(mustClose)

    // A normal call answers while the flood's remaining sockets are still open.
    const answer = await call(port, token, 'getProjectInfo')
    expect(answer.status).toBe(200)
    expect(JSON.parse(answer.body)).toMatchObject({ ok: true })
    expect(streamClosed).toBe(false)
    expect(serve!.exitCode).toBeNull()
  }, 60_000)

  it('writes exports only into the exports folder of the project and the --export-root folders', async () => {
    const { port, token } = await started()
    const write = async (folder: string) => JSON.parse((await call(port, token, 'writeExport', { format: 'json', folder })).body)
    expect(await write(join(dir, 'allowed', 'june'))).toMatchObject({ ok: true })
    expect(await write(join(dir, 'project', 'exports'))).toMatchObject({ ok: true })
    expect(await write('exports')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(existsSync(join(ROOT, 'exports'))).toBe(false) // nothing beside the server's working folder
    expect(await write(join(dir, 'elsewhere'))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false)
    expect(readdirSync(join(dir, 'allowed', 'june'))).toHaveLength(2)
  }, 60_000)

  it('ends on its own on SIGTERM with an event stream open: exit 0, the lock released, nothing left holding it', async () => {
    const { port, token } = await started()
    for (const s of sockets) s.destroy() // the flood's leftovers, as a browser tab would have closed them
    await openEventStream(port, token)
    const exited = new Promise<number | null>((ok) => serve!.once('exit', (code) => ok(code)))
    serve!.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(serveStderr).not.toContain(HELD_OPEN_MESSAGE)
    expect(existsSync(join(dir, 'project', LOCK_FILE))).toBe(false)
  }, 60_000)
})

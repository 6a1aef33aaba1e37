import { mkdirSync, writeFileSync } from 'node:fs'
import { SCHEMA_VERSION } from '../../../../src/shared/model'
import { request } from 'node:http'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { CONTENT_SECURITY_POLICY } from '../../../../src/main/security/csp'
import { type RunningServer, startHttpServer } from '../../../../src/main/transport/http'
import { LIMITS } from '../../../../src/shared/limits'
import { tempDir } from '../../../helpers/temp-dir'

let session: ProjectSession
let server: RunningServer
let cleanup: () => void
let renderer: string

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  renderer = join(t.dir, 'renderer')
  mkdirSync(renderer)
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>M</title>')
  writeFileSync(join(t.dir, 'secret.txt'), 'not for the browser')
  session = await ProjectSession.open(join(t.dir, 'project'), { create: true })
  server = await startHttpServer({ session, rendererDir: renderer })
})
afterAll(async () => {
  await server.close()
  await session.close()
  cleanup()
})

/** A raw request, so the Host header and path can be set freely. */
function raw(path: string, opts: { method?: string; host?: string; token?: string; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({
      host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET',
      headers: { host: opts.host ?? `127.0.0.1:${server.port}`, ...(opts.token !== undefined ? { authorization: `Bearer ${opts.token}` } : {}), 'content-type': 'application/json' }
    }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', fail)
    req.end(opts.body)
  })
}

describe('loopback HTTP transport', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('answers API calls with the same Result objects as the services', async () => {
    const res = await raw('/api/getProjectInfo', { method: 'POST', token: server.token, body: '{}' })
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { schemaVersion: SCHEMA_VERSION } })
    const bad = await raw('/api/createAnnotation', { method: 'POST', token: server.token, body: '{"documentId":"x","start":"a"}' })
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
  })

  it('refuses calls without the token, with a wrong token, or through a foreign Host (DNS rebinding)', async () => {
    expect((await raw('/api/getProjectInfo', { method: 'POST', body: '{}' })).status).toBe(401)
    expect((await raw('/api/getProjectInfo', { method: 'POST', token: (server.token[0] === 'x' ? 'y' : 'x') + server.token.slice(1), body: '{}' })).status).toBe(401)
    expect((await raw('/api/getProjectInfo', { method: 'POST', token: server.token, host: `evil.example:${server.port}`, body: '{}' })).status).toBe(421)
    expect((await raw('/api/events?token=nope')).status).toBe(401)
  })

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const page = await raw('/')
    expect(page.status).toBe(200)
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect((await raw('/../secret.txt')).status).not.toBe(200)
    expect((await raw('/%2e%2e/secret.txt')).status).not.toBe(200)
    // An encoded slash survives URL parsing; the decoded path must still be refused.
    expect((await raw('/..%2fsecret.txt')).status).toBe(403)
  })

  it('rejects malformed JSON bodies with a clear error', async () => {
    const res = await raw('/api/listDocuments', { method: 'POST', token: server.token, body: '{nope' })
    expect(res.status).toBe(400)
    expect(JSON.parse(res.body).error.code).toBe('invalid-argument')
  })

  it('answers a malformed percent-encoding with 400, not 500', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/a%ZZ', '/%00']) expect((await raw(path)).status, path).toBe(400)
    const api = await raw('/api/%', { method: 'POST', token: server.token, body: '{}' })
    expect(api.status).toBe(400)
    expect(JSON.parse(api.body).error).toEqual({ code: 'invalid-argument', message: 'malformed method name' })
  })
})

/** Sends raw bytes on a new socket and resolves with what the server answered before closing. */
function rawExchange(port: number, head: string, body?: (socket: Socket) => void): Promise<string> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1')
    let got = ''
    socket.on('data', (d) => (got += d))
    socket.on('error', () => undefined) // the server may close while we still send
    socket.on('close', () => ok(got))
    socket.write(head)
    body?.(socket)
  })
}

describe('request body limit', () => {
  it('refuses a declared body over the limit with 413 before reading it, naming the limit', async () => {
    const answer = await rawExchange(server.port,
      `POST /api/listDocuments HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nContent-Length: ${LIMITS.httpBody.max + 1}\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toContain('request body: 168,820,737 bytes is more than the 168,820,736 bytes limit for an HTTP request body')
  })

  it('refuses a chunked body as soon as it passes the limit', async () => {
    const mib = Buffer.alloc(1024 * 1024, 0x20)
    const answer = await rawExchange(server.port,
      `POST /api/listDocuments HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nAuthorization: Bearer ${server.token}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      (socket) => {
        let sent = 0
        let answered = false
        socket.once('data', () => (answered = true)) // like a real client, stop sending once answered
        const more = (): void => {
          while (sent < LIMITS.httpBody.max + 4 * mib.length && !socket.destroyed && !answered) {
            sent += mib.length
            socket.write(`${mib.length.toString(16)}\r\n`)
            socket.write(mib)
            if (!socket.write('\r\n')) return void socket.once('drain', more)
          }
          if (!socket.destroyed) socket.end(answered ? '' : '0\r\n\r\n')
        }
        more()
      })
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toContain('limit for an HTTP request body')
  }, 60_000)
})

describe('idle sockets', () => {
  it('closes a socket that sends no request within the headers timeout', async () => {
    const s = await ProjectSession.open(join(renderer, '..', 'project-2'), { create: true })
    const short = await startHttpServer({ session: s, rendererDir: renderer, sockets: { headersTimeout: 300, requestTimeout: 600, keepAliveTimeout: 300 } })
    try {
      const silent = connect(short.port, '127.0.0.1')
      const halfHeaders = connect(short.port, '127.0.0.1')
      halfHeaders.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${short.port}\r\n`)
      const closedWithin = (socket: Socket) => new Promise<boolean>((ok) => {
        const timer = setTimeout(() => ok(false), 5_000)
        socket.on('error', () => undefined)
        socket.on('close', () => { clearTimeout(timer); ok(true) })
        socket.resume() // read (and drop) the 408, so the end of the stream is seen
      })
      expect(await Promise.all([closedWithin(silent), closedWithin(halfHeaders)])).toEqual([true, true])
    } finally {
      await short.close()
      await s.close()
    }
  })
})


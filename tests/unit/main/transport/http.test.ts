import { mkdirSync, writeFileSync } from 'node:fs'
import { SCHEMA_VERSION } from '../../../../src/shared/model'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { type RunningServer, startHttpServer } from '../../../../src/main/transport/http'
import { tempDir } from '../../../helpers/temp-dir'

let session: ProjectSession
let server: RunningServer
let cleanup: () => void

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  const renderer = join(t.dir, 'renderer')
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
    expect((await raw('/api/getProjectInfo', { method: 'POST', token: 'x' + server.token.slice(1), body: '{}' })).status).toBe(401)
    expect((await raw('/api/getProjectInfo', { method: 'POST', token: server.token, host: `evil.example:${server.port}`, body: '{}' })).status).toBe(421)
    expect((await raw('/api/events?token=nope')).status).toBe(401)
  })

  it('serves the renderer with a CSP and never a file outside it', async () => {
    const page = await raw('/')
    expect(page.status).toBe(200)
    expect(String(page.headers['content-security-policy'])).toMatch(/script-src 'self'/)
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
})

/**
 * The loopback HTTP transport (DESIGN.md §3): serves the built renderer and binds the same API as
 * IPC to `POST /api/<method>`, on 127.0.0.1 only, guarded by a random session token. Change events
 * stream as Server-Sent Events from `GET /api/events?token=…`.
 * Defences: the Host header must name the loopback address (no DNS rebinding), the token is compared
 * in constant time, bodies are size-limited, static paths cannot leave the renderer folder.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { ProjectSession } from '../services/project-session'
import { CONTENT_SECURITY_POLICY } from '../security/csp'

/** Largest request body accepted: imports arrive base64-encoded (64 MiB file ≈ 86 MiB). */
const MAX_BODY_BYTES = 96 * 1024 * 1024

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon'
}

export interface HttpServerOptions {
  session: ProjectSession
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** Fixed token (tests); random otherwise. */
  token?: string
}

export interface RunningServer {
  server: Server
  port: number
  token: string
  /** The address to open, with the token. */
  url: string
  close(): Promise<void>
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(json)
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new Error(`request body larger than ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const rendererDir = resolve(opts.rendererDir)
  let port = 0

  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const path = normalize(join(rendererDir, rel))
    if (!path.startsWith(rendererDir + sep)) return send(res, 403, { error: 'forbidden' })
    const info = await stat(path).catch(() => undefined)
    if (!info?.isFile()) return send(res, 404, { error: 'not found' })
    res.writeHead(200, {
      'content-type': MEDIA_TYPES[extname(path)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store'
    })
    createReadStream(path).pipe(res)
  }

  function serveEvents(req: IncomingMessage, res: ServerResponse, given: string): void {
    if (!sameToken(given, token)) return send(res, 401, { error: 'missing or wrong session token' })
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': connected\n\n')
    const off = opts.session.onChange((event) => res.write(`data: ${JSON.stringify(event)}\n\n`))
    req.on('close', off)
  }

  async function serveApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const auth = req.headers.authorization ?? ''
    if (!sameToken(auth.replace(/^Bearer /, ''), token)) {
      return send(res, 401, { ok: false, error: { code: 'forbidden', message: 'missing or wrong session token' } })
    }
    let args: unknown
    try {
      const body = await readBody(req)
      args = body ? JSON.parse(body) : {}
    } catch (err) {
      return send(res, 400, { ok: false, error: { code: 'invalid-argument', message: (err as Error).message } })
    }
    send(res, 200, await opts.session.call(method, args))
  }

  const server = createServer((req, res) => {
    if (!allowedHost(req.headers.host)) return send(res, 421, { error: 'unexpected Host header' })
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const handle = async () => {
      if (url.pathname === '/api/events' && req.method === 'GET') return serveEvents(req, res, url.searchParams.get('token') ?? '')
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { error: 'use POST' })
        return serveApi(req, res, decodeURIComponent(url.pathname.slice('/api/'.length)))
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
      return serveStatic(req, res)
    }
    handle().catch((err) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: String(err) } })
      else res.destroy()
    })
  })

  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise((ok) => {
      server.closeAllConnections()
      server.close(() => ok())
    })
  }
}

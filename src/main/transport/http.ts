/**
 * The loopback HTTP transport (DESIGN.md §3): serves the built renderer and binds the same API as
 * IPC to `POST /api/<method>`, on 127.0.0.1 only, guarded by a random session token. Change events
 * stream as Server-Sent Events from `GET /api/events?token=…`.
 * Defences: the Host header must name the loopback address (no DNS rebinding), the token is compared
 * in constant time, bodies are size-limited (413 before parsing), static paths cannot leave the
 * renderer folder, a malformed path is a 400, and idle or slow sockets are timed out and evicted
 * (connection-guard.ts) so a flood of connections cannot lock out a real call. Limits: docs/limits.md.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { assertWithinLimit, LIMITS } from '../../shared/limits'
import { MarginaliaError } from '../../shared/result'
import type { ProjectSession } from '../services/project-session'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { guardConnections, type ConnectionGuard } from './connection-guard'
import { sendJson } from './json-answer'


const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon'
}

/** What the server calls: a session, or a ProjectHost that can switch projects under the same address. */
export type ServedProject = Pick<ProjectSession, 'call' | 'onChange'>

export interface HttpServerOptions {
  session: ServedProject
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** Fixed token (tests); random otherwise. */
  token?: string
  /** Overrides of the socket limits (tests use short timeouts); LIMITS.http* otherwise. */
  sockets?: Partial<SocketLimits>
}

/** How many sockets `serve` keeps and how long it waits for them, in milliseconds. */
export interface SocketLimits {
  maxConnections: number
  headersTimeout: number
  requestTimeout: number
  keepAliveTimeout: number
}

const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  maxConnections: LIMITS.httpConnections.max,
  headersTimeout: LIMITS.httpHeadersTimeout.max,
  requestTimeout: LIMITS.httpRequestTimeout.max,
  keepAliveTimeout: LIMITS.httpKeepAliveTimeout.max
}

export interface RunningServer {
  server: Server
  port: number
  token: string
  /** The address to open, with the token. */
  url: string
  /** Open and evicted socket counts. */
  connections: ConnectionGuard
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

/** The path of a request URL, percent-decoded; undefined when malformed (`GET /%`). */
function decodedPath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return undefined
  }
}

/**
 * The request body as text, refused (MarginaliaError) from its Content-Length before a byte is
 * read, or as soon as the bytes received pass LIMITS.httpBody.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    try {
      if (Number.isFinite(declared)) assertWithinLimit('request body', declared, LIMITS.httpBody)
    } catch (err) {
      return reject(err)
    }
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      try {
        assertWithinLimit('request body', size, LIMITS.httpBody)
      } catch (err) {
        req.off('data', onData)
        req.pause() // stop receiving; the 413 answer closes the connection
        return reject(err)
      }
      chunks.push(chunk)
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.once('error', reject)
  })
}

/** How long a refused upload may keep sending (discarded) so the client can read the 413 first. */
const REFUSED_UPLOAD_GRACE_MS = 2_000

/**
 * Answers 413. Closing at once would reset the connection while the client is still sending, and
 * a reset can lose the answer, so the rest of the body is read and discarded for a short grace
 * period before the socket is closed.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse, err: MarginaliaError): void {
  const socket = req.socket // detached from req once the response ends
  req.resume() // discard the rest
  res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify({ ok: false, error: { code: err.code, message: err.message } }), () => {
    setTimeout(() => socket?.destroy(), REFUSED_UPLOAD_GRACE_MS).unref()
  })
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url')
  const rendererDir = resolve(opts.rendererDir)
  let port = 0

  const allowedHost = (host: string | undefined) => host === `127.0.0.1:${port}` || host === `localhost:${port}`

  async function serveStatic(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const rel = decodedPath(url.pathname === '/' ? '/index.html' : url.pathname)
    if (rel === undefined || rel.includes('\0')) return send(res, 400, { error: 'malformed path' })
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
    req.on('close', off) // an open stream is a request in flight: never evicted as idle
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
      if (err instanceof MarginaliaError) return refuseBody(req, res, err)
      return send(res, 400, { ok: false, error: { code: 'invalid-argument', message: `request body: ${(err as Error).message}` } })
    }
    if (res.destroyed) return // the client went away before its call ran
    const result = await opts.session.call(method, args)
    if (!res.destroyed) await sendJson(res, 200, result)
  }

  const limits = { ...DEFAULT_SOCKET_LIMITS, ...opts.sockets }
  const server = createServer({
    headersTimeout: limits.headersTimeout,
    requestTimeout: limits.requestTimeout,
    keepAliveTimeout: limits.keepAliveTimeout,
    // How often Node looks for sockets past headersTimeout/requestTimeout (default 30 s, which
    // would let a silent socket live 40 s instead of 10).
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, limits.headersTimeout / 4))
  }, (req, res) => {
    if (!allowedHost(req.headers.host)) return send(res, 421, { error: 'unexpected Host header' })
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const handle = async () => {
      if (url.pathname === '/api/events' && req.method === 'GET') return serveEvents(req, res, url.searchParams.get('token') ?? '')
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, { error: 'use POST' })
        const method = decodedPath(url.pathname.slice('/api/'.length))
        if (method === undefined) return send(res, 400, { ok: false, error: { code: 'invalid-argument', message: 'malformed method name' } })
        return serveApi(req, res, method)
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
      return serveStatic(req, res)
    }
    handle().catch((err) => {
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: String(err) } })
      else res.destroy()
    })
  })

  const connections = guardConnections(server, limits.maxConnections, limits.headersTimeout)

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
    connections,
    close: () => new Promise((ok) => {
      server.closeAllConnections()
      server.close(() => ok())
    })
  }
}

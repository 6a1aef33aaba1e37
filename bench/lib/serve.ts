/**
 * Servers for the browser benchmarks: Marginalia's own `serve` (the built renderer and the real
 * services over the loopback HTTP transport) on a project folder, and a static server for the
 * Recogito comparison page.
 */
import { spawn } from 'node:child_process'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const CLI = join(ROOT, 'src', 'cli', 'index.ts')
export const OUT = resolve(ROOT, process.env.MARGINALIA_OUT ?? 'out')
export const CHROMIUM = process.env.PW_CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))

export interface Running {
  url: string
  stop(): Promise<void>
}

/** `marginalia serve --project dir`; resolves with the address (token included) once it listens. */
export function serveProject(dir: string): Promise<Running> {
  const proc = spawn(TSX, [CLI, 'serve', '--project', dir, '--create', '--port', '0'], { cwd: ROOT, env: { ...process.env, MARGINALIA_OUT: OUT } })
  return new Promise((ok, fail) => {
    let out = ''
    let err = ''
    proc.stderr.on('data', (d) => (err += d))
    proc.stdout.on('data', (d) => {
      out += d
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line) {
        const url = (JSON.parse(line) as { url: string }).url
        ok({ url, stop: () => new Promise((r) => { proc.once('exit', () => r()); proc.kill('SIGTERM') }) })
      }
    })
    proc.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${err}`)))
  })
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }

/** A static file server on 127.0.0.1 for `dir`. */
export async function serveStatic(dir: string): Promise<Running> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '/index.html'))))
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    createReadStream(path).pipe(res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((r) => server.close(() => r())) }
}

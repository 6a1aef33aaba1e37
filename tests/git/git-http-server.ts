/**
 * A real git server for tests: bare repositories on disk served by Debian git's `git http-backend`
 * (CGI) behind a small Node http server on 127.0.0.1 only. Pushes need Basic credentials
 * (`user`/`password`), so a client must get them from its onAuth callback. Bounded: each request is
 * one CGI process with a 20 s timeout; `close()` stops the server.
 */
import { execFileSync, spawn } from 'node:child_process'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

const BACKEND = '/usr/lib/git-core/git-http-backend'

export interface GitServer {
  /** Base URL; a repository `name` is at `${url}/${name}.git`. */
  url: string
  /** Creates an empty bare repository `name.git` under the root. */
  createRepo(name: string): string
  /** Every request's method and path, and whether it carried credentials. */
  log: { method: string; path: string; auth: boolean }[]
  close(): Promise<void>
}

export async function startGitServer(root: string, credentials = { user: 'historian', password: 's3cret-token' }): Promise<GitServer> {
  const log: GitServer['log'] = []
  const expected = 'Basic ' + Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const auth = req.headers.authorization === expected
    log.push({ method: req.method ?? '', path: url.pathname + url.search, auth })
    const isPush = url.searchParams.get('service') === 'git-receive-pack' || url.pathname.endsWith('/git-receive-pack')
    if (isPush && !auth) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' })
      res.end('credentials needed')
      return
    }
    const cgi = spawn(BACKEND, [], {
      env: {
        GIT_PROJECT_ROOT: root, GIT_HTTP_EXPORT_ALL: '1', REQUEST_METHOD: req.method ?? 'GET', PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1), CONTENT_TYPE: req.headers['content-type'] ?? '', REMOTE_USER: auth ? credentials.user : '',
        REMOTE_ADDR: '127.0.0.1', HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''), GIT_HTTP_MAX_REQUEST_BUFFER: '100M'
      },
      timeout: 20_000
    })
    req.pipe(cgi.stdin)
    const chunks: Buffer[] = []
    cgi.stdout.on('data', (c: Buffer) => chunks.push(c))
    cgi.on('close', () => {
      const out = Buffer.concat(chunks)
      const split = out.indexOf('\r\n\r\n')
      const headerText = out.subarray(0, split).toString('latin1')
      const headers: Record<string, string> = {}
      let status = 200
      for (const line of headerText.split('\r\n')) {
        const i = line.indexOf(':')
        const name = line.slice(0, i).trim()
        const value = line.slice(i + 1).trim()
        if (name.toLowerCase() === 'status') status = parseInt(value, 10)
        else headers[name] = value
      }
      res.writeHead(status, headers)
      res.end(out.subarray(split + 4))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    createRepo(name) {
      const path = join(root, `${name}.git`)
      execFileSync('git', ['init', '--bare', '--quiet', '--initial-branch=main', path])
      execFileSync('git', ['-C', path, 'config', 'http.receivepack', 'true'])
      return path
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

/**
 * Each test gets its own project folder and its own `serve` process (the real services over the
 * loopback HTTP transport, serving the built renderer), and a page opened on it.
 * `test.use({ seed: true })` imports the seed article first (through the server, before the page
 * opens); `app.cli(...)` runs CLI commands
 * against the same project (they go through the running server's lock-free path: the CLI opens
 * the project itself, so call it only while the server is stopped — use `app.api` while it runs).
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { test as base, expect, type Page } from '@playwright/test'
import { cliCommand } from '../helpers/cli-command'
import { ON_CI } from './on-ci'

const ROOT = resolve(__dirname, '..', '..')
export const SEED = join(ROOT, 'documents', 'john-vii-palaiologos.txt')
export const GIBBON_EXCERPT = join(ROOT, 'documents', 'gibbon-vol6-ch64-65.txt')

const run = promisify(execFile)

export interface App {
  /** Project folder of this test. */
  dir: string
  /** Server address with the session token. */
  url: string
  token: string
  /** Id of the seed document when `seed` is on. */
  seedId?: string
  /** Runs a CLI command (its stdout parsed as JSON). Only while the server is stopped: see `restart`. */
  cli(...args: string[]): Promise<unknown>
  /** Calls an API method on the running server; returns the value or throws with the error message. */
  api<T = unknown>(method: string, args?: unknown): Promise<T>
  /** Stops the server (flushing the project), runs `during` (e.g. CLI commands), starts it again and reloads the page. */
  restart(page: Page, during?: () => Promise<void>): Promise<void>
}

async function cli(...args: string[]): Promise<unknown> {
  const { stdout } = await run(...cliCommand(...args), { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 })
  return stdout.trim() ? JSON.parse(stdout) : undefined
}

/** The served app's own data folder (recent projects, the sample project): never the tester's real one. */
const HOME = mkdtempSync(join(tmpdir(), 'marginalia-e2e-home-'))

export function startServer(dir: string): Promise<{ proc: ChildProcess; url: string; port: number }> {
  return new Promise((ok, fail) => {
    const proc = spawn(...cliCommand('serve', '--project', dir, '--port', '0'), { cwd: ROOT, env: { ...process.env, MARGINALIA_HOME: HOME } })
    let out = ''
    let err = ''
    proc.stdout!.on('data', (d) => {
      out += d
      const line = out.split('\n').find((l) => l.startsWith('{'))
      if (line) {
        const info = JSON.parse(line) as { url: string; port: number }
        ok({ proc, url: info.url, port: info.port })
      }
    })
    proc.stderr!.on('data', (d) => (err += d))
    proc.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${err}`)))
  })
}

export function stopServer(proc: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (proc.exitCode !== null) return ok()
    proc.removeAllListeners('exit')
    proc.on('exit', () => ok())
    proc.kill('SIGTERM')
  })
}

/**
 * A new project named `name` in `dir`: the files of one real `init DIR --name NAME`, run once per
 * worker and name, copied. An `init` process per test cost ~0.7 s of wall time on an idle machine
 * and 2–3.5 s while Chromium and `serve` ran beside it (measured in the ninth session); the copy
 * takes milliseconds. The files hold no path, so a copy is what `init` would have written there
 * (the same project id and creation time within a worker: no test compares two tests' projects).
 * `init` itself is checked by the CLI tests (tests/unit/cli/**) and project-chooser.spec.ts.
 */
const templates = new Map<string, Promise<string>>()
const templateFolders: string[] = []
async function initProject(dir: string, name: string): Promise<void> {
  let template = templates.get(name)
  if (!template) {
    const folder = mkdtempSync(join(tmpdir(), 'marginalia-e2e-template-'))
    templateFolders.push(folder)
    const made = join(folder, 'project')
    template = cli('init', made, '--name', name).then(() => made)
    templates.set(name, template)
  }
  cpSync(await template, dir, { recursive: true })
}
process.on('exit', () => {
  for (const folder of templateFolders) rmSync(folder, { recursive: true, force: true })
})

/** Mounts a tmpfs of `size` at `dir` (root only); false when this machine does not allow it. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const test = base.extend<{ seed: boolean; projectName: string; tmpfs: string | undefined; app: App }>({
  seed: [false, { option: true }],
  /** Put the project folder on a tmpfs of this size (e.g. `6m`), to run out of space on purpose. */
  tmpfs: [undefined, { option: true }],
  /** Name shown in the app's title bar. */
  projectName: ['e2e project', { option: true }],
  app: async ({ seed, projectName, tmpfs, page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'))
    const mounted = tmpfs ? mountTmpfs(dir, tmpfs) : false
    test.skip((!!tmpfs && !mounted) && !ON_CI, 'needs root to mount a tmpfs')
    await initProject(dir, projectName)
    let server = await startServer(dir)
    const app: App = {
      dir,
      get url() { return server.url },
      get token() { return new URL(server.url).searchParams.get('token') ?? '' },
      seedId: undefined,
      cli,
      async api<T>(method: string, args: unknown = {}): Promise<T> {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
          body: JSON.stringify(args)
        })
        const result = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
        if (!result.ok) throw new Error(result.error?.message)
        return result.value as T
      },
      async restart(p: Page, during?: () => Promise<void>) {
        await stopServer(server.proc)
        if (during) await during()
        server = await startServer(dir)
        await p.goto(server.url)
      }
    }
    // The seed goes in through the running server (as `import DIR SEED` would: same file name and
    // bytes), which saves starting one more CLI process per test.
    if (seed) app.seedId = (await app.api<{ id: string }>('importDocument', { fileName: SEED, contentBase64: readFileSync(SEED).toString('base64') })).id
    await page.goto(server.url)
    await use(app)
    await stopServer(server.proc)
    if (mounted) execFileSync('umount', [dir])
    rmSync(dir, { recursive: true, force: true })
  }
})

export { expect }

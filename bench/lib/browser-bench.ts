/**
 * The frame of a browser benchmark over a whole book: checks what it needs (a built renderer,
 * Chromium, Gibbon vol. 2 in ../shared/corpus) and skips with a reason when something is missing,
 * then gives the body a headless Chromium, the parsed book, a temporary folder and a way to serve
 * projects, and cleans all of it up.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { type BenchText, loadText } from './annotated-project'
import { CHROMIUM, OUT, ROOT, type Running, serveProject } from './serve'

export const VOL2 = join(ROOT, '..', 'shared', 'corpus', 'large', 'gibbon-decline-and-fall-vol2-pg732.txt')

export interface BenchContext {
  browser: Browser
  book: BenchText
  /** A fresh temporary folder, removed afterwards. */
  tmp: string
  /** Serves the project in `dir` with `marginalia serve` until the benchmark ends; resolves to its address. */
  serve(dir: string): Promise<string>
  /** Registers another server to stop at the end. */
  own(server: Running): void
}

/** Runs `body` in a benchmark frame (see the module comment); exits 1 on an error. */
export function browserBench(prefix: string, body: (ctx: BenchContext) => Promise<void>): void {
  const run = async () => {
    if (!existsSync(join(OUT, 'renderer', 'index.html'))) return console.log(`skipped: ${OUT}/renderer is missing (run "npm run build" first)`)
    if (!CHROMIUM) return console.log('skipped: no Chromium at /usr/bin/chromium (set PW_CHROMIUM_PATH)')
    if (!existsSync(VOL2)) return console.log(`skipped: ${VOL2} is absent (the shared corpus is not on this machine)`)
    const book = loadText(VOL2)
    const tmp = mkdtempSync(join(tmpdir(), prefix))
    const servers: Running[] = []
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] })
    try {
      await body({
        browser, book, tmp,
        own: (s) => servers.push(s),
        serve: async (dir) => {
          const s = await serveProject(dir)
          servers.push(s)
          return s.url
        }
      })
    } finally {
      await browser.close()
      for (const s of servers) await s.stop()
      rmSync(tmp, { recursive: true, force: true })
    }
  }
  run().catch((err) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  })
}

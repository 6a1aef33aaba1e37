/**
 * The services alone, as a switch right after a book opened meets them (a profiling aid: it prints
 * times, no ratios): a project of 100,000 annotations over ten copies of Gibbon vol. 2, served by
 * `marginalia serve`; the first document's whole annotation list (4.5 MB) is asked for, then 20 ms
 * later a small call (getProjectInfo) and the next document's first screens. Each line: time to the
 * first byte and to the end of the answer, and when it ended since the whole list was asked (ms).
 * Needs ../shared/corpus. Run: npx tsx bench/switch-server.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spans, writeProject, loadText } from './lib/annotated-project'
import { VOL2 } from './lib/browser-bench'
import { serveProject } from './lib/serve'

async function main() {
  const t = loadText(VOL2)
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-switch-server-'))
  const s10k = spans(t, 10_000)
  const w = await writeProject(dir, t, Array.from({ length: 10 }, () => ({ spans: s10k })))
  const s = await serveProject(dir)
  const u = new URL(s.url)
  const token = u.searchParams.get('token')!
  const call = async (method: string, args: unknown, signal?: AbortSignal) => {
    const t0 = performance.now()
    const res = await fetch(`${u.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(args), signal })
    const tb = performance.now()
    const text = await res.text()
    return `${method} first byte ${(tb - t0).toFixed(0)} ms, end ${(performance.now() - t0).toFixed(0)} ms, ${text.length} chars`
  }
  console.log(await call('getFirstScreens', { end: 30000 }))
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now()
    const whole = call('listAnnotations', { documentId: w.docIds[0] }).then((r) => `${r} (at ${(performance.now() - t0).toFixed(0)})`)
    await new Promise((r) => setTimeout(r, 20))
    const small = call('getProjectInfo', {}).then((r) => `${r} (at ${(performance.now() - t0).toFixed(0)})`)
    const first = call('getFirstScreens', { id: w.docIds[1], end: 30000 }).then((r) => `${r} (at ${(performance.now() - t0).toFixed(0)})`)
    console.log((await Promise.all([whole, small, first])).join('\n'))
  }
  await s.stop()
  rmSync(dir, { recursive: true, force: true })
}
main().catch((err) => {
  console.error(err)
  process.exit(1)
})

/**
 * Where a jump's time goes right after an edit (a profiling aid, not a benchmark): as
 * bench/lib/drive.ts does it, opens Gibbon vol. 2 with 10,000 annotations, waits until everything
 * is in, adds one highlight, waits for its paint, then jumps to the last annotation under a
 * Chromium trace; prints the jump's time and the main thread's tasks (> 2 ms) from the jump to its
 * frame's end, with the model's slice notifications and requests meanwhile (ms since the jump).
 * Needs a built renderer and ../shared/corpus. Run: npx tsx bench/profile-jump.ts [visits]
 */
import { join } from 'node:path'
import { spans, writeProject } from './lib/annotated-project'
import { browserBench } from './lib/browser-bench'
import { allLoaded, openMarginalia } from './lib/drive'
import { heapAfterGc, paintAfter, paintedCount } from './lib/in-page'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { url?: string; functionName?: string } } }

interface ProfileNode { id: number; parent?: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }

/** Functions by inclusive time (ms) over the profile (from just before the jump to just after its paint was seen). */
function stacks(profile: Profile): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const incl = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>()
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = byId.get(n)!.callFrame
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      if (seen.has(key)) continue
      seen.add(key)
      incl.set(key, (incl.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
    }
  })
  return [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, ms]) => `    ${ms.toFixed(1).padStart(7)} ms  ${k}`)
}

const VISITS = Number(process.argv[2] ?? 4)

browserBench('marginalia-jump-trace-', async ({ browser, book: t, tmp, serve }) => {
  const s10k = spans(t, 10_000)
  const dir = join(tmp, 'p10k')
  const w = await writeProject(dir, t, [{ spans: s10k }])
  const url = await serve(dir)
  const lastId = w.annotationIds[0][s10k.length - 1]
  const first = t.blocks.find((b) => b.end - b.start > 40)!
  for (let k = 0; k < VISITS; k++) {
    const { page } = await openMarginalia(browser, url, 1)
    await allLoaded(page)
    await page.waitForTimeout(300)
    // As the benchmark: the heap is read (after two full collections) before the edit.
    await heapAfterGc(await page.context().newCDPSession(page))
    let n = await paintedCount(page)
    const add = { start: first.start + 10 + k, end: first.start + 22 + k }
    const arrived = await page.evaluate(async ({ documentId, add }) => {
      type Model = { changed(...s: string[]): void; mutate(m: string, a: unknown): Promise<unknown> }
      const m = (document.querySelector('marginalia-app') as { model: Model }).model
      const log: string[] = (window.__jumpLog = [])
      const changed = m.changed.bind(m)
      m.changed = (...s: string[]) => { log.push(`${performance.now().toFixed(1)} changed(${s})`); changed(...s) }
      const mark = performance.mark.bind(performance)
      performance.mark = (name: string, o?: { detail?: unknown }) => { if (name === 'marginalia:painted') log.push(`${performance.now().toFixed(1)} mark ${JSON.stringify(o?.detail)}`); return mark(name, o) }
      await m.mutate('createAnnotation', { documentId, ...add })
      log.push(`${performance.now().toFixed(1)} mutate resolved`)
      return Number(log.find((l) => l.includes('annotations'))!.split(' ')[0])
    }, { documentId: w.docIds[0], add })
    await paintAfter(page, n, { minPainted: 1, after: arrived })
    n = await paintedCount(page)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8.execute', 'blink.user_timing'] })
    const t1 = await page.evaluate((id) => {
      const view = document.querySelector('marginalia-app').shadowRoot.querySelector('document-view')
      const t = performance.now()
      window.__jumpLog.push(`${t.toFixed(1)} jump`)
      view.reveal(id)
      return t
    }, lastId)
    const painted = await paintAfter(page, n, { after: t1, minPainted: 1 })
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
    await page.waitForTimeout(200)
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
    const log = (await page.evaluate(() => window.__jumpLog)) as string[]
    const reqs = (await page.evaluate(() => (performance.getEntriesByType('resource') as unknown as { name: string; startTime: number; responseEnd: number }[]).map((e) => `${e.startTime.toFixed(1)} → ${e.responseEnd.toFixed(1)} ${e.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 40)}`))) as string[]
    console.log(`\n== visit ${k + 1}: jump → painted ${(painted - t1).toFixed(1)} ms (jump at ${t1.toFixed(1)} page clock)`)
    const rel = (s: string) => { const [ts, ...rest] = s.split(' '); return `${(Number(ts) - t1).toFixed(1).padStart(8)} ${rest.join(' ')}` }
    console.log(log.map(rel).join('\n'))
    console.log(reqs.filter((r) => Number(r.split(' ')[2]) > t1 - 300).map(rel).join('\n'))
    const ev = trace.traceEvents
    const mark = ev.filter((e) => e.name === 'marginalia:painted').pop()
    if (!mark) { await page.close(); continue }
    const main = ev.filter((e) => e.pid === mark.pid && e.tid === mark.tid)
    const tasks = main.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) > 2000)
    const t0 = tasks.length ? tasks[0].ts : mark.ts
    for (const task of tasks) {
      const inner = main.filter((e) => e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && (e.dur ?? 0) > 1000 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
      const names = inner.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 6).map((e) => `${e.name}${e.args?.data?.functionName ? '(' + e.args.data.functionName + ')' : ''} ${((e.dur ?? 0) / 1000).toFixed(1)}`)
      console.log(`  task at trace+${((task.ts - t0) / 1000).toFixed(1).padStart(7)} +${((task.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${names.join(', ')}`)
    }
    console.log(stacks(profile).join('\n'))
    console.log(`  paint mark at trace+${((mark.ts - t0) / 1000).toFixed(1)}`)
    await page.close()
  }
})

/**
 * Where the last stretch of the open goes (a profiling aid, not a benchmark): opens Gibbon vol. 2
 * with 10,000 annotations under a Chromium trace and prints the main thread's tasks from the first
 * screens' answer to the end of the frame after the first paint mark: each task's start (ms since
 * navigation), duration and its longest inner events. Needs a built renderer and ../shared/corpus.
 * Run: npx tsx bench/profile-open-trace.ts
 */
import { join } from 'node:path'
import { spans, writeProject } from './lib/annotated-project'
import { browserBench } from './lib/browser-bench'
import { openMarginalia } from './lib/drive'
import { MARGINALIA_INIT, paintAfter } from './lib/in-page'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const window: any

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { url?: string; frame?: string } } }

browserBench('marginalia-open-trace-', async ({ browser, book: t, tmp, serve }) => {
  const dir = join(tmp, 'p10k')
  await writeProject(dir, t, [{ spans: spans(t, 10_000) }])
  const url = await serve(dir)
  const warm = await openMarginalia(browser, url, 1)
  await warm.page.waitForTimeout(3000) // its whole list is in before the measured page opens
  await warm.page.close()
  for (let k = 0; k < 2; k++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ content: MARGINALIA_INIT + ';window.__navTs = 0' })
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute'] })
    await page.goto(url)
    const open = await paintAfter(page, 0, { minPainted: 1 })
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
    const ev = trace.traceEvents
    const nav = ev.find((e) => e.name === 'navigationStart' || e.name === 'fetchStart')
    const mark = ev.find((e) => e.name === 'marginalia:painted')
    if (!nav || !mark) { console.log('no navigation or mark in the trace'); await page.close(); continue }
    const main = ev.filter((e) => e.pid === mark.pid && e.tid === mark.tid)
    const ms = (ts: number) => ((ts - nav.ts) / 1000).toFixed(0)
    const resources = await page.evaluate(() => (performance.getEntriesByType('resource') as unknown as { name: string; startTime: number; responseStart: number; responseEnd: number }[])
      .map((e) => `${e.startTime.toFixed(0)} → ${e.responseStart.toFixed(0)} → ${e.responseEnd.toFixed(0)} ${e.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 40)}`))
    console.log(`\n== open ${k + 1}: painted (frame ended) at ${open.toFixed(0)} ms; mark at ${ms(mark.ts)} (trace clock from ${nav.name})`)
    console.log(resources.join('\n'))
    const tasks = main.filter((e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && (e.dur ?? 0) > 15_000)
    for (const task of tasks) {
      const inner = main.filter((e) => e.ph === 'X' && e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && (e.dur ?? 0) > 5_000 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask')
      const names = inner.sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 5).map((e) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.split('/').pop() + ')' : ''} ${((e.dur ?? 0) / 1000).toFixed(0)}`)
      console.log(`${ms(task.ts).padStart(6)} +${((task.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms  ${names.join(', ')}`)
    }
    await page.close()
  }
})

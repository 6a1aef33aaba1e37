/**
 * Where the time goes (a profiling aid, not a benchmark: it prints times and profiles, no ratios):
 * adding one highlight to Gibbon vol. 2 with 10,000 annotations (the model's slice notifications
 * and paint marks on a timeline, then a CPU profile's top functions by self time), and switching
 * documents in a project of 100,000 annotations over ten documents (the same); with `open`, the
 * requests and paints of opening the 10,000-annotation project (ms since navigation).
 * Needs a built renderer and ../shared/corpus. Run: npx tsx bench/profile-render.ts [add|switch|switch-now|open]
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { spans, writeProject } from './lib/annotated-project'
import { browserBench } from './lib/browser-bench'
import { openMarginalia } from './lib/drive'
import { MARGINALIA_INIT, paintAfter, paintedCount } from './lib/in-page'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any, requestAnimationFrame: (cb: () => void) => number

const which = process.argv[2] ?? 'both'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** The functions with the most self time in a CPU profile, in ms. */
function top(profile: Profile, n = 22): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
}

/** Runs `act` in the page under a CPU profile and a log of slice notifications; prints both. */
async function profiled(page: Page, label: string, act: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await page.evaluate(() => {
    type Model = { changed(...s: string[]): void; __log?: string[] }
    const m = (document.querySelector('marginalia-app') as { model: Model }).model
    const t0 = performance.now()
    const log: string[] = (m.__log = [])
    const changed = m.changed.bind(m)
    m.changed = (...s: string[]) => {
      log.push(`${(performance.now() - t0).toFixed(1)} changed(${s})`)
      changed(...s)
    }
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        if (e.name !== 'marginalia:painted') continue
        log.push(`${(e.startTime - t0).toFixed(1)} painted ${JSON.stringify((e as { detail?: unknown }).detail)}`)
        requestAnimationFrame(() => setTimeout(() => log.push(`${(performance.now() - t0).toFixed(1)} its frame ended`)))
      }
    }).observe({ type: 'mark' })
  })
  await cdp.send('Profiler.start')
  await page.context().browser()!.startTracing(page, { categories: ['devtools.timeline'] })
  const t = Date.now()
  await act()
  const { profile } = await cdp.send('Profiler.stop')
  const trace = JSON.parse((await page.context().browser()!.stopTracing()).toString()) as { traceEvents: { name: string; ph: string; dur?: number }[] }
  const phases = new Map<string, number>()
  for (const e of trace.traceEvents) if (e.ph === 'X' && e.dur && /^(UpdateLayoutTree|Layout|Paint|PrePaint|Layerize|Commit|RecalculateStyles|HitTest|ParseHTML|FunctionCall|EvaluateScript|RunMicrotasks|TimerFire|FireAnimationFrame|EventDispatch|v8.run)$/.test(e.name)) phases.set(e.name, (phases.get(e.name) ?? 0) + e.dur / 1000)
  console.log(`\n== ${label}: ${Date.now() - t} ms (wall, from Node)`)
  console.log((await page.evaluate(() => (document.querySelector('marginalia-app') as { model: { __log: string[] } }).model.__log)).join('\n'))
  console.log('trace (ms, nested phases overlap):', [...phases].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '))
  console.log(top(profile as unknown as Profile).join('\n'))
}

/** The page's API requests: start, first byte and end (ms since navigation), size. */
const requests = (page: Page): Promise<string> => page.evaluate(() =>
  (performance.getEntriesByType('resource') as unknown as { startTime: number; responseStart: number; responseEnd: number; name: string; encodedBodySize: number }[])
    .filter((e) => e.name.includes('/api/'))
    .map((e) => `${e.startTime.toFixed(0).padStart(6)} → ${e.responseStart.toFixed(0).padStart(6)} → ${e.responseEnd.toFixed(0).padStart(6)}  ${e.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 40)} ${e.encodedBodySize}`)
    .join('\n'))

browserBench('marginalia-profile-', async ({ browser, book: t, tmp, serve }) => {
  const s10k = spans(t, 10_000)
  if (which === 'add' || which === 'both') {
    const first = t.blocks.find((b) => b.end - b.start > 40)!
    const dir = join(tmp, 'p10k')
    const w = await writeProject(dir, t, [{ spans: s10k }])
    const { page } = await openMarginalia(browser, await serve(dir), 1)
    for (let k = 0; k < 3; k++) {
      await page.waitForTimeout(1000)
      const add = { start: first.start + 10 + 3 * k, end: first.start + 22 + 3 * k }
      const n = await paintedCount(page)
      await profiled(page, `add one highlight (${k + 1})`, async () => {
        await page.evaluate(async ({ documentId, add }) => {
          const m = (document.querySelector('marginalia-app') as { model: { mutate(m: string, a: unknown): Promise<unknown> } }).model
          await m.mutate('createAnnotation', { documentId, ...add })
        }, { documentId: w.docIds[0], add })
        await paintAfter(page, n, { minPainted: 1 })
        await page.waitForTimeout(400) // the change event of the same write
      })
    }
    await page.close()
  }
  if (which === 'open') {
    const dir = join(tmp, 'p10k-open')
    await writeProject(dir, t, [{ spans: s10k }])
    const url = await serve(dir)
    const warm = await openMarginalia(browser, url, 1) // the services' first open parses the project
    await warm.page.close()
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ content: MARGINALIA_INIT })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await cdp.send('Profiler.start')
    await page.goto(url)
    const open = await paintAfter(page, 0, { minPainted: 1 })
    const { profile } = await cdp.send('Profiler.stop')
    console.log('CPU profile of the open, top self times:')
    console.log(top(profile as unknown as Profile, 30).join('\n'))
    console.log(`open → painted ${open.toFixed(0)} ms; requests (start → end, ms since navigation):`)
    const entries = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as unknown as { startTime: number; responseEnd: number; name: string; encodedBodySize: number }[]).map((e) => `${e.startTime.toFixed(0).padStart(6)} → ${e.responseEnd.toFixed(0).padStart(6)}  ${e.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 60)} ${e.encodedBodySize}`)
    )
    console.log(entries.join('\n'))
    const marks = await page.evaluate(() => [
      ...performance.getEntriesByType('mark').map((e) => `${e.startTime.toFixed(0)} ${e.name} ${JSON.stringify((e as { detail?: unknown }).detail)}`).slice(0, 5),
      ...(window as unknown as { __painted: { t: number; painted: number }[] }).__painted.slice(0, 5).map((p) => `${p.t.toFixed(0)} frame ended (${p.painted} painted)`)
    ])
    console.log(marks.join('\n'))
    await page.close()
    return
  }
  if (which === 'switch-now') {
    // As bench/lib/drive.ts switchDocument: the switch right after the first document's first paint.
    const dir = join(tmp, 'p100k-now')
    const w = await writeProject(dir, t, Array.from({ length: 10 }, () => ({ spans: s10k })))
    const url = await serve(dir)
    for (let k = 0; k < 3; k++) {
      const { page, open } = await openMarginalia(browser, url, 1)
      const n = await paintedCount(page)
      await profiled(page, `switch right after the first paint (${k + 1}; open ${open.toFixed(0)} ms)`, async () => {
        const t0 = await page.evaluate((id) => {
          const t = performance.now()
          document.querySelector('marginalia-app').dispatchEvent(new CustomEvent('document-open', { detail: { id } }))
          return t
        }, w.docIds[1])
        const painted = await paintAfter(page, n, { after: t0, minPainted: 1, documentId: w.docIds[1] })
        console.log(`switch at ${t0.toFixed(0)} → painted ${(painted - t0).toFixed(0)} ms (page clock)`)
        console.log(await requests(page))
      })
      await page.close()
    }
    return
  }
  if (which !== 'add') {
    const dir = join(tmp, 'p100k')
    const w = await writeProject(dir, t, Array.from({ length: 10 }, () => ({ spans: s10k })))
    const { page } = await openMarginalia(browser, await serve(dir), 1)
    const timed = await page.evaluate(async (id) => {
      const m = (document.querySelector('marginalia-app') as { model: { read(m: string, a: unknown): Promise<unknown> } }).model
      const out: string[] = []
      for (const [method, args] of [['getDocument', { id }], ['listAnnotations', { documentId: id }], ['getDocument', { id }], ['listAnnotations', { documentId: id }]] as const) {
        const t = performance.now()
        const r = await m.read(method, args)
        out.push(`${method} ${(performance.now() - t).toFixed(0)} ms (${JSON.stringify(r).length.toLocaleString()} chars)`)
      }
      return out
    }, w.docIds[3])
    console.log(`reads of one document, one after the other: ${timed.join('; ')}`)
    for (const k of [1, 2]) {
      await page.waitForTimeout(1000)
      const n = await paintedCount(page)
      await profiled(page, `switch to document ${k + 1}`, async () => {
        const t0 = await page.evaluate((id) => {
          const t = performance.now()
          document.querySelector('marginalia-app').dispatchEvent(new CustomEvent('document-open', { detail: { id } }))
          return t
        }, w.docIds[k])
        const painted = await paintAfter(page, n, { after: t0, minPainted: 1 })
        console.log(`switch → painted ${(painted - t0).toFixed(0)} ms (page clock)`)
      })
    }
    await page.close()
  }
})

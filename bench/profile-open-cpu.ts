/**
 * Where the open's main-thread time goes in JavaScript (a profiling aid, not a benchmark): opens
 * Gibbon vol. 2 with 10,000 annotations under a CPU profile started before the navigation, until
 * the first paint's frame has ended, and prints the functions with the most self time and those
 * with the most total time (ms; sampling every 200 µs). Needs a built renderer and ../shared/corpus.
 * Run: npx tsx bench/profile-open-cpu.ts
 */
import { join } from 'node:path'
import { spans, writeProject } from './lib/annotated-project'
import { browserBench } from './lib/browser-bench'
import { openMarginalia } from './lib/drive'
import { MARGINALIA_INIT, paintAfter } from './lib/in-page'

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }

const name = (f: ProfileNode['callFrame']) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`

function report(profile: Profile, n = 25): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]))
  const parent = new Map<number, number>()
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const key = name(byId.get(id)!.callFrame)
    self.set(key, (self.get(key) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!.callFrame)
      if (seen.has(k)) continue
      seen.add(k)
      total.set(k, (total.get(k) ?? 0) + ms)
    }
  })
  const fmt = (m: Map<string, number>) => [...m].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${k}`)
  return ['-- self', ...fmt(self), '-- total', ...fmt(total)]
}

browserBench('marginalia-open-cpu-', async ({ browser, book: t, tmp, serve }) => {
  const dir = join(tmp, 'p10k')
  await writeProject(dir, t, [{ spans: spans(t, 10_000) }])
  const url = await serve(dir)
  const warm = await openMarginalia(browser, url, 1)
  await warm.page.waitForTimeout(3000)
  await warm.page.close()
  for (let k = 0; k < 2; k++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ content: MARGINALIA_INIT })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    await page.goto(url)
    const open = await paintAfter(page, 0, { minPainted: 1 })
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
    console.log(`\n== open ${k + 1}: painted (frame ended) at ${open.toFixed(0)} ms`)
    console.log(report(profile).join('\n'))
    await page.close()
  }
})

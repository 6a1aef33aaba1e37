/**
 * The services alone, as a document switch meets them: a project of 100,000 annotations over ten
 * copies of Gibbon vol. 2, served by `marginalia serve`.
 *
 * Cold server (the figures): a fresh server gets the window's first load as project-loading.ts
 * asks it — the first document's first screens, then the document list, then together the project
 * lists (getProjectInfo, listTags, getHistory, listEntities, listCitations) and the first
 * document's whole list (4.5 MB); 20 ms after the lists are asked, a small call (getHistory) and
 * the next document's first screens (the switch's first call, 2.2 MB). Each is reported as the
 * ratio of its time (asked → answer read) to the same call on the same server when idle (median
 * of IDLE calls made after the cold round), over COLD fresh servers (argv[2], default 3).
 *
 * Warm (a profiling aid, times only): the first document's whole list is asked for, then 20 ms later
 * a small call and the next document's first screens; time to first byte and to the end of each.
 * Needs ../shared/corpus. Run: npx tsx bench/switch-server.ts [cold rounds]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { spans, writeProject, loadText } from './lib/annotated-project'
import { VOL2 } from './lib/browser-bench'
import { serveProject } from './lib/serve'
import { median } from './lib/store-bench-project'

const IDLE = 5

interface Timed {
  /** Milliseconds from asking to the first byte and to the last byte read. */
  firstByte: number
  end: number
  chars: number
}

type Call = (method: string, args: unknown) => Promise<Timed>

async function client(dir: string): Promise<{ call: Call; stop: () => Promise<void> }> {
  const s = await serveProject(dir)
  const u = new URL(s.url)
  const token = u.searchParams.get('token')!
  const call: Call = async (method, args) => {
    const t0 = performance.now()
    const res = await fetch(`${u.origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(args) })
    const firstByte = performance.now() - t0
    const text = await res.text()
    if (!text.startsWith('{"ok":true')) throw new Error(`${method}: ${text.slice(0, 200)}`)
    return { firstByte, end: performance.now() - t0, chars: text.length }
  }
  return { call, stop: s.stop }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
const fmt = (x: number) => x.toFixed(2)
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ')

/** One fresh server: the first load, the switch's calls during its lists, then the same calls idle. */
async function coldRound(dir: string, docIds: string[]): Promise<{ small: number; switch: number; lists: number; smallIdle: number; switchIdle: number }> {
  const { call, stop } = await client(dir)
  try {
    await call('getFirstScreens', { id: docIds[0], end: 30000 })
    await call('listDocuments', {})
    const t0 = performance.now()
    const lists = Promise.all(['getProjectInfo', 'listTags', 'getHistory', 'listEntities', 'listCitations'].map((m) => call(m, {})))
      .then(() => performance.now() - t0)
    const whole = call('listAnnotations', { documentId: docIds[0] })
    await wait(20)
    const [small, next, listsMs] = await Promise.all([call('getHistory', {}), call('getFirstScreens', { id: docIds[1], end: 30000 }), lists, whole])
    const smallIdle: number[] = []
    const switchIdle: number[] = []
    for (let k = 0; k < IDLE; k++) {
      smallIdle.push((await call('getHistory', {})).end)
      switchIdle.push((await call('getFirstScreens', { id: docIds[1 + (k % 2)], end: 30000 })).end)
    }
    return { small: small.end, switch: next.end, lists: listsMs, smallIdle: median(smallIdle), switchIdle: median(switchIdle) }
  } finally {
    await stop()
  }
}

async function warm(dir: string, docIds: string[]): Promise<void> {
  const { call, stop } = await client(dir)
  const line = (method: string, t: Timed, t0: number) =>
    `${method} first byte ${t.firstByte.toFixed(0)} ms, end ${t.end.toFixed(0)} ms, ${t.chars} chars (at ${(performance.now() - t0).toFixed(0)})`
  try {
    await call('getFirstScreens', { end: 30000 })
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now()
      const whole = call('listAnnotations', { documentId: docIds[0] }).then((r) => line('listAnnotations', r, t0))
      await wait(20)
      const small = call('getProjectInfo', {}).then((r) => line('getProjectInfo', r, t0))
      const first = call('getFirstScreens', { id: docIds[1], end: 30000 }).then((r) => line('getFirstScreens', r, t0))
      console.log((await Promise.all([whole, small, first])).join('\n'))
    }
  } finally {
    await stop()
  }
}

async function main(rounds: number) {
  const t = loadText(VOL2)
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-switch-server-'))
  try {
    const s10k = spans(t, 10_000)
    const w = await writeProject(dir, t, Array.from({ length: 10 }, () => ({ spans: s10k })))
    console.log(`cold server, ${rounds} fresh servers (load ${load()}):`)
    const cold: Awaited<ReturnType<typeof coldRound>>[] = []
    for (let r = 0; r < rounds; r++) {
      const c = await coldRound(dir, w.docIds)
      cold.push(c)
      console.log(`  round ${r + 1}: small call ${c.small.toFixed(0)} ms = ${fmt(c.small / c.smallIdle)}× idle (${c.smallIdle.toFixed(1)} ms); ` +
        `next document's first screens ${c.switch.toFixed(0)} ms = ${fmt(c.switch / c.switchIdle)}× idle (${c.switchIdle.toFixed(0)} ms); ` +
        `the five lists answered in ${c.lists.toFixed(0)} ms (load ${load()})`)
    }
    console.log(`cold server, medians: small call ${fmt(median(cold.map((c) => c.small / c.smallIdle)))}× idle, ` +
      `next document's first screens ${fmt(median(cold.map((c) => c.switch / c.switchIdle)))}× idle (${median(cold.map((c) => c.switch)).toFixed(0)} ms), ` +
      `lists ${median(cold.map((c) => c.lists)).toFixed(0)} ms`)
    console.log(`warm server (load ${load()}):`)
    await warm(dir, w.docIds)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
main(Number(process.argv[2] ?? 3)).catch((err) => {
  console.error(err)
  process.exit(1)
})

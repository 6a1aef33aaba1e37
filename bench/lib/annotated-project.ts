/**
 * Builds benchmark projects on disk through the project store (one transaction, so a 100,000
 * annotation project takes a second, not 100,000 writes): a text parsed as the importer parses it,
 * and `n` annotations spread over it the way a reader's are — 3 to 80 code points, mostly inside
 * one paragraph, some overlapping, a few crossing into the next paragraph, a third tagged.
 * Deterministic (seeded), so both sides of a comparison get the same spans. Offsets are code points.
 */
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { FileProjectStore } from '../../src/main/store/project-store'
import { describe } from '../../src/shared/anchoring/describe'
import { parseDocument } from '../../src/shared/import/parse-document'
import { type Annotation, type Block, type DocumentRecord, isMilestone } from '../../src/shared/model'
import { CodePointIndex } from '../../src/shared/text/code-points'
import { prng } from '../../tests/helpers/synthetic-project'

const T = '2026-11-26T10:00:00.000Z'

/** A parsed text and its reading blocks (paragraphs, headings…; milestones left out). */
export interface BenchText {
  title: string
  text: string
  index: CodePointIndex
  record: Omit<DocumentRecord, 'id'>
  blocks: Block[]
}

export function loadText(path: string): BenchText {
  const parsed = parseDocument(path, new Uint8Array(readFileSync(path)))
  const index = new CodePointIndex(parsed.text)
  const record: Omit<DocumentRecord, 'id'> = {
    title: parsed.title, format: parsed.format, role: 'text', sha256: 'b'.repeat(64), fileName: basename(path),
    length: index.length, structure: parsed.structure, metadata: parsed.metadata, created: T, modified: T
  }
  const blocks = parsed.structure.filter((b) => !isMilestone(b)).sort((a, b) => a.start - b.start)
  return { title: parsed.title, text: parsed.text, index, record, blocks }
}

/** `n` annotation spans over the text's blocks, in document order. */
export function spans(t: BenchText, n: number, seed = 7): { start: number; end: number; tags: string[] }[] {
  const rnd = prng(seed)
  const weights = t.blocks.map((b) => b.end - b.start)
  const total = weights.reduce((a, b) => a + b, 0)
  const out: { start: number; end: number; tags: string[] }[] = []
  for (let i = 0; i < n; i++) {
    // A block picked in proportion to its length, then a passage inside it.
    let at = rnd() * total
    let k = 0
    while (at > weights[k] && k < weights.length - 1) at -= weights[k++]
    const b = t.blocks[k]
    const len = 3 + Math.floor(rnd() * 78)
    const crosses = rnd() < 0.04 && k + 1 < t.blocks.length
    const start = b.start + Math.floor(rnd() * Math.max(1, b.end - b.start - (crosses ? 10 : len)))
    const end = crosses ? Math.min(t.blocks[k + 1].end, t.blocks[k + 1].start + len) : Math.min(b.end, start + len)
    if (end > start) out.push({ start, end, tags: rnd() < 0.33 ? [`tag${Math.floor(rnd() * 8)}`] : [] })
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end)
}

/**
 * Writes a project into `dir`: one document per entry of `docs` (the same text may appear under
 * several ids), each with its annotation spans. Returns the document ids and annotation ids.
 */
export async function writeProject(dir: string, t: BenchText, docs: { spans: { start: number; end: number; tags: string[] }[] }[]): Promise<{ docIds: string[]; annotationIds: string[][] }> {
  const store = await FileProjectStore.open(dir, { create: true })
  const docIds = docs.map((_, i) => `doc_bench${i}`)
  const annotationIds: string[][] = []
  await store.transact('Bench project', (tx) => {
    docs.forEach((d, i) => {
      tx.put('documents', { id: docIds[i], ...t.record, title: docs.length > 1 ? `${t.title} (${i + 1})` : t.title })
      const ids: string[] = []
      d.spans.forEach((s, j) => {
        const id = `ann_${i}_${j.toString(36).padStart(6, '0')}`
        ids.push(id)
        const a: Annotation = {
          id, documentId: docIds[i], target: describe(t.index, s.start, s.end), tags: s.tags, note: j % 10 === 0 ? 'checked' : '',
          entityIds: [], citations: [], author: 'bench', created: T, modified: T, status: 'anchored'
        }
        tx.put('annotations', a)
        for (const tag of s.tags) if (!tx.get('tags', tag)) tx.put('tags', { id: tag, color: '' })
      })
      annotationIds.push(ids)
    })
  })
  for (const id of docIds) await store.saveText(id, t.text)
  await store.close()
  return { docIds, annotationIds }
}

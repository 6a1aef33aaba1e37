/**
 * A large synthetic project over a real text, for export tests and bench/export-formats.ts:
 * `n` annotations (random spans, so many overlap and cross blocks) with entities of every type,
 * citations with verdicts, tags, notes full of CSV/XML specials, colours and relations.
 * Deterministic: a seeded generator, so every run builds the same project. Offsets are code points.
 */
import { readFileSync } from 'node:fs'
import { parseDocument } from '../../src/shared/import/parse-document'
import type { Annotation, Citation, DocumentRecord, Entity, ProjectData, Relation } from '../../src/shared/model'
import { ENTITY_TYPES } from '../../src/shared/model'
import { CodePointIndex } from '../../src/shared/text/code-points'
import { makeAnnotation } from './export-fixture'

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const T = '2026-11-26T10:00:00.000Z'
const NOTES = ['plain note', 'a note, with "quotes", commas\nand a newline', 'Greek: Ἰωάννης; astral: 𝔊 🏛', '<xml> & friends', '=SUM(A1) looks like a formula']

/** Builds the project from the file at `path` (any format parseDocument reads). */
export function syntheticProject(path: string, n: number, seed = 42): { data: ProjectData; texts: Record<string, string> } {
  const parsed = parseDocument(path, new Uint8Array(readFileSync(path)))
  const index = new CodePointIndex(parsed.text)
  const rnd = prng(seed)
  const int = (k: number) => Math.floor(rnd() * k)
  const doc: DocumentRecord = {
    id: 'doc_big', title: parsed.title, format: parsed.format, role: 'text', sha256: 'b'.repeat(64), fileName: path.split('/').pop()!,
    length: index.length, structure: parsed.structure, metadata: parsed.metadata, created: T, modified: T
  }
  const entities: Entity[] = Array.from({ length: 500 }, (_, i) => ({
    id: `ent_${i}`, type: ENTITY_TYPES[i % ENTITY_TYPES.length], label: `Entity ${i}`, aliases: i % 3 ? [] : [`Alias ${i}`],
    description: i % 5 ? '' : 'described, "here"', created: T, modified: T,
    authorities: i % 2 ? [] : [{ scheme: 'wikidata', id: `Q${1000 + i}`, uri: `http://www.wikidata.org/entity/Q${1000 + i}` }],
    dates: i % 7 === 5 ? { date: `${1300 + (i % 200)}${i % 2 ? '~' : ''}` } : i % 7 === 4 ? { start: '1394', end: '1402' } : {},
    ...(i % 7 === 1 ? { coordinates: { lat: 41 + (i % 10) / 10, lon: 28.9 } } : {})
  }))
  const citations: Citation[] = Array.from({ length: 200 }, (_, i) => ({
    id: `cit_${i}`, created: T, modified: T,
    item: { id: `item${i}`, type: i % 2 ? 'book' : 'article-journal', title: `Work ${i}, "titled"`, author: [{ family: `Author${i}`, given: 'A.' }], issued: { 'date-parts': [[1900 + (i % 120)]] }, page: `${i}-${i + 10}` }
  }))
  const annotations: Annotation[] = []
  for (let i = 0; i < n; i++) {
    const start = int(Math.max(1, index.length - 80))
    const end = Math.min(index.length, start + 1 + int(60))
    const r = rnd()
    annotations.push(makeAnnotation(`ann_${i}`, doc.id, index, start, end, {
      entityIds: r < 0.4 ? [entities[int(500)].id] : r < 0.45 ? [entities[int(500)].id, entities[int(500)].id] : [],
      citations: r > 0.85 ? [{ citationId: citations[int(200)].id, locator: `p. ${int(500)}`, ...(r > 0.95 ? { verification: { status: 'contradicted', discrepancies: [{ kind: 'date', claim: '1390', source: '1391', variant: false }], note: 'checked', by: 'Ada', at: T } } : {}) }] : [],
      tags: r > 0.3 && r < 0.5 ? ['tag,' + int(20)] : [],
      note: i % 10 === 0 ? NOTES[int(NOTES.length)] : '',
      color: i % 50 === 0 ? '#ffcc00' : undefined
    }))
  }
  const relations: Relation[] = Array.from({ length: 1000 }, (_, i) => ({
    id: `rel_${i}`, subject: entities[int(500)].id, predicate: i % 2 ? 'son of' : 'same as', object: i % 3 ? entities[int(500)].id : annotations[int(n)].id, note: '', created: T
  }))
  const map = <X extends { id: string }>(xs: X[]) => Object.fromEntries(xs.map((x) => [x.id, x]))
  return {
    data: {
      schemaVersion: 1, project: { id: 'prj_big', name: 'Synthetic', created: T },
      documents: { [doc.id]: doc }, annotations: map(annotations), entities: map(entities), citations: map(citations), relations: map(relations),
      predicates: { 'son of': { id: 'son of', builtin: true }, 'same as': { id: 'same as', builtin: true } },
      tags: { 'tag,1': { id: 'tag,1', color: '#00aa00' } }, rejectedSuggestions: {}
    },
    texts: { [doc.id]: parsed.text }
  }
}

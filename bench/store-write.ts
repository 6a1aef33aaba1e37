/**
 * Cost of one durable edit on a large project: the store rewrites project.json on each edit
 * (lowdb's model), atomically with fsync. Reported as a ratio to JSON.stringify of the same data,
 * measured in the same run; sizes in annotations.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FileProjectStore } from '../src/main/store/project-store'
import type { Annotation } from '../src/shared/model'

function annotation(i: number): Annotation {
  return {
    id: `ann_${i.toString(16).padStart(8, '0')}`, documentId: 'doc_bench',
    target: { start: i * 10, end: i * 10 + 8, exact: 'Bajazet.', prefix: 'the defeat and captivity of ', suffix: ' The Ottoman power was broken' },
    tags: ['person'], note: i % 10 === 0 ? 'checked against Gibbon, ch. LXV' : '', entityIds: [], citations: [],
    author: 'bench', created: '2026-11-26T10:00:00.000Z', modified: '2026-11-26T10:00:00.000Z', status: 'anchored'
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-bench-'))
  try {
    for (const size of [1_000, 100_000]) {
      const store = await FileProjectStore.open(join(dir, `p${size}`), { create: true })
      await store.transact('seed', (tx) => { for (let i = 0; i < size; i++) tx.put('annotations', annotation(i)) })
      const edits: number[] = []
      const stringify: number[] = []
      for (let r = 0; r < 7; r++) {
        let t = performance.now()
        JSON.stringify(store.data)
        stringify.push(performance.now() - t)
        t = performance.now()
        await store.transact('edit', (tx) => tx.put('annotations', { ...annotation(r), note: `edit ${r}` }))
        edits.push(performance.now() - t)
      }
      const ratio = median(edits) / median(stringify)
      console.log(`${size} annotations: one durable edit = ${ratio.toFixed(2)}× JSON.stringify of the project (median of 7)`)
      await store.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()

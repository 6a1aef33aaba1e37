/**
 * A writer to be killed: opens the project and creates annotations in bursts as fast as it can,
 * printing `ack <id>` for each only after the store acknowledged it (the edit is durable).
 */
import { FileProjectStore } from '../../../src/main/store/project-store'

async function main(dir: string, prefix: string): Promise<void> {
  const store = await FileProjectStore.open(dir)
  process.stdout.write('open\n')
  for (let n = 0; ; n += 5) {
    await Promise.all(Array.from({ length: 5 }, (_, k) => {
      const id = `ann_${prefix}_${n + k}`
      return store.transact('Create annotation', (tx) => tx.put('annotations', {
        id, documentId: 'doc_crash', target: { start: n, end: n + 4, exact: 'John', prefix: 'x'.repeat(32), suffix: 'y'.repeat(32) },
        tags: ['crash'], note: `note ${n + k} `.repeat(1 + (n % 7)), entityIds: [], citations: [], author: 'crash-test',
        created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', status: 'anchored'
      })).then(() => process.stdout.write(`ack ${id}\n`))
    }))
  }
}

void main(process.argv[2], process.argv[3])

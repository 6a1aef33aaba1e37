/**
 * Child process of bench/store-open.ts: opens a project (`store`) or reads and parses its
 * project.json bare (`bare`) in a fresh process and prints the peak resident memory it took,
 * as a multiple of the file's size, and the time.
 */
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { FileProjectStore } from '../../src/main/store/project-store'

async function main(mode: string, dir: string): Promise<void> {
  const file = join(dir, 'project.json')
  const size = statSync(file).size
  const before = process.memoryUsage().rss
  const t = performance.now()
  let count = 0
  if (mode === 'store') {
    const store = await FileProjectStore.open(dir, { readOnly: true })
    count = Object.keys(store.data.annotations).length
  } else {
    count = (JSON.parse(readFileSync(file, 'utf8')) as { annotations: unknown[] }).annotations.length
  }
  const ms = performance.now() - t
  const peak = process.resourceUsage().maxRSS * 1024
  process.stdout.write(JSON.stringify({ mode, count, ms, peakGrowth: (peak - before) / size, size }) + '\n')
}

void main(process.argv[2], process.argv[3])

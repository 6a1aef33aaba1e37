import { buildSemanticSpace } from '../src/shared/compare/semantic-space'
import { buildSourceIndex } from '../src/shared/compare/source-index'
import { textOf } from './lib/compare-sets'
const t = textOf('../shared/corpus/large/gibbon-decline-and-fall-vol6-pg895.txt')
let c = process.cpuUsage()
const ix = buildSourceIndex(t)
let d = process.cpuUsage(c); console.log('index cpu ms', (d.user + d.system) / 1000)
c = process.cpuUsage()
for (const k of [100, 150]) { c = process.cpuUsage(); buildSemanticSpace(ix, k); d = process.cpuUsage(c); console.log('space', k, 'cpu ms', (d.user + d.system) / 1000) }

/**
 * Worker thread that reads bibliography files (src/shared/bib/read-bibliography.ts), one at a
 * time, so a large file neither stalls the app's other calls nor holds its memory on the main
 * thread. Kept by ./bib-read-client.ts between imports, terminated when an import is cancelled.
 * Messages in: BibReadJob. Messages out: BibReadMessage (progress…, then done or failed).
 */
import { parentPort } from 'node:worker_threads'
import { readBibliography } from '../../shared/bib/read-bibliography'
import type { BibReadJob, BibReadMessage } from './bib-read-job'

parentPort!.on('message', (job: BibReadJob) => {
  const post = (m: BibReadMessage) => parentPort!.postMessage(m)
  try {
    const value = readBibliography(job.fileName, job.bytes, job.format, { onProgress: (done, total) => post({ id: job.id, kind: 'progress', done, total }) })
    post({ id: job.id, kind: 'done', value })
  } catch (err) {
    post({ id: job.id, kind: 'failed', message: err instanceof Error ? err.message : String(err) })
  }
})

/**
 * The import worker thread: runs one import at a time (import-file.ts) and posts its progress and
 * its result. It holds no project state; the main process stops it (terminate) to cancel an
 * import, when an import stalls past its time budget, or when its heap limit is hit.
 */
import { parentPort } from 'node:worker_threads'
import { MarginaliaError } from '../../shared/result'
import { importFile } from './import-file'
import type { ImportReply, ImportRequest } from './import-job'

const post = (reply: ImportReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer)

parentPort!.on('message', async (job: ImportRequest) => {
  try {
    const parsed = await importFile(job.fileName, job.bytes, job.options, {
      progress: (done, total, label) => post({ type: 'progress', done, total, label }),
      cancelled: () => false // cancelling terminates this thread
    })
    // Page images are moved, not copied, when each owns its whole buffer.
    const own = (parsed.pageImages ?? []).map((p) => p.bytes).filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength)
    post({ type: 'done', parsed }, own.map((b) => b.buffer as ArrayBuffer))
  } catch (err) {
    const code = err instanceof MarginaliaError ? err.code : 'internal'
    const message = err instanceof MarginaliaError ? err.message : `${job.fileName}: the import failed (${(err as Error)?.message ?? String(err)})`
    post({ type: 'error', error: { code, message } })
  }
})

/**
 * Reads bibliography files in a worker thread (./bib-read-worker.ts): the main thread stays free
 * for every other call while a large file is parsed, progress comes in entries, and cancelling
 * ends the worker at once (the next import starts a fresh one). The worker is kept between
 * imports (starting one costs seconds from the sources) and unref'd while idle, so it never keeps
 * a CLI process alive. From a build it loads out/main/bib-read-worker.js; from the sources (tsx,
 * vitest) the TypeScript entry through bib-read-worker-dev.cjs. Imports run one at a time.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CallContext } from '../../shared/api/define'
import type { BibFormat, ReadBibliography } from '../../shared/bib/read-bibliography'
import { MarginaliaError } from '../../shared/result'
import type { BibReadJob, BibReadMessage } from './bib-read-job'

let worker: Worker | undefined
let nextId = 1
/** The import being read, and those waiting for the worker. */
let running: Pending | undefined
const waiting: Pending[] = []

interface Pending {
  job: BibReadJob
  call: CallContext
  ok: (r: ReadBibliography) => void
  fail: (e: Error) => void
}

function start(): Worker {
  const built = join(__dirname, 'bib-read-worker.js')
  const w = existsSync(built) ? new Worker(built) : new Worker(join(__dirname, 'bib-read-worker-dev.cjs'))
  w.unref()
  w.on('message', (m: BibReadMessage) => {
    const p = running
    if (!p || p.job.id !== m.id) return
    if (m.kind === 'progress') return p.call.progress?.(m.done, m.total, 'reading')
    settle(() => (m.kind === 'done' ? p.ok(m.value) : p.fail(new Error(m.message))))
  })
  const lost = (why: string) => {
    if (worker !== w) return
    worker = undefined
    const p = running
    if (p) settle(() => p.fail(new MarginaliaError('internal', `reading ${p.job.fileName} failed: ${why}`)))
  }
  w.on('error', (err) => lost(err.message))
  w.on('exit', (code) => lost(`the bibliography reader stopped (exit ${code})`))
  return w
}

/** Ends the running import with `f`, then starts the next one. */
function settle(f: () => void): void {
  const p = running
  running = undefined
  if (p) p.call.signal?.removeEventListener('abort', cancel)
  f()
  pump()
}

/** Cancels the running import if its caller aborted: the worker is ended mid-file. */
function cancel(): void {
  const p = running
  if (!p?.call.signal?.aborted) return
  const w = worker
  worker = undefined
  void w?.terminate()
  settle(() => p.fail(new MarginaliaError('cancelled', `reading ${p.job.fileName} was cancelled`)))
}

function pump(): void {
  if (running) return
  let next = waiting.shift()
  while (next?.call.signal?.aborted) {
    next.fail(new MarginaliaError('cancelled', `reading ${next.job.fileName} was cancelled`))
    next = waiting.shift()
  }
  if (!next) {
    worker?.unref()
    return
  }
  running = next
  next.call.signal?.addEventListener('abort', cancel, { once: true })
  worker ??= start()
  worker.ref() // keep the process alive while a file is read
  worker.postMessage(next.job)
}

/** Reads `bytes` as readBibliography does, off the main thread. Rejects with the reader's error, or `cancelled`. */
export function readBibliographyInWorker(fileName: string, bytes: Uint8Array, format: BibFormat | undefined, call: CallContext = {}): Promise<ReadBibliography> {
  call.signal?.throwIfAborted()
  return new Promise<ReadBibliography>((ok, fail) => {
    waiting.push({ job: { id: nextId++, fileName, bytes, format }, call, ok, fail })
    pump()
  })
}

/**
 * Runs citeproc formatting in one long-lived worker thread (csl-worker.ts), started on first use.
 * From a build it loads out/main/csl-worker.js; from the sources (tsx, vitest) the TypeScript entry
 * through csl-worker-dev.cjs, which registers tsx's loader in the worker. The worker is unref'd so it never keeps a CLI process alive.
 *
 * One job is in the worker at a time; the others wait here, notes (`cites`) before bibliography
 * entries, so a long bibliography (sent in chunks by ./format-cache.ts) never delays the notes of
 * the open document by more than one chunk.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CiteRequest, FormattedEntry } from '../../shared/bib/citation-js'
import type { CslItem } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import type { CslJob, CslReply } from './csl-job'

let worker: Worker | undefined
let nextId = 1
interface Waiting { job: CslJob; ok: (value: unknown) => void; fail: (err: Error) => void }
/** The job in the worker, if any. */
let running: Waiting | undefined
/** Jobs waiting for the worker, by priority: notes first, then bibliography entries. */
const queues: Record<CslJob['kind'], Waiting[]> = { cites: [], bibliography: [] }

function failAll(err: Error): void {
  const all = [...(running ? [running] : []), ...queues.cites.splice(0), ...queues.bibliography.splice(0)]
  running = undefined
  worker = undefined
  for (const p of all) p.fail(err)
}

/** Sends the next waiting job, if the worker is free. */
function pump(): void {
  if (running) return
  const next = queues.cites.shift() ?? queues.bibliography.shift()
  if (!next) {
    worker?.unref()
    return
  }
  worker ??= start()
  worker.ref() // keep the process alive while a job is out
  running = next
  worker.postMessage(next.job)
}

function start(): Worker {
  const built = join(__dirname, 'csl-worker.js')
  const w = existsSync(built)
    ? new Worker(built)
    : new Worker(join(__dirname, 'csl-worker-dev.cjs'))
  w.unref()
  w.on('message', (reply: CslReply) => {
    const p = running
    if (!p || p.job.id !== reply.id) return
    running = undefined
    if (reply.ok) p.ok(reply.value)
    else p.fail(new MarginaliaError(reply.error.code, reply.error.message))
    pump()
  })
  w.on('error', (err) => failAll(new MarginaliaError('internal', `citation formatting failed: ${err.message}`)))
  w.on('exit', (code) => failAll(new MarginaliaError('internal', `the citation formatter stopped (exit ${code})`)))
  return w
}

/** A job before it gets its id (distributes over the union of job kinds). */
type NewJob = CslJob extends infer J ? (J extends CslJob ? Omit<J, 'id'> : never) : never

let pumpScheduled = false

function run<T>(job: NewJob): Promise<T> {
  const full = { ...job, id: nextId++ } as CslJob
  return new Promise<T>((ok, fail) => {
    queues[full.kind].push({ job: full, ok: ok as (v: unknown) => void, fail })
    // Sent on the next turn of the event loop, so that of requests made together (a window
    // opening a document asks for its notes and its bibliography at once) the notes go first.
    if (!pumpScheduled) {
      pumpScheduled = true
      setImmediate(() => {
        pumpScheduled = false
        pump()
      })
    }
  })
}

/** The bibliography of `items` in `style`, formatted off the main thread. */
export function formatBibliographyInWorker(appRoot: string, items: CslItem[], style: string, lang: string): Promise<FormattedEntry[]> {
  return run({ kind: 'bibliography', appRoot, items, style, lang })
}

/** A sequence of cites (notes) in `style`, formatted off the main thread. */
export function formatCitesInWorker(appRoot: string, items: CslItem[], cites: CiteRequest[], style: string, format: 'html' | 'text', lang: string): Promise<string[]> {
  return run({ kind: 'cites', appRoot, items, cites, style, format, lang })
}

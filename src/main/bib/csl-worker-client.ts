/**
 * Runs citeproc formatting in one long-lived worker thread (csl-worker.ts), started on first use.
 * From a build it loads out/main/csl-worker.js; from the sources (tsx, vitest) the TypeScript entry
 * through csl-worker-dev.cjs, which registers tsx's loader in the worker. The worker is unref'd so it never keeps a CLI process alive.
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
const pending = new Map<number, { ok: (value: unknown) => void; fail: (err: Error) => void }>()

function failAll(err: Error): void {
  for (const p of pending.values()) p.fail(err)
  pending.clear()
  worker = undefined
}

function start(): Worker {
  const built = join(__dirname, 'csl-worker.js')
  const w = existsSync(built)
    ? new Worker(built)
    : new Worker(join(__dirname, 'csl-worker-dev.cjs'))
  w.unref()
  w.on('message', (reply: CslReply) => {
    const p = pending.get(reply.id)
    if (!p) return
    pending.delete(reply.id)
    if (reply.ok) p.ok(reply.value)
    else p.fail(new MarginaliaError(reply.error.code, reply.error.message))
    if (pending.size === 0) w.unref()
  })
  w.on('error', (err) => failAll(new MarginaliaError('internal', `citation formatting failed: ${err.message}`)))
  w.on('exit', (code) => failAll(new MarginaliaError('internal', `the citation formatter stopped (exit ${code})`)))
  return w
}

/** A job before it gets its id (distributes over the union of job kinds). */
type NewJob = CslJob extends infer J ? (J extends CslJob ? Omit<J, 'id'> : never) : never

function run<T>(job: NewJob): Promise<T> {
  worker ??= start()
  const id = nextId++
  worker.ref() // keep the process alive while a job is out
  return new Promise<T>((ok, fail) => {
    pending.set(id, { ok: ok as (v: unknown) => void, fail })
    worker!.postMessage({ ...job, id } as CslJob)
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

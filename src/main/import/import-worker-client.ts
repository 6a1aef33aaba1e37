/**
 * Runs imports in worker threads (import-worker.ts) so that the main process — the app's window,
 * the HTTP server of `serve`, every other API call — stays responsive while a large PDF, an OCR
 * scan or a 2 MB text is parsed. One worker per running import; one idle worker is kept warm.
 * Cancelling terminates the import's worker (the only way to stop a synchronous parser), as do a
 * stall past the time budget and a heap past its limit; nothing is stored until the worker answers.
 * From a build the worker is out/main/import-worker.js; from the sources (tsx, vitest) the
 * TypeScript entry through import-worker-dev.cjs. Workers are unref'd while idle. A small plain
 * text is parsed in place (parseImport).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { CallContext } from '../../shared/api/define'
import { IMPORT_LIMITS } from '../../shared/import/import-limits'
import type { ParsedDocument } from '../../shared/import/parsed-document'
import { baseFileName } from '../../shared/import/parse-document'
import { MarginaliaError } from '../../shared/result'
import { checkExtension, sniffBinary, detectTextFormat } from '../../shared/import/detect-format'
import { decodeTextFile, parseTextAs } from '../../shared/import/parse-document'
import type { ImportFileOptions } from './import-file'
import type { ImportReply, ImportRequest } from './import-job'

/**
 * A plain, wiki or Markdown text this small parses in a few milliseconds: it is parsed in place,
 * since starting a worker would cost more than the parse and block nothing less.
 */
const IN_PLACE_BYTES = 256 * 1024

/**
 * The parse of an import: in a worker thread (importInWorker), except a small plain text, wiki
 * or Markdown file, which is parsed in place. Same errors either way (the same parsers run).
 */
export function parseImport(fileName: string, bytes: Uint8Array, options: ImportFileOptions, call: CallContext = {}): Promise<ParsedDocument> {
  if (bytes.length <= IN_PLACE_BYTES && bytes.length > 0 && !sniffBinary(bytes)) {
    try {
      const name = baseFileName(fileName)
      // A name that promises a binary format (report.pdf holding text) is refused here too.
      checkExtension(name, undefined)
      const text = decodeTextFile(name, bytes, options.encoding)
      const format = options.format ?? detectTextFormat(name, text)
      if (format === 'text' || format === 'wiki' || format === 'markdown') {
        const parsed = parseTextAs(name, text, format, options)
        if (options.encoding && options.encoding !== 'utf-8') parsed.metadata.encoding = options.encoding
        return Promise.resolve(parsed)
      }
    } catch (err) {
      return Promise.reject(err)
    }
  }
  return importInWorker(fileName, bytes, options, call)
}

let idle: Worker | undefined

function spawn(): Worker {
  const built = join(__dirname, 'import-worker.js')
  const entry = existsSync(built) ? built : join(__dirname, 'import-worker-dev.cjs')
  return new Worker(entry, { resourceLimits: { maxOldGenerationSizeMb: IMPORT_LIMITS.workerHeapMb } })
}

/** Budgets of one import, in milliseconds; tests shorten them. */
export interface ImportBudget {
  /** Longest time without a progress report before the import is stopped. */
  stallMs?: number
}

/**
 * Parses `bytes` in a worker thread, reporting progress to `call.progress` and stopping when
 * `call.signal` aborts.
 * @throws MarginaliaError naming the file: the parser's own error, 'cancelled', or a stall/heap stop.
 */
export function importInWorker(fileName: string, bytes: Uint8Array, options: ImportFileOptions, call: CallContext = {}, budget: ImportBudget = {}): Promise<ParsedDocument> {
  const name = baseFileName(fileName)
  if (call.signal?.aborted) return Promise.reject(new MarginaliaError('cancelled', `import of ${name} cancelled; nothing was changed`))
  const worker = idle ?? spawn()
  idle = undefined
  worker.ref()
  const stallMs = budget.stallMs ?? IMPORT_LIMITS.importStall
  return new Promise<ParsedDocument>((resolve, reject) => {
    let settled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const finish = (err: MarginaliaError | undefined, parsed?: ParsedDocument, keep = false) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      call.signal?.removeEventListener('abort', onAbort)
      worker.off('message', onMessage)
      worker.off('error', onError)
      worker.off('exit', onExit)
      if (keep && !idle) {
        worker.unref()
        idle = worker
      } else void worker.terminate()
      if (err) reject(err)
      else resolve(parsed!)
    }
    const watchdog = () => {
      clearTimeout(timer)
      timer = setTimeout(() => finish(new MarginaliaError('invalid-file', `${name}: the import made no progress for ${stallMs / 1000} s and was stopped; nothing was changed`)), stallMs)
    }
    const onMessage = (reply: ImportReply) => {
      if (reply.type === 'progress') {
        watchdog()
        call.progress?.(reply.done, reply.total, reply.label)
      } else if (reply.type === 'done') finish(undefined, reply.parsed, true)
      else finish(new MarginaliaError(reply.error.code, reply.error.message), undefined, true)
    }
    const onError = (err: Error & { code?: string }) => {
      const message = err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `${name}: the import needed more than ${IMPORT_LIMITS.workerHeapMb} MB of memory and was stopped (the file may be a decompression bomb); nothing was changed`
        : `${name}: the import failed (${err.message}); nothing was changed`
      finish(new MarginaliaError(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'invalid-file' : 'internal', message))
    }
    const onExit = (code: number) => finish(new MarginaliaError('internal', `${name}: the import worker stopped (exit ${code}); nothing was changed`))
    const onAbort = () => finish(new MarginaliaError('cancelled', `import of ${name} cancelled; nothing was changed`))
    worker.on('message', onMessage)
    worker.on('error', onError)
    worker.on('exit', onExit)
    call.signal?.addEventListener('abort', onAbort, { once: true })
    watchdog()
    const request: ImportRequest = { fileName, bytes, options }
    worker.postMessage(request)
  })
}

/** How the import commands read files (format, encoding, OCR, Gutenberg) and run as jobs with progress. */
import type { MarginaliaApi, MethodName } from '../../shared/api'
import type { JobState } from '../../shared/api/jobs'
import type { ErrorCode, Result } from '../../shared/result'
import { textEncoding } from '../../shared/api/documents'
import { documentFormat } from '../../shared/api/schemas'
import type { ParsedArgs } from '../command'
import { option } from '../parse-args'

export const FORMATS: readonly string[] = documentFormat.options
export const ENCODINGS: readonly string[] = textEncoding.options

/** `--format`, `--encoding`, `--ocr-lang`…, `--ocr off`, `--gutenberg trim|keep`, checked. */
export function readOptions(args: ParsedArgs) {
  const format = option(args, 'format')
  if (format && !FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`)
  const encoding = option(args, 'encoding')?.toLowerCase()
  if (encoding && !ENCODINGS.includes(encoding)) throw new Error(`--encoding must be one of ${ENCODINGS.join(', ')}`)
  const ocr = option(args, 'ocr')
  if (ocr && ocr !== 'on' && ocr !== 'off') throw new Error('--ocr must be on or off')
  const gutenberg = option(args, 'gutenberg')
  if (gutenberg && gutenberg !== 'trim' && gutenberg !== 'keep') throw new Error('--gutenberg must be trim or keep')
  const langs = (args.options['ocr-lang'] ?? []).flatMap((l) => l.split('+'))
  return {
    ...(format ? { format: format as never } : {}),
    ...(encoding ? { encoding: encoding as never } : {}),
    ...(ocr ? { ocr: ocr === 'on' } : {}),
    ...(gutenberg ? { trimGutenberg: gutenberg === 'trim' } : {}),
    ...(langs.length ? { ocrLanguages: langs } : {})
  }
}

/** The fields of `record` named in `keys` that are set. */
export function pick<T extends object, K extends keyof T>(record: T, keys: K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]])) as Partial<Pick<T, K>>
}

/** Runs `method` as a job, printing its progress on stderr, and returns its result. */
export async function runJob(api: MarginaliaApi, method: MethodName, args: unknown): Promise<Result<unknown>> {
  const started = await api.startJob({ method, args })
  if (!started.ok) return started
  let job: JobState = started.value
  let said = ''
  for (let wait = 25; job.status === 'running'; wait = Math.min(250, wait * 2)) {
    await new Promise((r) => setTimeout(r, wait))
    const polled = await api.getJob({ id: job.id })
    if (!polled.ok) return polled
    job = polled.value
    const line = job.label && job.total ? `${job.label} (${job.done}/${job.total})` : job.label ?? ''
    if (line && line !== said) process.stderr.write(`${line}\n`)
    said = line
  }
  if (job.status === 'done') return { ok: true, value: job.result }
  const error = job.error ?? { code: job.status === 'cancelled' ? 'cancelled' : 'internal', message: `${method} ${job.status}` }
  return { ok: false, error: error as { code: ErrorCode; message: string } }
}

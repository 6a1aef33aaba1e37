/**
 * Long work, the one way: `runJob(method, args, { onProgress, signal })` starts any API method as
 * a job on the services, follows its progress (one polling loop for the whole renderer: the API
 * has no job events), resolves to the method's typed result, and cancels the job on the services
 * when `signal` aborts. Every running job is listed in `running` for views that show activity.
 */
import type { MethodName, Methods } from '../../shared/api'
import type { ArgsOf, ResultOf } from '../../shared/api/define'
import type { JobState } from '../../shared/api/jobs'
import type { ErrorCode, Result } from '../../shared/result'
import { ApiCallError, valueOf } from './api-error'

/** Progress of a job, in the job's own units (code points, annotations, sentences…). */
export interface JobProgress {
  done: number
  total: number
  label?: string
}

export interface JobOptions {
  onProgress?: (progress: JobProgress) => void
  /** Aborting it cancels the job; `runJob` then rejects with code `cancelled`. */
  signal?: AbortSignal
}

type Call = (method: string, args: unknown) => Promise<Result<unknown>>

/** Poll delays in ms: quick at first (most jobs are short), then steady. */
const POLL_MS = [40, 80, 150]

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

export class JobRunner {
  /** Jobs running now, by id. */
  readonly running = new Map<string, JobState>()

  /** @param changed called whenever `running` changes or a job reports progress */
  constructor(private readonly call: Call, private readonly changed: () => void) {}

  async run<K extends MethodName>(method: K, args: ArgsOf<Methods[K]>, opts: JobOptions = {}): Promise<ResultOf<Methods[K]>> {
    const cancelled = () => new ApiCallError('cancelled', `${method} was cancelled`)
    if (opts.signal?.aborted) throw cancelled()
    let job = valueOf(await this.call('startJob', { method, args })) as JobState
    this.track(job)
    try {
      for (let round = 0; job.status === 'running'; round++) {
        await pause(POLL_MS[Math.min(round, POLL_MS.length - 1)], opts.signal)
        if (opts.signal?.aborted) {
          await this.call('cancelJob', { id: job.id })
          throw cancelled()
        }
        job = valueOf(await this.call('getJob', { id: job.id })) as JobState
        this.track(job)
        opts.onProgress?.({ done: job.done, total: job.total, label: job.label })
      }
    } finally {
      this.running.delete(job.id)
      this.changed()
    }
    if (job.status === 'done') return job.result as ResultOf<Methods[K]>
    if (job.status === 'cancelled') throw cancelled()
    throw new ApiCallError((job.error?.code as ErrorCode | undefined) ?? 'internal', job.error?.message ?? `${method} failed`)
  }

  private track(job: JobState): void {
    if (job.status === 'running') this.running.set(job.id, job)
    this.changed()
  }
}

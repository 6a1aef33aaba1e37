import { z } from 'zod'
import { method } from './define'
import { id } from './schemas'

/** Long work (imports, exports, comparisons of large sources) runs as a job with progress. */
export interface JobState {
  id: string
  kind: string
  status: 'running' | 'done' | 'failed' | 'cancelled'
  /** Units done and total, in the job's own units (bytes, annotations, passages…). */
  done: number
  total: number
  label?: string
  /** The operation's result once `status` is `done`. */
  result?: unknown
  error?: { code: string; message: string }
}

export const jobMethods = {
  getJob: method<JobState>()(z.object({ id })),
  cancelJob: method<JobState>()(z.object({ id }))
}

/** Runs any operation of the API as a job: poll `getJob`, stop it with `cancelJob`. */
export const startJobMethod = {
  startJob: method<JobState>()(z.object({ method: z.string().min(1).max(100), args: z.unknown() }))
}

/**
 * Long work as jobs: any API method can be started as a job; it then runs with a progress
 * callback and an AbortSignal, and the caller polls `getJob` and may `cancelJob`.
 * Finished jobs are kept for a while so a late poll still sees the result.
 */
import type { CallContext, HandlersOf } from '../../shared/api/define'
import type { jobMethods, JobState, startJobMethod } from '../../shared/api/jobs'
import { MarginaliaError, type Result } from '../../shared/result'

/** Finished jobs remembered, oldest forgotten first. */
const FINISHED_KEPT = 50

type Runner = (method: string, args: unknown, ctx: CallContext) => Promise<Result<unknown>>

export function createJobHandlers(run: Runner, newId: (prefix: string) => string): HandlersOf<typeof jobMethods & typeof startJobMethod> {
  const jobs = new Map<string, { state: JobState; controller: AbortController }>()

  const forgetOld = () => {
    const finished = [...jobs.values()].filter((j) => j.state.status !== 'running')
    for (const j of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) jobs.delete(j.state.id)
  }

  const find = (id: string) => {
    const job = jobs.get(id)
    if (!job) throw new MarginaliaError('not-found', `no job with id ${id}`)
    return job
  }

  return {
    startJob: ({ method, args }) => {
      if (method === 'startJob') throw new MarginaliaError('invalid-argument', 'a job cannot start a job')
      const controller = new AbortController()
      const state: JobState = { id: newId('job'), kind: method, status: 'running', done: 0, total: 0 }
      jobs.set(state.id, { state, controller })
      forgetOld()
      const progress = (done: number, total: number, label?: string) => {
        state.done = done
        state.total = total
        if (label !== undefined) state.label = label
      }
      void run(method, args, { progress, signal: controller.signal }).then((result) => {
        if (state.status === 'cancelled') return
        if (result.ok) {
          state.status = 'done'
          state.result = result.value
        } else {
          state.status = result.error.code === 'cancelled' ? 'cancelled' : 'failed'
          state.error = result.error
        }
      })
      return { ...state }
    },
    getJob: ({ id }) => ({ ...find(id).state }),
    cancelJob: ({ id }) => {
      const job = find(id)
      if (job.state.status === 'running') {
        job.controller.abort()
        job.state.status = 'cancelled'
      }
      return { ...job.state }
    }
  }
}

/**
 * Runs long pure work written as a generator of `[done, total]` steps: progress is reported after
 * each step, the event loop gets a turn between steps (other requests and a cancel get through),
 * and a cancelled call stops with MarginaliaError('cancelled').
 */
import type { CallContext } from '../../shared/api/define'
import { MarginaliaError } from '../../shared/result'

export async function runSteps<T>(steps: Generator<[number, number], T>, call: CallContext, label: string): Promise<T> {
  let step = steps.next()
  while (!step.done) {
    if (call.signal?.aborted) throw new MarginaliaError('cancelled', `${label} was cancelled`)
    call.progress?.(step.value[0], step.value[1], label)
    await new Promise((ok) => setImmediate(ok))
    step = steps.next()
  }
  return step.value
}

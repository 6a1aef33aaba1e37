/**
 * Long pure work (indexing, layout) is written as a generator that yields `[done, total]` between
 * batches, so the service can report progress and let other calls through (src/main/services/run-steps.ts);
 * `drainSteps` runs such a generator to its end in one go, for tests, the bench and small inputs.
 */
export function drainSteps<T>(steps: Generator<[number, number], T>): T {
  let step = steps.next()
  while (!step.done) step = steps.next()
  return step.value
}

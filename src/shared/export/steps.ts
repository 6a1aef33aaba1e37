/**
 * Exporters do their heavy work as a generator that yields after each batch (`[done, total]`,
 * in the exporter's own units, usually annotations). One implementation then serves both callers:
 * `runSteps` drains it synchronously (the pure `Exporter` contract, tests, the bench), and
 * `runStepsAsync` gives the event loop a turn after each batch, so that in the service a job's
 * progress can be polled and its cancellation arrives while the export is still running.
 */
import type { ExportOutput, ExportProgress } from './types'

/** A resumable export: yields `[done, total]` after each batch, returns the output. */
export type ExportSteps = Generator<[number, number], ExportOutput, void>

/** Error thrown when an export is cancelled through its AbortSignal. */
export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled')
    this.name = 'ExportCancelled'
  }
}

function check(signal?: AbortSignal): void {
  if (signal?.aborted) throw new ExportCancelled()
}

/** Drains `steps` synchronously, reporting progress and honouring `signal` between batches. */
export function runSteps(steps: ExportSteps, progress?: ExportProgress, signal?: AbortSignal): ExportOutput {
  for (;;) {
    check(signal)
    const r = steps.next()
    if (r.done) return r.value
    progress?.(r.value[0], r.value[1])
  }
}

/** Drains `steps`, yielding to the event loop after every batch (so polls and cancels are served). */
export async function runStepsAsync(steps: ExportSteps, progress?: ExportProgress, signal?: AbortSignal): Promise<ExportOutput> {
  for (;;) {
    check(signal)
    const r = steps.next()
    if (r.done) return r.value
    progress?.(r.value[0], r.value[1])
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
  }
}

/** Number of records handled between two yields: large enough that yielding costs nothing measurable. */
export const BATCH = 2000

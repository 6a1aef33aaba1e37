/**
 * Keeps slow reads of one kind (formatting notes and bibliographies with citeproc) from taking
 * every connection to the services: at most `max` are in flight, the rest wait in order. A browser
 * opens at most six connections to one server (one is the event stream), so without a limit a
 * bibliography re-formatted after an edit could make the next write — an Undo — wait seconds
 * behind it. A read asked again under the same key while it still waits is superseded: the older
 * request is never sent, and both callers get the newer answer.
 */
interface Waiting {
  key: string
  task: () => Promise<unknown>
  callers: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[]
}

export class ReadLimiter {
  private running = 0
  private readonly waiting: Waiting[] = []

  /** @param max reads of this kind in flight at once */
  constructor(private readonly max: number) {}

  /** Runs `task` when a slot is free; a waiting read of the same `key` is replaced by this one. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const caller = { resolve: resolve as (v: unknown) => void, reject }
      const queued = this.waiting.find((w) => w.key === key)
      if (queued) {
        queued.task = task // the newer request (its arguments may differ) is the one sent
        queued.callers.push(caller)
      } else this.waiting.push({ key, task, callers: [caller] })
      this.next()
    })
  }

  private next(): void {
    while (this.running < this.max && this.waiting.length) {
      const w = this.waiting.shift()!
      this.running++
      w.task()
        .then((v) => w.callers.forEach((c) => c.resolve(v)), (e) => w.callers.forEach((c) => c.reject(e)))
        .finally(() => {
          this.running--
          this.next()
        })
    }
  }
}

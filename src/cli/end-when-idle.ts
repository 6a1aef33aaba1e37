/**
 * Ending the CLI the ordinary way: the process ends when nothing is left to do (its output flushed,
 * its workers idle and unref'd, its sockets closed), with `code` as its exit code. Calling
 * `process.exit()` instead would end it even with output still queued for a pipe (the cause of
 * output cut at 64 KiB). Should a handle nobody closed keep the process alive anyway, it is ended
 * after `graceMs`, and stderr names what held it, so that a finished command never hangs and the
 * leak shows (the CLI's tests fail on that message); even then it waits for stdout to drain.
 */

/** What the stray-handle message starts with (tests look for it). */
export const HELD_OPEN_MESSAGE = 'still held open by'

/** Milliseconds a finished command may wait for stray handles before it is ended. */
export const DEFAULT_GRACE_MS = 5_000

export function endWhenIdle(code: number, graceMs = DEFAULT_GRACE_MS): void {
  process.exitCode = code
  // unref'd: this timer alone does not keep the process alive, so it fires only when something else does.
  setTimeout(() => {
    const held = process.getActiveResourcesInfo() // lists ref'd handles only, so not this timer
    process.stderr.write(`marginalia: ${HELD_OPEN_MESSAGE} ${held.join(', ') || 'an unknown handle'} ${graceMs} ms after finishing; ending it\n`)
    // Output still queued for a pipe goes first (as a process blocked on a pipe waits for its reader).
    if (process.stdout.writableLength === 0) process.exit(code)
    else process.stdout.once('drain', () => process.exit(code))
  }, graceMs).unref()
}

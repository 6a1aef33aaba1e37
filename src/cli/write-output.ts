/**
 * Writing the CLI's output so that it arrives whole through a pipe. A pipe holds 64 KiB; what does
 * not fit waits in the process, and exiting then loses it (output cut at a multiple of 64 KiB, exit
 * code 0). So output is written in chunks, each awaited until the OS has taken it, and the CLI
 * exits only after every stream has flushed.
 */
import type { Writable } from 'node:stream'

/** Bytes handed to the OS per write: large enough to be fast, small enough to bound the queue. */
const CHUNK_CODE_UNITS = 1024 * 1024

/** True when the reader of a pipe went away (`… | head`): then there is no one left to write for. */
export function isBrokenPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE'
}

function writeChunk(stream: Writable, chunk: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (err) => (err ? reject(err) : resolve()))
  })
}

/**
 * Writes `data` to `stream` in chunks, each waited for until written (so memory stays bounded and
 * nothing is pending when this resolves). Strings are cut between code points, never inside a
 * surrogate pair. Rejects with the stream's error (EPIPE when the reader closed the pipe).
 */
export async function writeOut(stream: Writable, data: string | Uint8Array): Promise<void> {
  for (let at = 0; at < data.length;) {
    let end = Math.min(data.length, at + CHUNK_CODE_UNITS)
    if (typeof data === 'string' && end < data.length && /[\uDC00-\uDFFF]/.test(data[end])) end-- // keep a surrogate pair together
    await writeChunk(stream, data.slice(at, end))
    at = end
  }
}

/** Resolves once everything written to `stream` so far has been handed to the OS. */
export function flushed(stream: Writable): Promise<void> {
  return writeChunk(stream, '').catch(() => undefined)
}

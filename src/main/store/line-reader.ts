/**
 * Reads a UTF-8 file in chunks of bytes and hands the caller whole lines as byte ranges of a buffer
 * (the next chunk is read while the current one is handled). The whole file never exists as one
 * string, and a caller can decode and JSON.parse many lines at once straight from the bytes
 * (`parseLinesAsArray`), with no intermediate string per line or per chunk.
 * Ranges are cut only at `\n`, which never occurs inside a multi-byte UTF-8 character, so every
 * range decodes on its own.
 */
import { isAscii } from 'node:buffer'
import { storeFs } from './store-fs'

/** 512 KiB read at a time (callers decode smaller ranges of it: see json-lines-snapshot.ts). */
const CHUNK = 1 << 19
/** Room before each chunk for the unfinished line of the previous one (a longer line takes a fresh buffer). */
const RESERVE = 1 << 16

/** Returned by a callback to stop reading early. */
export const STOP = Symbol('stop')

export interface LineChunk {
  buf: Buffer
  /**
   * Byte offset of the first line not consumed yet. `buf[start - 1]` exists and may be overwritten,
   * as may every byte the callback reports consumed.
   */
  start: number
  /** Byte offset just after the last `\n` in the chunk; on the final call, the end of the data. */
  end: number
  /** True for the call after the last chunk (the file's last line may then lack its `\n`). */
  final: boolean
}

/**
 * Calls `onChunk` for each chunk of whole lines (the unconsumed rest of the previous chunk comes
 * first); it returns the offset up to which it consumed (a line start), or STOP. Returns the bytes read.
 */
export async function readLineChunks(path: string, onChunk: (chunk: LineChunk) => number | typeof STOP, chunkBytes = CHUNK): Promise<number> {
  const handle = await storeFs.open(path, 'r')
  const reserve = Math.min(RESERVE, chunkBytes)
  try {
    const buffers = [Buffer.allocUnsafe(reserve + chunkBytes), Buffer.allocUnsafe(reserve + chunkBytes)]
    let turn = 0
    let position = 0
    let pending = handle.read(buffers[0], reserve, chunkBytes, 0)
    // Unconsumed bytes of earlier chunks, in order. `view`: the only piece is a view of the previous
    // buffer, valid until the next read into that buffer starts (it is copied out before).
    let carry: Buffer[] = []
    let view = false
    for (;;) {
      const { bytesRead } = await pending
      if (bytesRead === 0) break
      position += bytesRead
      let buf = buffers[turn]
      let start = reserve
      let end = reserve + bytesRead
      const hasNl = buf.lastIndexOf(10, end - 1) >= start
      if (!hasNl) {
        // a line longer than a chunk: keep copies, join them once the line ends (no quadratic copying)
        carry = [...(view ? [Buffer.from(carry[0])] : carry), Buffer.from(buf.subarray(start, end))]
      } else if (carry.length > 0) {
        const carried = carry.reduce((n, b) => n + b.length, 0)
        if (carried < reserve) {
          start = reserve - carried
          Buffer.concat(carry).copy(buf, start)
        } else {
          buf = Buffer.concat([Buffer.alloc(1), ...carry, buf.subarray(start, end)]) // byte 0: room for the caller
          ;[start, end] = [1, buf.length]
        }
        carry = []
      }
      view = false
      turn ^= 1
      pending = handle.read(buffers[turn], reserve, chunkBytes, position) // overlap the next read with parsing
      if (!hasNl) continue
      const used = onChunk({ buf, start, end: buf.lastIndexOf(10, end - 1) + 1, final: false })
      if (used === STOP) {
        await pending.catch(() => undefined)
        return position
      }
      if (used < end) [carry, view] = [[buf.subarray(used, end)], true]
    }
    if (carry.length > 0) {
      const buf = Buffer.concat([Buffer.alloc(1), ...carry])
      onChunk({ buf, start: 1, end: buf.length, final: true })
    }
    return position
  } finally {
    await handle.close()
  }
}

/** Decodes bytes `[start, end)` of `buf` (ASCII, most of a project file, decodes as a plain copy). */
function decodeRange(buf: Buffer, start: number, end: number): string {
  return buf.toString(isAscii(buf.subarray(start, end)) ? 'latin1' : 'utf8', start, end)
}

/**
 * Parses the lines `[start, end)` of `buf` (one JSON value each, every line but the last ending
 * with `,`; `end` is just after the last value) as one JSON array, in place: `[` goes into
 * `buf[start - 1]` and `]` replaces the last `,` or the byte after the last value, so the text is
 * decoded once and never copied. Throws SyntaxError when they are not such lines.
 */
export function parseLinesAsArray(buf: Buffer, start: number, end: number): { values: unknown[]; text: string } {
  buf[start - 1] = 0x5b // [
  let stop = end
  if (buf[end - 1] === 0x2c /* , */) buf[end - 1] = 0x5d // ]
  else buf[stop++] = 0x5d
  const text = decodeRange(buf, start - 1, stop)
  return { values: JSON.parse(text) as unknown[], text }
}

/**
 * Calls `onLine(line, lineNumber, complete)` for every line of `path` (1-based, without its `\n`);
 * a last line without `\n` comes with `complete` false. Returns the bytes read.
 */
export function readLines(
  path: string,
  onLine: (line: string, lineNumber: number, complete: boolean) => void | typeof STOP,
  chunkBytes = CHUNK
): Promise<number> {
  let lineNumber = 0
  return readLineChunks(path, ({ buf, start, end }) => {
    let from = start
    while (from < end) {
      const nl = buf.indexOf(10, from)
      const complete = nl >= 0 && nl < end
      const to = complete ? nl : end
      if (onLine(buf.toString('utf8', from, to), ++lineNumber, complete) === STOP) return STOP
      from = to + 1
    }
    return end
  }, chunkBytes)
}

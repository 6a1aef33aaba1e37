/**
 * Reads a UTF-8 file in 512 KiB chunks, the next chunk being read while the current one is parsed.
 * The whole file never exists as one string: memory stays near the size of what the caller keeps,
 * not twice the file (one big JSON.parse holds the text and its objects at once).
 */
import { isAscii } from 'node:buffer'
import { StringDecoder } from 'node:string_decoder'
import { storeFs } from './store-fs'

/**
 * 512 KiB: below Node's threshold (≈ 1 MB) for turning a decoded string into an external string,
 * whose memory the garbage collector does not see, so chunks already parsed are freed promptly.
 */
const CHUNK = 1 << 19

/** Returned by a callback to stop reading early. */
export const STOP = Symbol('stop')

/**
 * Calls `onText(text, final)` with the text not consumed yet plus the next decoded chunk; the callback
 * returns how many characters it consumed (the rest is handed back with the next chunk), or STOP.
 * `final` is true for the call after the last chunk. Returns the bytes read.
 */
export async function readChunks(path: string, onText: (text: string, final: boolean) => number | typeof STOP, chunkBytes = CHUNK): Promise<number> {
  const handle = await storeFs.open(path, 'r')
  try {
    const decoder = new StringDecoder('utf8')
    let multibyte = false // once a chunk is not ASCII, the decoder may hold a partial character: keep using it
    const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)]
    let turn = 0
    let position = 0
    let pending = handle.read(buffers[0], 0, chunkBytes, 0)
    let rest = ''
    for (;;) {
      const { bytesRead } = await pending
      if (bytesRead === 0) break
      const buffer = buffers[turn]
      position += bytesRead
      turn ^= 1
      pending = handle.read(buffers[turn], 0, chunkBytes, position) // overlap the next read with parsing
      const bytes = buffer.subarray(0, bytesRead)
      // ASCII (ids, keys, dates: most of a project file) decodes as latin1, a plain copy.
      if (!multibyte && !isAscii(bytes)) multibyte = true
      const text = rest + (multibyte ? decoder.write(bytes) : bytes.toString('latin1'))
      const used = onText(text, false)
      if (used === STOP) {
        await pending.catch(() => undefined)
        return position
      }
      rest = text.slice(used)
    }
    if (multibyte) rest += decoder.end()
    if (rest.length > 0) onText(rest, true)
    return position
  } finally {
    await handle.close()
  }
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
  return readChunks(path, (text, final) => {
    let start = 0
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (onLine(text.slice(start, nl), ++lineNumber, true) === STOP) return STOP
      start = nl + 1
    }
    if (final && start < text.length) onLine(text.slice(start), ++lineNumber, false)
    return start
  }, chunkBytes)
}

/**
 * Reading a user's file under a size limit (src/shared/limits.ts): the size is checked from the
 * open file's metadata *before* a byte is read, so a 600 MB file is refused in milliseconds
 * without using memory; the read itself stops at the limit too, should the file grow meanwhile.
 */
import { open, stat } from 'node:fs/promises'
import { assertWithinLimit, type Limit } from '../shared/limits'
import { MarginaliaError } from '../shared/result'

function notReadable(shownName: string, err: unknown): MarginaliaError {
  const code = (err as NodeJS.ErrnoException)?.code
  const problem = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder, not a file' : (err as Error)?.message ?? String(err)
  return new MarginaliaError('invalid-file', `${shownName}: ${problem}`)
}

/**
 * Size in bytes of the file at `path`, after checking it is a regular file within `limit`.
 * Throws MarginaliaError('invalid-file', '<shownName>: <problem>') otherwise.
 */
export async function statWithinLimit(path: string, limit: Limit, shownName = path): Promise<number> {
  const info = await stat(path).catch((err) => { throw notReadable(shownName, err) })
  if (!info.isFile()) throw new MarginaliaError('invalid-file', `${shownName}: ${info.isDirectory() ? 'is a folder, not a file' : 'is not a regular file'}`)
  assertWithinLimit(shownName, info.size, limit)
  return info.size
}

/**
 * The bytes of the file at `path`, refused before reading when larger than `limit` (bytes).
 * `shownName` is how errors name the file (the path as the user typed it, by default).
 */
export async function readFileWithinLimit(path: string, limit: Limit, shownName = path): Promise<Uint8Array> {
  const handle = await open(path, 'r').catch((err) => { throw notReadable(shownName, err) })
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new MarginaliaError('invalid-file', `${shownName}: ${info.isDirectory() ? 'is a folder, not a file' : 'is not a regular file'}`)
    assertWithinLimit(shownName, info.size, limit)
    // Read at most limit + 1 bytes: a file that grew past the limit since stat is still refused.
    const buffer = new Uint8Array(Math.min(info.size, limit.max) + 1)
    let filled = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
      if (filled === buffer.length) break
    }
    assertWithinLimit(shownName, filled, limit)
    if (filled !== info.size) throw new MarginaliaError('invalid-file', `${shownName}: the file changed while it was being read; try again`)
    return buffer.subarray(0, filled)
  } catch (err) {
    if (err instanceof MarginaliaError) throw err
    throw notReadable(shownName, err)
  } finally {
    await handle.close()
  }
}

/**
 * Durable file replacement: write a uniquely named temp file in the same folder, fsync it,
 * rename it over the target, then fsync the folder so the rename itself survives a crash.
 * A crash at any point leaves either the old file or the new one, never a torn mix; the only
 * debris is a temp file named `.<name>.<12 hex>.tmp`, which the store removes on its next open.
 */
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { type FileHandle, storeFs } from './store-fs'

/** Temp files this module creates: `.<target name>.<12 hex digits>.tmp`. */
export const TEMP_NAME = /^\.(.+)\.[0-9a-f]{12}\.tmp$/

/** A fresh temp path beside `path`. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Writes a temp file beside `path` by calling `fill(handle)`, fsyncs it, renames it over `path`
 * and fsyncs the folder. On any failure the temp file is removed and `path` is untouched.
 */
export async function replaceFile(path: string, fill: (handle: FileHandle) => Promise<void>): Promise<void> {
  const tmp = tempPathFor(path)
  const handle = await storeFs.open(tmp, 'wx', 0o644)
  try {
    try {
      await fill(handle)
      await storeFs.sync(handle)
    } finally {
      await handle.close()
    }
    await storeFs.rename(tmp, path)
  } catch (err) {
    await storeFs.rm(tmp).catch(() => undefined)
    throw err // e.g. ENOSPC: the old file is untouched
  }
  await fsyncDir(dirname(path))
}

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await replaceFile(path, async (handle) => {
    await storeFs.write(handle, content)
  })
}

/** fsync a directory so a rename/create in it is durable (no-op where the OS refuses, e.g. Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await storeFs.open(dir, 'r')
  } catch {
    return // directories cannot be opened on some platforms; the rename is still atomic there
  }
  try {
    await storeFs.sync(handle)
  } catch (err) {
    // EINVAL/EISDIR: the platform cannot fsync a directory. Any other error is a real I/O failure.
    if (!['EINVAL', 'EISDIR', 'EPERM', 'EBADF'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
  } finally {
    await handle.close()
  }
}

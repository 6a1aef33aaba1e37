/**
 * Durable file replacement: write a uniquely named temp file in the same folder, fsync it,
 * rename it over the target, then fsync the folder so the rename itself survives a crash.
 * A crash at any point leaves either the old file or the new one, never a torn mix.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path)
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(tmp, 'wx', 0o644)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } catch (err) {
    await handle.close().catch(() => undefined)
    await rm(tmp, { force: true })
    throw err // e.g. ENOSPC: the old file is untouched
  }
  await handle.close()
  try {
    await rename(tmp, path)
  } catch (err) {
    await rm(tmp, { force: true })
    throw err
  }
  await fsyncDir(dir)
}

/** fsync a directory so a rename/create in it is durable (no-op where the OS refuses, e.g. Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Directories cannot be opened for sync on some platforms; the rename is still atomic there.
  } finally {
    await handle?.close()
  }
}

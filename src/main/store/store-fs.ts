/**
 * The file operations the store performs, in one object the store always calls through
 * (`storeFs.open(…)`, never `fs.open`). Tests replace members to inject faults at a chosen step
 * (write, fsync, rename…) or to record the order of operations, so a store that wrote project.json
 * in place, or skipped an fsync, is caught by a test instead of only by a power cut.
 */
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat, truncate, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'

export type { FileHandle }

const openedAt = new WeakMap<FileHandle, string>()

/** The path a handle was opened with (for fault injection and traces in tests). */
export function pathOfHandle(handle: FileHandle): string {
  return openedAt.get(handle) ?? ''
}

export const storeFs = {
  open: async (path: string, flags: string, mode?: number): Promise<FileHandle> => {
    const handle = await open(path, flags, mode)
    openedAt.set(handle, path)
    return handle
  },
  rename: (from: string, to: string): Promise<void> => rename(from, to),
  link: (existing: string, newPath: string): Promise<void> => link(existing, newPath),
  unlink: (path: string): Promise<void> => unlink(path),
  rm: (path: string): Promise<void> => rm(path, { force: true }),
  mkdir: (path: string): Promise<unknown> => mkdir(path, { recursive: true }),
  readdir: (path: string): Promise<string[]> => readdir(path),
  readFile: (path: string): Promise<Buffer> => readFile(path),
  stat: (path: string) => stat(path),
  truncate: (path: string, length: number): Promise<void> => truncate(path, length),
  copyFile: (from: string, to: string): Promise<void> => copyFile(from, to),
  /** fsync a handle's data and metadata. */
  sync: (handle: FileHandle): Promise<void> => handle.sync(),
  /** fdatasync: the data and the size, enough for an append to survive a crash. */
  datasync: (handle: FileHandle): Promise<void> => handle.datasync(),
  /** Writes all of `data` (looping over short writes) at `position`, or at the current offset. */
  write: async (handle: FileHandle, data: string | Uint8Array, position?: number): Promise<void> => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
    let done = 0
    while (done < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position === undefined ? null : position + done)
      if (bytesWritten <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' })
      done += bytesWritten
    }
  }
}

/** True when `err` is a Node error with one of `codes`. */
export function hasCode(err: unknown, ...codes: string[]): boolean {
  return typeof err === 'object' && err !== null && codes.includes((err as NodeJS.ErrnoException).code ?? '')
}

/** True if a path exists (any type). */
export async function exists(path: string): Promise<boolean> {
  return storeFs.stat(path).then(() => true, () => false)
}

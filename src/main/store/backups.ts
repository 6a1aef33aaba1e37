/**
 * Rotating, verified copies of the snapshot under backups/, named
 * `project-<UTC stamp>-<12 hex of the state hash>[-reason].json`.
 * A backup is made after a compaction only when the state differs from the newest backup's, so
 * reopening a project never pushes older states out; only a state that was validated record by
 * record can reach a compaction, so an invalid state never becomes a backup. Each copy is read back
 * and its sha256 compared with what was written before older backups are rotated away.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { fsyncDir, replaceFile, tempPathFor } from './atomic-write'
import type { SnapshotLayout, WrittenSnapshot } from './snapshot-layout'
import { type FileHandle, storeFs } from './store-fs'

/** Backups kept; older ones are deleted after a new one is verified. */
export const BACKUPS_KEPT = 10

const NAME = /^project-(\d{8}T\d{9}Z)(?:-([0-9a-f]{12}))?(-[\w-]+)?\.json$/

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

/** sha256 (hex) of a file's bytes, read in chunks. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256')
  const handle = await storeFs.open(path, 'r')
  try {
    const buffer = Buffer.allocUnsafe(1 << 20)
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null)
      if (bytesRead === 0) break
      hash.update(buffer.subarray(0, bytesRead))
    }
  } finally {
    await handle.close()
  }
  return hash.digest('hex')
}

/** Backup file names, oldest first (the stamps sort chronologically). */
export async function listBackups(dir: string): Promise<string[]> {
  const names = await storeFs.readdir(join(dir, 'backups')).catch(() => [] as string[])
  return names.filter((n) => NAME.test(n)).sort()
}

/** Copies `from` to `to` (temp, fsync, rename, fsync folder) and checks the copy's sha256 is `expected`. */
async function copyVerified(from: string, to: string, expected: string): Promise<void> {
  const tmp = tempPathFor(to)
  try {
    await storeFs.copyFile(from, tmp)
    const handle: FileHandle = await storeFs.open(tmp, 'r+')
    try {
      await storeFs.sync(handle)
    } finally {
      await handle.close()
    }
    const actual = await hashFile(tmp)
    if (actual !== expected) throw new Error(`the copy of ${from} read back differently (sha256 ${actual.slice(0, 12)}…, wrote ${expected.slice(0, 12)}…)`)
    await storeFs.rename(tmp, to)
  } catch (err) {
    await storeFs.rm(tmp).catch(() => undefined)
    throw err
  }
  await fsyncDir(join(to, '..'))
}

/**
 * After a compaction wrote `written`: copies the snapshot to backups/ unless the newest backup holds
 * the same state. Returns the new backup's path, or undefined when none was needed.
 */
export async function backupAfterCompaction(dir: string, layout: SnapshotLayout, written: WrittenSnapshot): Promise<string | undefined> {
  const tag = written.stateHash.slice(0, 12)
  const newest = (await listBackups(dir)).at(-1)
  if (newest && NAME.exec(newest)![2] === tag) return undefined
  const path = join(dir, 'backups', `project-${stamp(new Date())}-${tag}.json`)
  await copyVerified(layout.file(dir), path, written.fileHash)
  await rotate(dir)
  return path
}

/** A forced copy of the exact bytes of a snapshot before it is rewritten (e.g. a schema migration). */
export async function forcedBackup(dir: string, bytes: Uint8Array, reason: string): Promise<string> {
  const path = join(dir, 'backups', `project-${stamp(new Date())}-${reason}.json`)
  await replaceFile(path, (h) => storeFs.write(h, bytes))
  const back = await storeFs.readFile(path)
  if (!back.equals(bytes)) throw new Error(`backup ${path} did not verify`)
  await rotate(dir)
  return path
}

async function rotate(dir: string): Promise<void> {
  const names = await listBackups(dir)
  for (const name of names.slice(0, Math.max(0, names.length - BACKUPS_KEPT))) await storeFs.rm(join(dir, 'backups', name))
}

/** Path of the newest backup that reads and validates, if any. */
export async function newestValidBackup(dir: string, layout: SnapshotLayout): Promise<string | undefined> {
  for (const name of (await listBackups(dir)).reverse()) {
    const path = join(dir, 'backups', name)
    try {
      await layout.readFile(path)
      return path
    } catch {
      // unreadable or invalid backup: try the next older one
    }
  }
  return undefined
}

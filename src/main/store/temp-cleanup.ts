/**
 * Removes debris of crashed writes when a project is opened for writing: temp files named the way
 * `atomic-write.ts` names them (`.<name>.<12 hex>.tmp`) for files the store itself writes, last
 * modified before this process took the project's lock. Holding the lock proves no other writer of
 * this project is at work, and the modification time proves the file predates us; anything else
 * (files of other programs, a temp file of a process still trying to take the lock) is left alone.
 */
import { join } from 'node:path'
import { TEMP_NAME } from './atomic-write'
import { storeFs } from './store-fs'

/** Files the store writes, per folder of the project (temp names are `.<one of these>.<hex>.tmp`). */
const OURS: Record<string, RegExp> = {
  '.': /^(project\.json|journal\.jsonl)$/,
  texts: /^[\w-][\w.-]*\.txt$/,
  sources: /^[0-9a-f]{64}(\.[A-Za-z0-9]{1,10})?$/,
  backups: /^project-[\w-]+\.json$/
}
/** Lock candidates of other processes are in use for milliseconds; older than this they are debris. */
const LOCK_TEMP_AGE_MS = 60_000

/** Deletes stale temp files; returns the paths removed. */
export async function removeStaleTemps(dir: string, lockedAt: number): Promise<string[]> {
  const removed: string[] = []
  for (const [sub, target] of Object.entries(OURS)) {
    const folder = join(dir, sub)
    const names = await storeFs.readdir(folder).catch(() => [] as string[])
    for (const name of names) {
      const m = TEMP_NAME.exec(name)
      if (!m) continue
      const isLockTemp = sub === '.' && m[1] === '.marginalia.lock'
      if (!isLockTemp && !target.test(m[1])) continue
      const path = join(folder, name)
      const st = await storeFs.stat(path).catch(() => undefined)
      if (!st?.isFile()) continue
      if (isLockTemp ? Date.now() - st.mtimeMs < LOCK_TEMP_AGE_MS : st.mtimeMs >= lockedAt) continue
      await storeFs.rm(path)
      removed.push(path)
    }
  }
  return removed
}

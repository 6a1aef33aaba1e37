/**
 * `restore`: puts the newest valid backup back as project.json, keeping the current file aside.
 * It takes the project's lock like any writer, so it refuses while the app, `serve` or a CLI command
 * has the project open (whose next write would otherwise undo the restore). The journal is left in
 * place: if it continues the restored state (it does when the backup is the last compaction, i.e.
 * the last clean close), the next open replays it, so the latest edits are not lost.
 */
import { resolve } from 'node:path'
import { MarginaliaError } from '../../shared/result'
import { writeFileAtomic } from './atomic-write'
import { newestValidBackup } from './backups'
import { jsonLinesLayout } from './json-lines-snapshot'
import { acquireProjectLock } from './project-lock'
import { exists, storeFs } from './store-fs'

/** Replaces project.json with the newest valid backup; returns the backup's path. */
export async function restoreNewestBackup(dirPath: string, layout = jsonLinesLayout): Promise<string> {
  const dir = resolve(dirPath)
  const unlock = await acquireProjectLock(dir)
  try {
    const backup = await newestValidBackup(dir, layout)
    if (!backup) throw new MarginaliaError('not-found', `${dir}: no valid backup in backups/`)
    const file = layout.file(dir)
    if (await exists(file)) await storeFs.rename(file, `${file}.replaced-${Date.now()}`)
    await writeFileAtomic(file, await storeFs.readFile(backup))
    return backup
  } finally {
    await unlock()
  }
}

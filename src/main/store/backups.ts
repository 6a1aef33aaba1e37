/**
 * Rotating, verified copies of project.json under backups/. A backup is written only from a
 * file that parses and validates; rotation never deletes the newest valid copies.
 */
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from './atomic-write'
import { projectDataProblem } from './validate-project'

/** Backups kept; older ones are deleted after a new one is verified. */
export const BACKUPS_KEPT = 10

const NAME = /^project-(\d{8}T\d{6}\d{3}Z)(-[\w-]+)?\.json$/

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '')
}

/** Copies `json` (the current project.json text) to backups/ if it is a valid store; returns the path. */
export async function writeBackup(dir: string, json: string, reason = ''): Promise<string | undefined> {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return undefined
  }
  if (projectDataProblem(parsed)) return undefined
  const path = join(dir, 'backups', `project-${stamp(new Date())}${reason ? '-' + reason : ''}.json`)
  await writeFileAtomic(path, json)
  // Verify the copy before rotating older ones away.
  if ((await readFile(path, 'utf8')) !== json) throw new Error(`backup ${path} did not verify`)
  await rotate(dir)
  return path
}

async function listBackups(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, 'backups')).catch(() => [] as string[])
  return names.filter((n) => NAME.test(n)).sort() // timestamps sort chronologically
}

async function rotate(dir: string): Promise<void> {
  const names = await listBackups(dir)
  for (const name of names.slice(0, Math.max(0, names.length - BACKUPS_KEPT))) {
    await rm(join(dir, 'backups', name), { force: true })
  }
}

/** Path of the newest backup that parses and validates, if any. */
export async function newestValidBackup(dir: string): Promise<string | undefined> {
  const names = await listBackups(dir)
  for (const name of names.reverse()) {
    const path = join(dir, 'backups', name)
    try {
      if (!projectDataProblem(JSON.parse(await readFile(path, 'utf8')))) return path
    } catch {
      // unreadable backup: try the next older one
    }
  }
  return undefined
}

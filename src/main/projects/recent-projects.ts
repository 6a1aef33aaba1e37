/**
 * The list of recently opened projects, kept in `<data dir>/recent-projects.json` (most recent
 * first, at most RECENT_LIMIT). Written whole to a temporary file and renamed over the old one, so
 * a crash leaves the old list or the new one. An unreadable or malformed list is read as empty
 * (and rewritten on the next open): it is a convenience, never a reason not to start.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { RecentProject } from '../../shared/api/projects'
import { PROJECT_FILE } from '../store/json-lines-snapshot'

export const RECENT_LIMIT = 12

interface Stored {
  path: string
  name: string
  openedAt: string
}

function isStored(v: unknown): v is Stored {
  const o = v as Stored
  return !!o && typeof o.path === 'string' && typeof o.name === 'string' && typeof o.openedAt === 'string'
}

export class RecentProjects {
  readonly file: string

  constructor(readonly dataDir: string) {
    this.file = join(dataDir, 'recent-projects.json')
  }

  private async read(): Promise<Stored[]> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown
      return Array.isArray(parsed) ? parsed.filter(isStored) : []
    } catch {
      return []
    }
  }

  /** The list, each entry saying whether its project folder still holds a project. */
  async list(): Promise<RecentProject[]> {
    const entries = await this.read()
    return Promise.all(
      entries.map(async (e) => ({ ...e, exists: await stat(join(e.path, PROJECT_FILE)).then(() => true, () => false) }))
    )
  }

  /** Puts `path` first (now), dropping an older entry of the same folder and the oldest past the limit. */
  async touch(path: string, name: string, now = new Date()): Promise<void> {
    const rest = (await this.read()).filter((e) => e.path !== path)
    const next = [{ path, name, openedAt: now.toISOString() }, ...rest].slice(0, RECENT_LIMIT)
    await mkdir(this.dataDir, { recursive: true })
    const tmp = `${this.file}.${process.pid}.tmp`
    await writeFile(tmp, JSON.stringify(next, null, 2) + '\n')
    await rename(tmp, this.file)
  }
}

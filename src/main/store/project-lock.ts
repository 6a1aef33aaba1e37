/**
 * One writer per project folder, across processes (the app, `serve`, the CLI): a lock file
 * created with O_EXCL holding the owner's pid. A lock whose process is gone is stale and taken over.
 */
import { open, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { MarginaliaError } from '../../shared/result'

export const LOCK_FILE = '.marginalia.lock'

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export async function acquireProjectLock(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.close()
      return async () => {
        await rm(path, { force: true })
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim())
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new MarginaliaError('conflict', `${dir} is open in another Marginalia process (pid ${pid}); close it first.`)
      }
      await rm(path, { force: true }) // stale lock of a process that is gone
    }
  }
  throw new MarginaliaError('conflict', `could not lock ${dir}`)
}

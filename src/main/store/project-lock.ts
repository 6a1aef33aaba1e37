/**
 * One writer per project folder, across processes (the app, `serve`, the CLI).
 *
 * Taking the lock: the holder's identity (app, pid, host, process start time, a random token) is
 * written to a temp file and fsynced, then hard-linked to `.marginalia.lock`. link() fails if the name
 * exists, so the lock appears atomically and complete: no reader ever sees an empty lock.
 * (Where hard links are refused, e.g. FAT, an exclusive create + write + fsync is used instead, and a
 * lock file that is still empty is taken as held for 10 s.)
 *
 * Taking over a stale lock (its holder is gone, or its pid now belongs to another program): the
 * taker first creates, the same atomic way, a guard `.marginalia.lock.steal-<hash of the stale
 * lock>`, so of several processes seeing the same stale lock only one may act; holding the guard it
 * checks the lock is still that stale one, removes it and links its own. A guard whose holder died is
 * itself taken over by a guard on the guard. Releasing removes the lock only if it holds our token.
 */
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { MarginaliaError } from '../../shared/result'
import { fsyncDir, tempPathFor } from './atomic-write'
import { currentProcess, holderStatus, type ProcessIdentity } from './process-identity'
import { hasCode, storeFs } from './store-fs'

export const LOCK_FILE = '.marginalia.lock'
/** An unreadable lock or guard younger than this is taken as being written, older as stale. */
const YOUNG_MS = 10_000
const ATTEMPTS = 40

interface LockContent extends ProcessIdentity {
  token: string
  created: string
}

interface Seen {
  text: string
  ino: number
  holder: Partial<LockContent> | undefined
  ageMs: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Writes our identity to a temp file, fsynced; it is linked to the lock (or a guard) name. */
async function candidate(dir: string): Promise<{ tmp: string; content: LockContent; text: string }> {
  const content: LockContent = { ...currentProcess(), token: randomBytes(12).toString('hex'), created: new Date().toISOString() }
  const text = JSON.stringify(content) + '\n'
  const tmp = tempPathFor(join(dir, LOCK_FILE))
  const handle = await storeFs.open(tmp, 'wx', 0o644)
  try {
    await storeFs.write(handle, text)
    await storeFs.sync(handle)
  } catch (err) {
    await handle.close()
    await storeFs.rm(tmp)
    throw err
  }
  await handle.close()
  return { tmp, content, text }
}

/** Publishes `tmp`'s content under `name` unless `name` exists. */
async function publish(tmp: string, text: string, name: string): Promise<boolean> {
  try {
    await storeFs.link(tmp, name)
    return true
  } catch (err) {
    if (hasCode(err, 'EEXIST')) return false
    if (!hasCode(err, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS')) throw err
  }
  try {
    const handle = await storeFs.open(name, 'wx', 0o644) // no hard links here: exclusive create, then fill
    try {
      await storeFs.write(handle, text)
      await storeFs.sync(handle)
    } finally {
      await handle.close()
    }
    return true
  } catch (err) {
    if (hasCode(err, 'EEXIST')) return false
    throw err
  }
}

async function look(path: string): Promise<Seen | undefined> {
  try {
    const [buffer, st] = await Promise.all([storeFs.readFile(path), storeFs.stat(path)])
    const text = buffer.toString('utf8')
    let holder: Partial<LockContent> | undefined
    try {
      const parsed = JSON.parse(text) as unknown
      holder = typeof parsed === 'number' ? { pid: parsed, hostname: currentProcess().hostname, started: '' } : (parsed as Partial<LockContent>)
    } catch {
      const pid = Number(text.trim()) // locks of Marginalia before 0.2 held a bare pid
      holder = text.trim() && Number.isInteger(pid) ? { pid, hostname: currentProcess().hostname, started: '' } : undefined
    }
    return { text, ino: st.ino, holder, ageMs: Date.now() - st.mtimeMs }
  } catch (err) {
    if (hasCode(err, 'ENOENT')) return undefined
    throw err
  }
}

function status(seen: Seen): 'alive' | 'dead' | 'unknown' | 'young' {
  if (!seen.holder || typeof seen.holder.pid !== 'number') return seen.ageMs < YOUNG_MS ? 'young' : 'dead'
  return holderStatus({ pid: seen.holder.pid, hostname: seen.holder.hostname ?? '', started: seen.holder.started ?? '' })
}

function conflict(dir: string, lockPath: string, seen: Seen, state: 'alive' | 'unknown' | 'young'): MarginaliaError {
  const h = seen.holder
  const who = h ? `pid ${h.pid}${h.hostname && h.hostname !== currentProcess().hostname ? ` on ${h.hostname}` : ''}${h.created ? `, since ${h.created}` : ''}` : 'a process'
  if (state === 'alive') return new MarginaliaError('conflict', `${dir} is open in another Marginalia process (${who}); close it first.`)
  return new MarginaliaError('conflict', `${dir} may be open in another Marginalia process (${who}), which cannot be checked from here. ` +
    `If no Marginalia is using this project, remove ${lockPath} and try again.`)
}

/**
 * Holding an exclusive guard on `target` (a stale lock or a stale guard), calls `act`. Returns
 * act's result, or false when another process holds the guard or the target changed meanwhile.
 */
async function withGuard(dir: string, target: Seen, mine: { tmp: string; text: string }, depth: number, act: () => Promise<boolean>): Promise<boolean> {
  const key = createHash('sha256').update(`${target.ino}:${target.text}`).digest('hex').slice(0, 16)
  const guard = join(dir, `${LOCK_FILE}.steal-${key}`)
  if (!(await publish(mine.tmp, mine.text, guard))) {
    const seen = await look(guard)
    if (!seen) return false
    const s = status(seen)
    if (s !== 'dead' || depth >= 3) return false // another taker is at work: let it finish, then look again
    return withGuard(dir, seen, mine, depth + 1, async () => {
      const acted = await act()
      await storeFs.rm(guard)
      return acted
    })
  }
  try {
    return await act()
  } finally {
    await storeFs.rm(guard)
  }
}

/** Takes the project's lock or throws `conflict`; returns the function that releases it. */
export async function acquireProjectLock(dir: string): Promise<() => Promise<void>> {
  const lockPath = join(dir, LOCK_FILE)
  const mine = await candidate(dir)
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await publish(mine.tmp, mine.text, lockPath)) {
        await fsyncDir(dir)
        return () => releaseLock(lockPath, mine.content.token)
      }
      const seen = await look(lockPath)
      if (!seen) continue // released meanwhile
      const s = status(seen)
      if (s === 'alive' || s === 'unknown') throw conflict(dir, lockPath, seen, s)
      if (s === 'young') {
        if (attempt === ATTEMPTS - 1) throw conflict(dir, lockPath, seen, s)
        await sleep(25 + Math.random() * 50)
        continue
      }
      const taken = await withGuard(dir, seen, mine, 0, async () => {
        const again = await look(lockPath)
        if (!again || again.ino !== seen.ino || again.text !== seen.text) return false // changed: start over
        await storeFs.unlink(lockPath)
        return publish(mine.tmp, mine.text, lockPath)
      })
      if (taken) {
        await fsyncDir(dir)
        return () => releaseLock(lockPath, mine.content.token)
      }
      await sleep(10 + Math.random() * 40)
    }
    throw new MarginaliaError('conflict', `could not lock ${dir}: other processes kept taking it; try again`)
  } finally {
    await storeFs.rm(mine.tmp)
  }
}

/** Removes the lock at `lockPath` only if it is still ours. */
async function releaseLock(lockPath: string, token: string): Promise<void> {
  const seen = await look(lockPath).catch(() => undefined)
  if (seen?.holder?.token !== token) return
  await storeFs.unlink(lockPath).catch(() => undefined)
}

/**
 * The single-writer lock where it is hardest: a disk without hard links (FAT, some network shares)
 * still gets a complete lock that a second writer is refused by; a lock file another process is
 * still writing is waited for, then either taken (it went away) or reported with the file to
 * remove; a stale lock whose take-over guard was left by a crashed taker is still taken over; and a
 * failed write of the candidate leaves no temp file.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { processStarted } from '../../../../src/main/store/process-identity'
import { acquireProjectLock, LOCK_FILE } from '../../../../src/main/store/project-lock'
import { storeFs } from '../../../../src/main/store/store-fs'
import { failAt, folder, trackHandles, unspy } from './store-test-kit'

// Spies are put back after each test here too: in the mutation run (one module graph) the kit's own afterEach may not be registered.
afterEach(() => vi.restoreAllMocks())

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))
const deadHolder = JSON.stringify({ app: 'marginalia', pid: 999_999_999, hostname: hostname(), started: '1@x', token: 'dead' })
/** The take-over guard's name for the lock file now in `dir` holding `text` (as the lock module names it: a hash of inode and content). */
const guardFor = (dir: string, text: string) =>
  join(dir, `${LOCK_FILE}.steal-${createHash('sha256').update(`${statSync(join(dir, LOCK_FILE)).ino}:${text}`).digest('hex').slice(0, 16)}`)

describe('project lock without hard links', () => {
  for (const code of ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']) {
    it(`is taken by an exclusive create when link() is refused (${code}), complete and exclusive`, async () => {
      const dir = folder()
      unspy('link')
      const handles = trackHandles()
      const links = vi.spyOn(storeFs, 'link').mockRejectedValue(Object.assign(new Error(`${code}: no hard links here`), { code })) // every time, as on such a disk
      const release = await acquireProjectLock(dir)
      expect(links).toHaveBeenCalled()
      expect(lockOf(dir)).toMatchObject({ app: 'marginalia', pid: process.pid, token: expect.stringMatching(/^[0-9a-f]{24}$/) })
      await expect(acquireProjectLock(dir)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/is open in another Marginalia process \(pid \d+, since /) })
      await release()
      expect(readdirSync(dir)).toEqual([])
      expect(handles.filter((h) => h.fd !== -1)).toEqual([]) // the lock file written by hand is closed
    })
  }

  it('reports a real I/O error of link() instead of guessing', async () => {
    const dir = folder()
    failAt('link', /marginalia\.lock$/, 1, 'EIO')
    await expect(acquireProjectLock(dir)).rejects.toThrow(/EIO: injected failure/)
    expect(readdirSync(dir)).toEqual([]) // no lock, no candidate left behind
  })
})

describe('a lock file still being written (empty and young)', () => {
  it('is waited for and taken once it goes away', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), '')
    setTimeout(() => rmSync(join(dir, LOCK_FILE)), 150)
    const release = await acquireProjectLock(dir)
    expect(lockOf(dir).pid).toBe(process.pid)
    await release()
  })

  it('that stays empty is reported after a wait, naming the file to remove', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), '')
    await expect(acquireProjectLock(dir)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(new RegExp(`may be open in another Marginalia process \\(a process\\).*remove ${join(dir, LOCK_FILE)} and try again`))
    })
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('') // not taken
  })
})

describe('taking over a stale lock', () => {
  it('is not stopped by a guard left by a taker that crashed', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), deadHolder)
    // A first taker guarded the stale lock and died: its guard names a dead process as well.
    const guard = guardFor(dir, deadHolder)
    writeFileSync(guard, deadHolder)
    const release = await acquireProjectLock(dir)
    expect(lockOf(dir).pid).toBe(process.pid)
    expect(readdirSync(dir).filter((n) => n.includes('steal'))).toEqual([]) // guards removed after the take-over
    await release()
    expect(readdirSync(dir)).toEqual([])
  })

  it('leaves the lock alone while a live process holds the guard (another taker at work), and says to try again', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), deadHolder)
    writeFileSync(guardFor(dir, deadHolder), JSON.stringify({ app: 'marginalia', pid: process.pid, hostname: hostname(), started: processStarted(process.pid), token: 'taker' }))
    await expect(acquireProjectLock(dir)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/could not lock .*other processes kept taking it; try again/) })
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(deadHolder)
  })
})

describe('releasing', () => {
  it('a lock already gone, or emptied by someone else, is released without an error and left as it is', async () => {
    const dir = folder()
    const release = await acquireProjectLock(dir)
    rmSync(join(dir, LOCK_FILE))
    await release() // nothing to remove
    const again = await acquireProjectLock(dir)
    writeFileSync(join(dir, LOCK_FILE), '')
    await again()
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe('') // not ours: not removed
  })
})

describe('the candidate', () => {
  it('is removed when writing it fails, and the error is reported', async () => {
    const dir = folder()
    failAt('write', /marginalia\.lock\.[0-9a-f]{12}\.tmp$/)
    await expect(acquireProjectLock(dir)).rejects.toThrow(/ENOSPC: injected failure/)
    expect(readdirSync(dir)).toEqual([])
  })
})

describe('locks of other kinds', () => {
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

  it('a lock of an old version (a bare pid) is respected while that process runs, and taken over after', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`)
    await expect(acquireProjectLock(dir)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`(pid ${process.pid})`) })
    writeFileSync(join(dir, LOCK_FILE), '999999999\n')
    const release = await acquireProjectLock(dir)
    expect(lockOf(dir).pid).toBe(process.pid)
    await release()
  })

  it('a lock from another computer is reported with its host and the file to remove, and left alone', async () => {
    const dir = folder()
    const theirs = JSON.stringify({ app: 'marginalia', pid: 4242, hostname: 'archive-pc', started: '1@x', token: 't', created: '2026-12-01T09:00:00.000Z' })
    writeFileSync(join(dir, LOCK_FILE), theirs)
    await expect(acquireProjectLock(dir)).rejects.toMatchObject({
      code: 'conflict',
      message: `${dir} may be open in another Marginalia process (pid 4242 on archive-pc, since 2026-12-01T09:00:00.000Z), which cannot be checked from here. If no Marginalia is using this project, remove ${join(dir, LOCK_FILE)} and try again.`
    })
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(theirs)
  })

  it('a fresh lock without a pid is taken as still being written: waited for, then reported', async () => {
    const dir = folder()
    const partial = JSON.stringify({ app: 'marginalia', hostname: hostname() }) // this computer's, pid not written yet
    writeFileSync(join(dir, LOCK_FILE), partial)
    await expect(acquireProjectLock(dir)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(new RegExp(`remove ${escaped(join(dir, LOCK_FILE))} and try again`)) })
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(partial)
  })

  it('a lock that cannot be read is reported as such, not taken', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), deadHolder)
    unspy('readFile')
    vi.spyOn(storeFs, 'readFile').mockRejectedValue(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' }))
    await expect(acquireProjectLock(dir)).rejects.toMatchObject({ code: 'EIO' })
    vi.restoreAllMocks()
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(deadHolder)
  })
})

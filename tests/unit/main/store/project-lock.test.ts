/** The single-writer lock in one process: identity, stale locks, pid reuse, other hosts, release of our own lock only. */
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { processStarted } from '../../../../src/main/store/process-identity'
import { acquireProjectLock, LOCK_FILE } from '../../../../src/main/store/project-lock'
import { removeStaleTemps } from '../../../../src/main/store/temp-cleanup'
import { FileProjectStore } from '../../../../src/main/store/project-store'
import { folder } from './store-test-kit'

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))

describe('project lock', () => {
  it('holds the holder’s identity, written before the lock exists', async () => {
    const dir = folder()
    const release = await acquireProjectLock(dir)
    expect(lockOf(dir)).toMatchObject({ app: 'marginalia', pid: process.pid, started: processStarted(process.pid), token: expect.stringMatching(/^[0-9a-f]{24}$/) })
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]) // the candidate was linked, then removed
    await expect(acquireProjectLock(dir)).rejects.toThrow(/open in another Marginalia process \(pid \d+/)
    await release()
    expect(readdirSync(dir)).not.toContain(LOCK_FILE)
  })

  it('takes over a lock whose process is gone', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ app: 'marginalia', pid: 999_999_999, hostname: hostname(), started: '1@x', token: 'dead' }))
    const release = await acquireProjectLock(dir)
    expect(lockOf(dir).pid).toBe(process.pid)
    await release()
  })

  it('takes over a lock whose pid now belongs to another program (started at another time)', async () => {
    if (!processStarted(process.pid)) return expect(process.platform).not.toBe('linux')
    const dir = folder()
    // The parent process is alive, but it is not the process that wrote this lock: its start time differs.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ app: 'marginalia', pid: process.ppid, hostname: hostname(), started: '12345@another-boot', token: 'reused' }))
    const release = await acquireProjectLock(dir)
    expect(lockOf(dir).token).not.toBe('reused')
    await release()
  })

  it('names the file to remove when it cannot tell (an old pid-only lock of a live process, another host)', async () => {
    const dir = folder()
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid))
    await expect(acquireProjectLock(dir)).rejects.toThrow(new RegExp(`remove ${join(dir, LOCK_FILE)}`))
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ app: 'marginalia', pid: 1, hostname: 'elsewhere.example', started: '', token: 't' }))
    await expect(acquireProjectLock(dir)).rejects.toThrow(/pid 1 on elsewhere\.example.*remove/)
  })

  it('treats an empty lock file as being written while it is young, and as stale once old', async () => {
    const dir = folder()
    const path = join(dir, LOCK_FILE)
    writeFileSync(path, '')
    const old = new Date(Date.now() - 60_000)
    utimesSync(path, old, old)
    const release = await acquireProjectLock(dir)
    expect(lockOf(dir).pid).toBe(process.pid)
    await release()
  })

  it('releases only its own lock', async () => {
    const dir = folder()
    const release = await acquireProjectLock(dir)
    const other = JSON.stringify({ ...lockOf(dir), token: 'someone-else' })
    writeFileSync(join(dir, LOCK_FILE), other)
    await release()
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other)
  })
})

describe('temp files of crashed writes', () => {
  it('are removed on open when they are ours and older than the lock; others are left', async () => {
    const dir = folder()
    await (await FileProjectStore.open(dir, { create: true })).close()
    const old = new Date(Date.now() - 120_000)
    const stale = [join(dir, '.project.json.0123456789ab.tmp'), join(dir, 'texts', '.doc_1.txt.0123456789ab.tmp'), join(dir, '..marginalia.lock.0123456789ab.tmp')]
    const kept = [join(dir, '.notes.md.0123456789ab.tmp'), join(dir, 'texts', 'mine.tmp')]
    for (const p of [...stale, ...kept]) {
      writeFileSync(p, 'x')
      utimesSync(p, old, old)
    }
    const fresh = join(dir, '..marginalia.lock.fedcba987654.tmp') // another process trying to take the lock right now
    writeFileSync(fresh, 'x')
    const store = await FileProjectStore.open(dir)
    expect(store.warnings.join('\n')).toMatch(/removed 3 temp file/)
    await store.close()
    const left = [...readdirSync(dir), ...readdirSync(join(dir, 'texts'))]
    for (const p of stale) expect(left).not.toContain(p.split('/').pop())
    for (const p of [...kept, fresh]) expect(left).toContain(p.split('/').pop())
    expect(await removeStaleTemps(dir, 0)).toEqual([])
  })
})


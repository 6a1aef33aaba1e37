/**
 * Debris of crashed writes in every folder the store writes: removed when it is the temp file of a
 * file the store itself writes and older than the lock; left when it is newer than the lock (a
 * write of this session), names another program's file, or is a folder.
 */
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeStaleTemps } from '../../../../src/main/store/temp-cleanup'
import { folder } from './store-test-kit'

const HEX = '0123456789ab'
const SHA = 'ab'.repeat(32)

function place(dir: string, rel: string, ageMs: number, asFolder = false): string {
  const path = join(dir, rel)
  if (asFolder) mkdirSync(path, { recursive: true })
  else writeFileSync(path, 'x')
  const t = new Date(Date.now() - ageMs)
  utimesSync(path, t, t)
  return path
}

describe('removing temp files left by crashed writes', () => {
  it('removes ours older than the lock in every folder, and leaves the rest', async () => {
    const dir = folder()
    for (const sub of ['texts', 'sources', 'backups']) mkdirSync(join(dir, sub))
    const lockedAt = Date.now() - 30_000
    const stale = [
      place(dir, `.journal.jsonl.${HEX}.tmp`, 60_000),
      place(dir, `texts/.doc_1.txt.${HEX}.tmp`, 60_000),
      place(dir, `sources/.${SHA}.pdf.${HEX}.tmp`, 60_000),
      place(dir, `sources/.${SHA}.${HEX}.tmp`, 60_000),
      place(dir, `backups/.project-2026-12-05T10-00-00-000Z.json.${HEX}.tmp`, 60_000)
    ]
    const kept = [
      place(dir, `.project.json.${HEX}.tmp`, 1_000), // written after the lock was taken: this session's
      place(dir, `texts/.notes.md.${HEX}.tmp`, 60_000), // not a text file of ours
      place(dir, `sources/.not-a-checksum.pdf.${HEX}.tmp`, 60_000),
      place(dir, `backups/.notes.json.${HEX}.tmp`, 60_000),
      place(dir, `.journal.jsonl.bak.${HEX}.tmp`, 60_000),
      place(dir, `texts/.doc_2.txt.${HEX}.tmp`, 60_000, true) // a folder, not a file
    ]
    expect((await removeStaleTemps(dir, lockedAt)).sort()).toEqual([...stale].sort())
    const left = ['.', 'texts', 'sources', 'backups'].flatMap((sub) => readdirSync(join(dir, sub)).map((n) => join(dir, sub === '.' ? '' : sub, n)))
    for (const p of kept) expect(left).toContain(p)
    for (const p of stale) expect(left).not.toContain(p)
  })

  it('leaves a lock candidate younger than a minute (another process taking the lock) even if older than our lock', async () => {
    const dir = folder()
    const young = place(dir, `..marginalia.lock.${HEX}.tmp`, 50_000)
    const old = place(dir, `..marginalia.lock.fedcba987654.tmp`, 70_000)
    expect(await removeStaleTemps(dir, Date.now())).toEqual([old])
    expect(readdirSync(dir)).toEqual([young.split('/').pop()])
  })

  it('does nothing in a folder that is missing', async () => {
    expect(await removeStaleTemps(join(folder(), 'gone'), Date.now())).toEqual([])
  })
})

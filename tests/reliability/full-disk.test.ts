/**
 * A real full disk: a small tmpfs mounted for the test (root can mount here; under CI=true the test
 * fails, not skips, when it cannot). With the disk full an edit is refused and rolled back, no file
 * is damaged (a compaction that runs out of space midway leaves the old project.json whole), and the
 * project still opens — read-only, with a clear message — so listing and exporting keep working.
 */
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../src/main/services/project-session'

const mnt = mkdtempSync(join(tmpdir(), 'marginalia-full-'))
let mountError = ''
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1536k', 'tmpfs', mnt], { stdio: 'pipe' })
} catch (err) {
  mountError = (err as Error).message
}
afterAll(() => {
  if (!mountError) execFileSync('umount', ['-l', mnt])
  rmSync(mnt, { recursive: true, force: true })
})

const filler = join(mnt, 'filler')
/** Writes to `filler` until the disk says ENOSPC. */
function fillDisk(): void {
  const fd = openSync(filler, 'a')
  const block = Buffer.alloc(16 * 1024, 1)
  try {
    for (;;) writeSync(fd, block)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
  } finally {
    closeSync(fd)
  }
}
const b64 = (s: string) => Buffer.from(s).toString('base64')

describe('a full disk', () => {
  it.skipIf(mountError !== '' && process.env.CI !== 'true')('refuses edits cleanly, damages nothing, and still lets the project be read', async () => {
    expect(mountError, `could not mount a tmpfs to fill (${mountError})`).toBe('')
    const dir = join(mnt, 'p')
    const session = await ProjectSession.open(dir, { create: true })
    const doc = await session.api.importDocument({ fileName: 'seed.txt', contentBase64: b64('John VII Palaiologos. '.repeat(200)) })
    if (!doc.ok) throw new Error(doc.error.message)
    for (let i = 0; i < 150; i++) await session.api.createAnnotation({ documentId: doc.value.id, start: i * 22, end: i * 22 + 4, note: 'n'.repeat(200) })
    await session.close()

    const writer = await ProjectSession.open(dir)
    const project = readFileSync(join(dir, 'project.json'))
    fillDisk()
    const journal = readFileSync(join(dir, 'journal.jsonl'))
    // A note longer than a page: the journal's last page has some slack, a whole new page does not exist.
    const refused = await writer.api.createAnnotation({ documentId: doc.value.id, start: 0, end: 4, note: 'lost '.repeat(2000) })
    expect(refused.ok ? 'ok' : refused.error.message).toMatch(/could not save .*ENOSPC.*not applied/)
    expect(readFileSync(join(dir, 'journal.jsonl'))).toEqual(journal)
    const listed = await writer.api.listAnnotations({})
    expect(listed.ok && listed.value.length).toBe(150)

    truncateSync(filler, Math.max(0, readFileSync(filler).length - 40 * 1024)) // room for the edit, not for a new project.json
    const kept = await writer.api.createAnnotation({ documentId: doc.value.id, start: 0, end: 4, note: 'kept' })
    expect(kept.ok).toBe(true)
    fillDisk()
    await writer.close() // the compaction runs out of space midway
    expect(readFileSync(join(dir, 'project.json'))).toEqual(project)
    expect(writer.store.warnings.join('\n')).toMatch(/could not fold the journal .*ENOSPC.*safe in/)

    fillDisk() // (the failed compaction gave back its temp file's space)
    const reader = await ProjectSession.open(dir) // still full: opens read-only, writes nothing first
    const status = await reader.api.getStoreStatus({})
    expect(status.ok && status.value.readOnly).toMatch(/cannot be written \(ENOSPC.*open read-only/)
    const all = await reader.api.listAnnotations({})
    expect(all.ok && all.value.length).toBe(151)
    const exported = await reader.api.exportProject({ format: 'json' })
    expect(exported.ok).toBe(true)
    const edit = await reader.api.createAnnotation({ documentId: doc.value.id, start: 4, end: 8 })
    expect(edit.ok ? 'ok' : edit.error.message).toMatch(/read-only.*Free some space/)
    await reader.close()

    rmSync(filler)
    const again = await ProjectSession.open(dir)
    const after = await again.api.createAnnotation({ documentId: doc.value.id, start: 4, end: 8 })
    expect(after.ok).toBe(true)
    await again.close()
    const final = await ProjectSession.open(dir, { readOnly: true })
    const notes = await final.api.listAnnotations({})
    expect(notes.ok && notes.value.map((a) => a.note)).toContain('kept')
    expect(notes.ok && notes.value.some((a) => a.note.startsWith('lost'))).toBe(false)
    expect(notes.ok && notes.value.length).toBe(152)
    await final.close()
  }, 120_000)
})

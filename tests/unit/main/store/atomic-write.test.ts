/**
 * Durable replacement of one file (what project.json, texts and backups are written with), with
 * faults injected at the file layer: a failure at any step leaves the old content and no debris,
 * a folder the platform cannot fsync is accepted, and a real I/O error on the folder is reported
 * (the write is then not known to be durable, so it must not be acknowledged).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEMP_NAME, writeFileAtomic } from '../../../../src/main/store/atomic-write'
import { failAt, folder, traceFs } from './store-test-kit'

/** A folder holding `notes.txt` with "old"; returns the folder and the file. */
function withOldFile(): { dir: string; file: string } {
  const dir = folder()
  const file = join(dir, 'notes.txt')
  writeFileSync(file, 'old')
  return { dir, file }
}

describe('writeFileAtomic', () => {
  it('replaces the content through a temp file named for the cleanup, leaving nothing else', async () => {
    const { dir, file } = withOldFile()
    const trace = traceFs()
    await writeFileAtomic(file, 'Ἰωάννης 𝔊')
    expect(readFileSync(file, 'utf8')).toBe('Ἰωάννης 𝔊')
    expect(readdirSync(dir)).toEqual(['notes.txt'])
    const temp = trace.find((t) => t.startsWith('open .notes.txt'))
    expect(temp).toBe('open .notes.txt.TMP')
    expect(TEMP_NAME.test('.notes.txt.0123456789ab.tmp')).toBe(true)
    expect(TEMP_NAME.exec('.project.json.00ff00ff00ff.tmp')?.[1]).toBe('project.json')
    expect(TEMP_NAME.test('notes.txt.0123456789ab.tmp')).toBe(false)
    expect(TEMP_NAME.test('.notes.txt.0123456789.tmp')).toBe(false)
  })

  for (const op of ['write', 'sync', 'rename'] as const) {
    it(`a failing ${op} keeps the old content and removes the temp file`, async () => {
      const { dir, file } = withOldFile()
      failAt(op, op === 'rename' ? /notes\.txt$/ : /\.notes\.txt\.[0-9a-f]{12}\.tmp$/)
      await expect(writeFileAtomic(file, 'new')).rejects.toThrow(/ENOSPC: injected failure/)
      expect(readFileSync(file, 'utf8')).toBe('old')
      expect(readdirSync(dir)).toEqual(['notes.txt'])
    })
  }

  for (const code of ['EINVAL', 'EISDIR', 'EPERM', 'EBADF']) {
    it(`accepts a folder whose fsync the platform refuses (${code})`, async () => {
      const { dir, file } = withOldFile()
      failAt('sync', new RegExp(`${dir.split('/').pop()}$`), 1, code)
      await writeFileAtomic(file, 'new')
      expect(readFileSync(file, 'utf8')).toBe('new')
    })
  }

  it('reports a real I/O error when the folder is fsynced', async () => {
    const { dir, file } = withOldFile()
    failAt('sync', new RegExp(`${dir.split('/').pop()}$`), 1, 'EIO')
    await expect(writeFileAtomic(file, 'new')).rejects.toThrow(/EIO: injected failure/)
  })

  it('accepts a folder that cannot be opened (platforms without directory handles)', async () => {
    const { dir, file } = withOldFile()
    failAt('open', new RegExp(`${dir.split('/').pop()}$`), 1, 'EISDIR')
    await writeFileAtomic(file, 'new')
    expect(readFileSync(file, 'utf8')).toBe('new')
  })
})

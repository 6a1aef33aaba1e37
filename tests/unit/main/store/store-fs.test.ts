/**
 * The store's file layer: a write the disk accepts only in part is finished, never silently short
 * (a short journal line would be a torn edit); a disk that accepts nothing is an error, not a hang;
 * writes at a position land there; removing what is gone and making folders that exist are no errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exists, type FileHandle, hasCode, pathOfHandle, storeFs } from '../../../../src/main/store/store-fs'
import { folder } from './store-test-kit'

/** A handle that takes at most `max` bytes per write call (as a disk near full, or a pipe, may). */
function shortWrites(max: number) {
  const calls: { bytes: Buffer; position: number | null }[] = []
  const handle = {
    write: async (buf: Uint8Array, offset: number, length: number, position: number | null) => {
      const n = Math.min(max, length)
      calls.push({ bytes: Buffer.from(buf.subarray(offset, offset + n)), position })
      return { bytesWritten: n, buffer: buf }
    }
  }
  return { handle: handle as unknown as FileHandle, calls }
}

describe('writing through the store’s file layer', () => {
  it('finishes a write the disk takes only in part, in order, at the right positions', async () => {
    const text = 'Ἰωάννης 𝔊, 1390\n'
    const appended = shortWrites(3)
    await storeFs.write(appended.handle, text)
    expect(Buffer.concat(appended.calls.map((c) => c.bytes)).toString('utf8')).toBe(text)
    expect(appended.calls.every((c) => c.position === null)).toBe(true) // at the current offset
    const placed = shortWrites(4)
    await storeFs.write(placed.handle, Buffer.from('abcdefghij'), 100)
    expect(placed.calls.map((c) => [c.bytes.toString(), c.position])).toEqual([['abcd', 100], ['efgh', 104], ['ij', 108]])
  })

  it('reports a disk that takes nothing as an I/O error instead of looping', async () => {
    await expect(storeFs.write(shortWrites(0).handle, 'x')).rejects.toMatchObject({ code: 'EIO', message: 'write made no progress' })
  })

  it('writes at a position of a real file and remembers the path the handle was opened with', async () => {
    const path = join(folder(), 'f.txt')
    writeFileSync(path, '0123456789')
    const handle = await storeFs.open(path, 'r+')
    try {
      expect(pathOfHandle(handle)).toBe(path)
      await storeFs.write(handle, 'ab', 4)
    } finally {
      await handle.close()
    }
    expect(readFileSync(path, 'utf8')).toBe('0123ab6789')
  })

  it('removing a file that is gone and making a folder that exists are no errors', async () => {
    const dir = folder()
    await storeFs.rm(join(dir, 'gone.tmp'))
    mkdirSync(join(dir, 'a'))
    await storeFs.mkdir(join(dir, 'a', 'b', 'c'))
    await storeFs.mkdir(join(dir, 'a'))
    expect(await exists(join(dir, 'a', 'b', 'c'))).toBe(true)
    expect(await exists(join(dir, 'gone.tmp'))).toBe(false)
  })

  it('tells errors apart by their code only', () => {
    const enospc = Object.assign(new Error('full'), { code: 'ENOSPC' })
    expect(hasCode(enospc, 'EDQUOT', 'ENOSPC')).toBe(true)
    expect(hasCode(enospc, 'EIO')).toBe(false)
    expect(hasCode(new Error('no code'), 'ENOSPC')).toBe(false)
    expect(hasCode(null, 'ENOSPC')).toBe(false)
    expect(hasCode('ENOSPC', 'ENOSPC')).toBe(false)
  })
})

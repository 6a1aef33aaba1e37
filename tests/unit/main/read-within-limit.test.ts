import { mkdirSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readFileWithinLimit, statWithinLimit } from '../../../src/main/read-within-limit'
import { LIMITS, type Limit } from '../../../src/shared/limits'
import { tempDir } from '../../helpers/temp-dir'

const { dir, cleanup } = tempDir()
afterAll(cleanup)
const tiny: Limit = { max: 10, unit: 'bytes', what: 'a test file', why: 'a test limit of ten bytes' }

describe('readFileWithinLimit', () => {
  it('reads a file within the limit whole', async () => {
    const p = join(dir, 'ok.txt')
    writeFileSync(p, '0123456789')
    expect(Buffer.from(await readFileWithinLimit(p, tiny)).toString()).toBe('0123456789')
  })

  it('refuses a file one byte over, naming it', async () => {
    const p = join(dir, 'over.txt')
    writeFileSync(p, '0123456789A')
    await expect(readFileWithinLimit(p, tiny, 'over.txt')).rejects.toMatchObject({
      code: 'invalid-file', message: 'over.txt: 11 bytes is more than the 10 bytes limit for a test file (see docs/limits.md)'
    })
  })

  it('refuses a 600 MB JSON file from its size alone, without reading it (a sparse file: no memory, no time)', async () => {
    const p = join(dir, 'huge.json')
    writeFileSync(p, '')
    truncateSync(p, 600 * 1024 * 1024) // sparse: 600 MB long, nothing on disk
    const before = process.memoryUsage().arrayBuffers
    const t0 = performance.now()
    await expect(readFileWithinLimit(p, LIMITS.nativeJsonFile, 'huge.json')).rejects.toMatchObject({
      code: 'invalid-file', message: 'huge.json: 600 MiB is more than the 128 MiB limit for a Marginalia JSON file to import (see docs/limits.md)'
    })
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024)
    expect(performance.now() - t0).toBeLessThan(5_000) // reading 600 MB would not be instant either; the memory check is the real one
  })

  it('names a missing file and a folder clearly', async () => {
    await expect(readFileWithinLimit(join(dir, 'nope.txt'), tiny, 'nope.txt')).rejects.toMatchObject({ code: 'invalid-file', message: 'nope.txt: no such file' })
    mkdirSync(join(dir, 'folder'))
    await expect(readFileWithinLimit(join(dir, 'folder'), tiny, 'folder')).rejects.toMatchObject({ code: 'invalid-file', message: 'folder: is a folder, not a file' })
    await expect(statWithinLimit(join(dir, 'folder'), tiny, 'folder')).rejects.toMatchObject({ message: 'folder: is a folder, not a file' })
  })

  it('statWithinLimit gives the size or the same refusal', async () => {
    const p = join(dir, 's.txt')
    writeFileSync(p, 'abc')
    expect(await statWithinLimit(p, tiny)).toBe(3)
    writeFileSync(p, 'a'.repeat(11))
    await expect(statWithinLimit(p, tiny, 's.txt')).rejects.toMatchObject({ code: 'invalid-file' })
  })
})

/**
 * Files named on the command line are refused from their size, before they are read, with a
 * message naming the file and the limit; the project is left untouched.
 */
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { LIMITS } from '../../../src/shared/limits'
import { cli } from '../../helpers/run-cli'
import { tempDir } from '../../helpers/temp-dir'

const { dir, cleanup } = tempDir('marginalia-cli-limits-')
afterAll(cleanup)

/** A sparse file of `bytes` bytes: as long as a real one, but it takes no disk space or time to make. */
function sparse(name: string, bytes: number): string {
  const p = join(dir, name)
  writeFileSync(p, '')
  truncateSync(p, bytes)
  return p
}

describe('CLI file limits', () => {
  it('refuses a 600 MB import-json from its size (not read: tests/unit/main/read-within-limit.test.ts) and changes nothing', async () => {
    const project = join(dir, 'p')
    expect((await cli('init', project)).code).toBe(0)
    const before = readFileSync(join(project, 'project.json'), 'utf8')
    const file = sparse('huge.marginalia.json', 600 * 1024 * 1024)
    const r = await cli('import-json', project, file)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(`marginalia import-json: ${file}: 600 MiB is more than the 128 MiB limit for a Marginalia JSON file to import (see docs/limits.md) [invalid-file]\n`)
    expect(r.stdout).toBe('')
    expect(readFileSync(join(project, 'project.json'), 'utf8')).toBe(before)
  }, 60_000)

  it('refuses a document one byte over the limit before opening the project (no project is created)', async () => {
    const project = join(dir, 'never-created')
    const file = sparse('big.txt', LIMITS.documentFile.max + 1)
    const r = await cli('import', project, file)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${file}: 67,108,865 bytes is more than the 67,108,864 bytes limit for a document file to import`)
    expect(existsSync(project)).toBe(false)
  })

  it('refuses an oversized bibliography and W3C file by name', async () => {
    const project = join(dir, 'p')
    const bib = sparse('huge.bib', LIMITS.bibliographyFile.max + 1024 * 1024)
    const r = await cli('bib', 'import', project, bib)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${bib}: 33 MiB is more than the 32 MiB limit for a bibliography file`)
    const w3c = sparse('huge.jsonld', 65 * 1024 * 1024)
    const w = await cli('import-annotations', project, '--doc', 'doc_x', w3c)
    expect(w.code).toBe(1)
    expect(w.stderr).toContain(`${w3c}: 65 MiB is more than the 64 MiB limit for a W3C Web Annotation file to import`)
  })

  it('names a missing file and a folder given as a file', async () => {
    const project = join(dir, 'p')
    const missing = await cli('import', project, join(dir, 'nope.txt'))
    expect(missing.stderr).toContain(`${join(dir, 'nope.txt')}: no such file [invalid-file]`)
    const folder = await cli('import', project, dir)
    expect(folder.stderr).toContain(`${dir}: is a folder, not a file [invalid-file]`)
    expect(readdirSync(join(project, 'sources'))).toEqual([])
  })
})

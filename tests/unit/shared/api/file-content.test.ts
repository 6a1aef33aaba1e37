/**
 * The contract refuses an oversized file sent in a call before any handler runs, with the file's
 * name and the limit (invalid-file), whatever the transport; the byte counts it relies on are exact.
 */
import fc from 'fast-check'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectSession } from '../../../../src/main/services/project-session'
import { assertRecordCount } from '../../../../src/main/services/exports-service'
import { base64DecodedLength, utf8Length } from '../../../../src/shared/api/file-content'
import type { NativeImportPlan } from '../../../../src/shared/import/native-json'
import { base64Length, LIMITS } from '../../../../src/shared/limits'
import { tempDir } from '../../../helpers/temp-dir'

describe('byte counts', () => {
  it('utf8Length is the UTF-8 length Node writes, for any string (astral, lone surrogates included)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === Buffer.byteLength(s, 'utf8')), { numRuns: 2000 })
  })

  it('base64DecodedLength is the number of bytes the base64 text holds', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => base64DecodedLength(Buffer.from(bytes).toString('base64')) === bytes.length), { numRuns: 2000 })
  })
})

describe('oversized files in calls', () => {
  const { dir, cleanup } = tempDir('marginalia-file-content-')
  let session: ProjectSession
  beforeAll(async () => {
    session = await ProjectSession.open(join(dir, 'p'), { create: true })
  })
  afterAll(async () => {
    await session.close()
    cleanup()
  })

  it('refuses a document one byte over the limit, naming it, and stores nothing', async () => {
    // The base64 of exactly limit + 1 bytes (67,108,865 = 3 × 22,369,621 + 2: the last group holds 2 bytes).
    const contentBase64 = 'A'.repeat(base64Length(LIMITS.documentFile.max + 1) - 4) + 'AAA='
    const r = await session.call('importDocument', { fileName: 'huge.txt', contentBase64 })
    expect(r).toEqual({ ok: false, error: { code: 'invalid-file', message: 'huge.txt: 67,108,865 bytes is more than the 67,108,864 bytes limit for a document file to import (see docs/limits.md)' } })
    expect(await session.call('listDocuments', {})).toEqual({ ok: true, value: [] })
  })

  it('refuses oversized bibliography, W3C and source files by name', async () => {
    const over = (limit: { max: number }) => 'A'.repeat(base64Length(limit.max + 3 * 1024 * 1024))
    expect(await session.call('importBibliography', { fileName: 'big.bib', contentBase64: over(LIMITS.bibliographyFile) }))
      .toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringMatching(/^big\.bib: 35 MiB is more than the 32 MiB limit/) } })
    expect(await session.call('importAnnotations', { documentId: 'doc_1', fileName: 'big.jsonld', contentBase64: over(LIMITS.w3cFile) }))
      .toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringMatching(/^big\.jsonld: 67 MiB is more than the 64 MiB limit/) } })
  })

  it('refuses a native JSON text over 128 MiB of UTF-8 (counted in bytes, not UTF-16 units)', async () => {
    // 45 Mi Greek letters: 45 Mi UTF-16 units but 90 MiB of UTF-8 — within; 65 Mi of them is 130 MiB — over.
    expect(await session.call('importProjectJson', { fileName: 'greek.json', content: 'α'.repeat(45 * 1024 * 1024) }))
      .toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.not.stringContaining('limit') } })
    expect(await session.call('importProjectJson', { fileName: 'greek.json', content: 'α'.repeat(65 * 1024 * 1024) }))
      .toMatchObject({ ok: false, error: { code: 'invalid-file', message: 'greek.json: 130 MiB is more than the 128 MiB limit for a Marginalia JSON file to import (see docs/limits.md)' } })
  }, 60_000)
})

describe('records in a native import', () => {
  it('refuses more than a million records, all collections together, naming the file', () => {
    const plan = { documents: [], texts: {}, annotations: new Array(600_000), entities: new Array(400_000), citations: [], relations: [], predicates: [], tags: [], rejectedSuggestions: [], warnings: [] } as unknown as NativeImportPlan
    expect(() => assertRecordCount('big.json', plan)).not.toThrow()
    plan.tags = new Array(1) as never
    expect(() => assertRecordCount('big.json', plan)).toThrow('big.json: 1,000,001 records is more than the 1,000,000 records limit for records in one Marginalia JSON file (see docs/limits.md)')
  })
})

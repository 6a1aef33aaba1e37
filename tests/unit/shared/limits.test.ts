import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportNativeJson } from '../../../src/shared/export/native-json'
import { IMPORT_LIMITS } from '../../../src/shared/import/import-limits'
import { assertWithinLimit, base64Length, formatAmount, LIMITS } from '../../../src/shared/limits'
import { MarginaliaError } from '../../../src/shared/result'
import { syntheticProject } from '../../helpers/synthetic-project'
import { ROOT } from '../../helpers/temp-dir'

function failure(fn: () => void): MarginaliaError {
  try {
    fn()
  } catch (err) {
    return err as MarginaliaError
  }
  throw new Error('expected a failure')
}

describe('limits table', () => {
  it('gives every limit a positive or zero maximum, a unit, what it limits and why', () => {
    for (const [name, limit] of Object.entries(LIMITS)) {
      expect(Number.isInteger(limit.max) && limit.max >= 0, name).toBe(true)
      expect(limit.what.length, name).toBeGreaterThan(5)
      expect(limit.why.length, name).toBeGreaterThan(20)
    }
  })

  it('lets every file import cross HTTP: the body limit holds each file in its transport form', () => {
    for (const f of [LIMITS.documentFile, LIMITS.bibliographyFile, LIMITS.w3cFile]) {
      expect(base64Length(f.max)).toBeLessThan(LIMITS.httpBody.max)
    }
    // Native JSON crosses as a JSON string: escaping a real export grows it by less than the 1.25 assumed.
    const { data, texts } = syntheticProject(join(ROOT, 'documents', 'gibbon-vol6-ch64-65.txt'), 2000)
    const content = exportNativeJson({ data, texts, scope: {}, options: {}, exportedAt: '2026-01-01T00:00:00Z' }).files[0].content as string
    expect(Buffer.byteLength(JSON.stringify(content)) / Buffer.byteLength(content)).toBeLessThan(1.25)
    expect(Math.ceil(LIMITS.nativeJsonFile.max * 1.25)).toBeLessThan(LIMITS.httpBody.max)
  })

  it('is the table docs/limits.md shows, row for row (the importers read theirs from it too)', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'limits.md'), 'utf8')
    for (const [name, limit] of Object.entries(LIMITS)) {
      expect(doc, name).toContain(`| \`${name}\` | ${formatAmount(limit.max, limit.unit)} | ${limit.what} | ${limit.why} |`)
    }
    expect(IMPORT_LIMITS.documentFile).toBe(LIMITS.documentFile.max)
    expect(IMPORT_LIMITS.workerHeapMb).toBe(LIMITS.importWorkerHeap.max)
  })

  it('says no DTD entity is ever expanded', () => {
    expect(LIMITS.xmlEntityExpansions.max).toBe(0)
  })
})

describe('assertWithinLimit', () => {
  it('accepts the limit itself and refuses one unit more, naming the file, the amount and the limit', () => {
    expect(() => assertWithinLimit('big.json', LIMITS.nativeJsonFile.max, LIMITS.nativeJsonFile)).not.toThrow()
    const err = failure(() => assertWithinLimit('big.json', LIMITS.nativeJsonFile.max + 1, LIMITS.nativeJsonFile))
    expect(err).toBeInstanceOf(MarginaliaError)
    expect(err.code).toBe('invalid-file')
    // Rounded both would read "128 MiB": the message gives exact numbers instead.
    expect(err.message).toBe('big.json: 134,217,729 bytes is more than the 134,217,728 bytes limit for a Marginalia JSON file to import (see docs/limits.md)')
  })

  it('rounds sizes far from the limit to MiB', () => {
    const err = failure(() => assertWithinLimit('export.json', 600 * 1024 * 1024, LIMITS.nativeJsonFile))
    expect(err.message).toBe('export.json: 600 MiB is more than the 128 MiB limit for a Marginalia JSON file to import (see docs/limits.md)')
  })

  it('words counts and code points', () => {
    expect(failure(() => assertWithinLimit('milet.bib', 100_001, LIMITS.bibliographyEntries)).message)
      .toBe('milet.bib: 100,001 entries is more than the 100,000 entries limit for entries in one bibliography file (see docs/limits.md)')
    expect(failure(() => assertWithinLimit('t.xml', 1, LIMITS.xmlEntityExpansions)).message).toContain('t.xml: 1 expansions is more than the 0 expansions limit')
  })

  it('formats amounts', () => {
    expect(formatAmount(612, 'bytes')).toBe('612 bytes')
    expect(formatAmount(1536, 'bytes')).toBe('1.5 KiB')
    expect(formatAmount(64 * 1024 * 1024, 'bytes')).toBe('64 MiB')
    expect(formatAmount(10_000, 'milliseconds')).toBe('10 s')
  })
})

describe('docs/limits.md', () => {
  it('lists every limit of the table with its current value and reason', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'limits.md'), 'utf8')
    for (const [name, limit] of Object.entries(LIMITS)) {
      expect(doc, name).toContain(`| \`${name}\` | ${formatAmount(limit.max, limit.unit)} | ${limit.what} | ${limit.why} |`)
    }
  })
})

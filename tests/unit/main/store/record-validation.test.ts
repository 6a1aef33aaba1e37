/**
 * What the store's record check says and lets through (record-schema.ts): the problem is named
 * precisely enough to find in the file (which member, where), a record filed under another id is
 * refused, and the store's own document shape (no text inside, text file and its sha256 beside,
 * formats and block kinds a newer importer may add) is accepted while a malformed sha256 is not.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type * as RecordSchema from '../../../../src/main/store/record-schema'
import { annotation, tag } from './store-test-kit'

const SHA = 'a'.repeat(64)

// A fresh module for each test: the compiled checks are cached in the module, and a test must see
// them compiled from the code as it is now (in the mutation run, with the planted mutant active).
let recordProblem: typeof RecordSchema.recordProblem
let recordValidator: typeof RecordSchema.recordValidator
beforeEach(async () => {
  vi.resetModules()
  ;({ recordProblem, recordValidator } = await import('../../../../src/main/store/record-schema'))
})

/** A stored document: no `text` (it lives in texts/), a text file and its sha256 beside it. */
function storedDocument(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'doc_1', title: 'Chronicle', format: 'text', role: 'text', sha256: SHA, fileName: 'chronicle.txt', length: 20,
    structure: [{ kind: 'paragraph', start: 0, end: 20 }], metadata: { categories: [] },
    created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', textFile: 'doc_1.txt', textSha256: SHA, ...extra
  }
}

describe('recordProblem', () => {
  it('accepts valid records of each kind it is given', () => {
    expect(recordProblem('annotations', 'ann_1', annotation('ann_1'))).toBeUndefined()
    expect(recordProblem('tags', 't', tag('t'))).toBeUndefined()
    expect(recordProblem('documents', 'doc_1', storedDocument())).toBeUndefined()
    expect(recordValidator('documents')(storedDocument())).toBe(true)
  })

  it('names a missing member and where it is missing', () => {
    expect(recordProblem('annotations', 'ann_1', { ...annotation('ann_1'), documentId: undefined })).toBe('missing member documentId')
    const { exact: _exact, ...target } = annotation('ann_1').target
    expect(recordProblem('annotations', 'ann_1', { ...annotation('ann_1'), target })).toBe('missing member exact in /target')
  })

  it('names a member of the wrong type by its path', () => {
    expect(recordProblem('annotations', 'ann_1', { ...annotation('ann_1'), note: 7 })).toBe('/note must be string')
    expect(recordProblem('tags', 't', 'just text')).toBe('the record must be object')
  })

  it('refuses a record filed under another id', () => {
    expect(recordProblem('tags', 'u', tag('t'))).toBe('its id "t" does not match its key')
    expect(recordValidator('tags')(tag('t'))).toBe(true) // the bulk check does not compare keys
  })

  it('accepts a document without text and with a format or block kind a newer importer added', () => {
    expect(recordProblem('documents', 'doc_1', storedDocument({ format: 'mobi' }))).toBeUndefined()
    expect(recordProblem('documents', 'doc_1', storedDocument({ structure: [{ kind: 'marginal-note', start: 0, end: 3 }] }))).toBeUndefined()
  })

  it('refuses a document whose text checksum, text file, format or block kind is malformed', () => {
    expect(recordProblem('documents', 'doc_1', storedDocument({ textSha256: 'abc' }))).toBe('/textSha256 must match pattern "^[0-9a-f]{64}$"')
    expect(recordProblem('documents', 'doc_1', storedDocument({ textFile: '' }))).toBe('/textFile must NOT have fewer than 1 characters')
    expect(recordProblem('documents', 'doc_1', storedDocument({ format: '' }))).toBe('/format must NOT have fewer than 1 characters')
    expect(recordProblem('documents', 'doc_1', storedDocument({ structure: [{ kind: '', start: 0, end: 3 }] }))).toBe('/structure/0/kind must NOT have fewer than 1 characters')
  })

  it('still requires the rest of a document', () => {
    const { title: _title, ...noTitle } = storedDocument()
    expect(recordProblem('documents', 'doc_1', noTitle)).toBe('missing member title')
  })
})

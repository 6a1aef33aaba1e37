import { describe, expect, it } from 'vitest'
import { recordIri, uuidV5 } from '../../../../src/shared/export/w3c-ids'

describe('W3C export ids', () => {
  it('computes RFC 4122 version-5 UUIDs (the RFC\'s DNS-namespace example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
    // Multi-block input (> 55 bytes) and non-ASCII names are hashed as UTF-8.
    expect(uuidV5('Ἰωάννης Παλαιολόγος '.repeat(5))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('gives each record a stable urn:uuid IRI, distinct across projects and collections', () => {
    const a = recordIri('urn:uuid:p1', 'annotations', 'ann_1')
    expect(a).toBe(recordIri('urn:uuid:p1', 'annotations', 'ann_1'))
    expect(a).toMatch(/^urn:uuid:/)
    expect(a).not.toBe(recordIri('urn:uuid:p2', 'annotations', 'ann_1'))
    expect(a).not.toBe(recordIri('urn:uuid:p1', 'entities', 'ann_1'))
  })
})

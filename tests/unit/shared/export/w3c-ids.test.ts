import { describe, expect, it } from 'vitest'
import { recordIri, uuidV5 } from '../../../../src/shared/export/w3c-ids'

describe('W3C export ids', () => {
  it('computes RFC 4122 version-5 UUIDs (the RFC\'s DNS-namespace example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2')
    // Our namespace, checked against Python's uuid.uuid5: short ASCII, multi-block (> 55 bytes),
    // and non-ASCII names (hashed as UTF-8).
    expect(uuidV5('urn:uuid:p1/annotations/ann_1')).toBe('0236ccea-4695-5298-8393-15fc5a6b5926')
    expect(uuidV5('urn:uuid:p1/annotations/' + 'x'.repeat(100))).toBe('2496a1fa-8cbb-5ff7-a002-ef8bceba58b3')
    expect(uuidV5('Ἰωάννης Παλαιολόγος '.repeat(5))).toBe('c49f5d9e-de16-5306-8f6c-a6900e873772')
    expect(recordIri('urn:uuid:p1', 'annotations', 'ann_1')).toBe('urn:uuid:0236ccea-4695-5298-8393-15fc5a6b5926')
  })

  it('gives each record a stable urn:uuid IRI, distinct across projects and collections', () => {
    const a = recordIri('urn:uuid:p1', 'annotations', 'ann_1')
    expect(a).toBe(recordIri('urn:uuid:p1', 'annotations', 'ann_1'))
    expect(a).toMatch(/^urn:uuid:/)
    expect(a).not.toBe(recordIri('urn:uuid:p2', 'annotations', 'ann_1'))
    expect(a).not.toBe(recordIri('urn:uuid:p1', 'entities', 'ann_1'))
  })
})

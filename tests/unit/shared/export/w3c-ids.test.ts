import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// w3c-ids.ts keeps module state (namespace bytes cached, a hash buffer grown on demand), so each
// test imports a fresh copy: otherwise the first test's namespace and buffer would stand for all.
type M = typeof import('../../../../src/shared/export/w3c-ids')
let recordIri: M['recordIri'], uuidV5: M['uuidV5']
beforeEach(async () => {
  vi.resetModules()
  ;({ recordIri, uuidV5 } = await import('../../../../src/shared/export/w3c-ids'))
})

/** RFC 4122 version-5 UUID computed with node:crypto's SHA-1, to check the hand-written one against. */
function referenceV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest()
  hash[6] = (hash[6] & 0x0f) | 0x50
  hash[8] = (hash[8] & 0x3f) | 0x80
  const h = hash.subarray(0, 16).toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

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

  it('agrees with SHA-1 of node:crypto for names of every length across several hash blocks, ASCII or not', () => {
    // Lengths 0..300 cross every padding case (the 55/56-byte edge of a block) and grow the buffer.
    const namespaces = ['6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'ffffffff-0000-5fff-8000-0123456789ab']
    for (const namespace of namespaces) {
      for (let n = 0; n <= 300; n += 1) {
        const ascii = 'ann_'.padEnd(n, 'z~09').slice(0, n)
        expect(uuidV5(ascii, namespace), `${n} ASCII`).toBe(referenceV5(ascii, namespace))
        const greek = 'Ἰω𝔊é'.repeat(n).slice(0, n)
        expect(uuidV5(greek, namespace), `${n} non-ASCII`).toBe(referenceV5(greek, namespace))
      }
    }
    // A long name after short ones, and a short one after it (the grown buffer keeps no old bytes).
    const long = 'x'.repeat(5000)
    expect(uuidV5(long)).toBe(referenceV5(long, '5b1f4c5e-8d0a-4a36-9d43-2f6f0c1f7a21'))
    expect(uuidV5('a')).toBe(referenceV5('a', '5b1f4c5e-8d0a-4a36-9d43-2f6f0c1f7a21'))
  })

  it('gives each record a stable urn:uuid IRI, distinct across projects and collections', () => {
    const a = recordIri('urn:uuid:p1', 'annotations', 'ann_1')
    expect(a).toBe(recordIri('urn:uuid:p1', 'annotations', 'ann_1'))
    expect(a).toMatch(/^urn:uuid:/)
    expect(a).not.toBe(recordIri('urn:uuid:p2', 'annotations', 'ann_1'))
    expect(a).not.toBe(recordIri('urn:uuid:p1', 'entities', 'ann_1'))
  })
})

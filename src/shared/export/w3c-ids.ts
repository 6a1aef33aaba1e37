/**
 * Stable `urn:uuid:` identifiers for the W3C export. The suite requires ids with a scheme; our
 * record ids (`ann_…`) are not UUIDs, so each is turned into a name-based UUID (RFC 4122 version 5,
 * SHA-1) of `<project id>/<collection>/<record id>`: the same record gets the same IRI in every
 * export, and different projects never collide. Pure (no crypto API): SHA-1 is computed here.
 */

/** Marginalia's namespace for version-5 UUIDs (itself a random v4 UUID, fixed forever). */
const NAMESPACE = '5b1f4c5e-8d0a-4a36-9d43-2f6f0c1f7a21'

/** Message schedule, reused by every call (sha1 is synchronous and not re-entrant). */
const W = new Uint32Array(80)

/** SHA-1 of `bytes` (FIPS 180-4). Used only for name-based UUIDs, not for security. */
function sha1(bytes: Uint8Array): Uint8Array {
  const ml = bytes.length * 8
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) << 6)
  padded.set(bytes)
  padded[bytes.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(ml / 2 ** 32))
  view.setUint32(padded.length - 4, ml >>> 0)
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0
  const w = W
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4
      w[i] = ((padded[j] << 24) | (padded[j + 1] << 16) | (padded[j + 2] << 8) | padded[j + 3]) >>> 0
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
      w[i] = (x << 1) | (x >>> 31)
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4
    // Plain branches, no per-round allocation: this runs 80 times per 64-byte block for every id
    // of a 100,000-annotation export.
    for (let i = 0; i < 80; i++) {
      let f: number
      let k: number
      if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999 }
      else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1 }
      else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdc }
      else { f = b ^ c ^ d; k = 0xca62c1d6 }
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]) >>> 0
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t
    }
    h0 = (h0 + a) >>> 0; h1 = (h1 + b) >>> 0; h2 = (h2 + c) >>> 0; h3 = (h3 + d) >>> 0; h4 = (h4 + e) >>> 0
  }
  const out = new Uint8Array(20)
  const ov = new DataView(out.buffer)
  ;[h0, h1, h2, h3, h4].forEach((h, i) => ov.setUint32(i * 4, h))
  return out
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))
const hex = (bytes: Uint8Array): string => {
  let s = ''
  for (const b of bytes) s += HEX[b]
  return s
}

const encoder = new TextEncoder()
const namespaceBytes = new Map<string, Uint8Array>()

/** RFC 4122 version-5 UUID of `name` in `namespace` (a UUID string). */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  let nsBytes = namespaceBytes.get(namespace)
  if (!nsBytes) {
    const ns = namespace.replace(/-/g, '')
    nsBytes = new Uint8Array(16)
    for (let i = 0; i < 16; i++) nsBytes[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16)
    namespaceBytes.set(namespace, nsBytes)
  }
  const nameBytes = encoder.encode(name)
  const input = new Uint8Array(16 + nameBytes.length)
  input.set(nsBytes)
  input.set(nameBytes, 16)
  const h = sha1(input).slice(0, 16)
  h[6] = (h[6] & 0x0f) | 0x50
  h[8] = (h[8] & 0x3f) | 0x80
  const s = hex(h)
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** The stable IRI of a record of a project: `urn:uuid:<v5 of project/collection/id>`. */
export function recordIri(projectId: string, collection: string, id: string): string {
  return `urn:uuid:${uuidV5(`${projectId}/${collection}/${id}`)}`
}

/**
 * Stable `urn:uuid:` identifiers for the W3C export. The suite requires ids with a scheme; our
 * record ids (`ann_…`) are not UUIDs, so each is turned into a name-based UUID (RFC 4122 version 5,
 * SHA-1) of `<project id>/<collection>/<record id>`: the same record gets the same IRI in every
 * export, and different projects never collide. Pure (no crypto API): SHA-1 is computed here.
 */

/** Marginalia's namespace for version-5 UUIDs (itself a random v4 UUID, fixed forever). */
const NAMESPACE = '5b1f4c5e-8d0a-4a36-9d43-2f6f0c1f7a21'

/** Message schedule, reused by every call (hashing is synchronous and not re-entrant). */
const W = new Uint32Array(80)
/** Input buffer (namespace + name + padding), reused and grown as needed. */
let buf = new Uint8Array(256)
const encoder = new TextEncoder()
const namespaceBytes = new Map<string, Uint8Array>()
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'))

/** Bytes of a namespace UUID string (cached). */
function namespaceOf(namespace: string): Uint8Array {
  let ns = namespaceBytes.get(namespace)
  if (!ns) {
    const hex = namespace.replace(/-/g, '')
    ns = new Uint8Array(16)
    for (let i = 0; i < 16; i++) ns[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
    namespaceBytes.set(namespace, ns)
  }
  return ns
}

/**
 * SHA-1 (FIPS 180-4) of the first `length` bytes of `buf`, padded in place; returns the first four
 * state words (the 16 bytes a UUID keeps). Used only for name-based UUIDs, not for security.
 * Written without per-call allocation: it runs for every annotation of a 100,000-annotation export.
 */
function sha1Head(length: number): [number, number, number, number] {
  const total = (((length + 8) >> 6) + 1) << 6
  if (buf.length < total) {
    const bigger = new Uint8Array(total * 2)
    bigger.set(buf.subarray(0, length))
    buf = bigger
  }
  buf.fill(0, length, total)
  buf[length] = 0x80
  const bits = length * 8
  buf[total - 4] = (bits >>> 24) & 0xff
  buf[total - 3] = (bits >>> 16) & 0xff
  buf[total - 2] = (bits >>> 8) & 0xff
  buf[total - 1] = bits & 0xff
  let h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0
  const w = W
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i++) {
      const j = off + i * 4
      w[i] = ((buf[j] << 24) | (buf[j + 1] << 16) | (buf[j + 2] << 8) | buf[j + 3]) >>> 0
    }
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
      w[i] = (x << 1) | (x >>> 31)
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4
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
  return [h0, h1, h2, h3]
}

const hexWord = (w: number): string => HEX[w >>> 24] + HEX[(w >>> 16) & 0xff] + HEX[(w >>> 8) & 0xff] + HEX[w & 0xff]

/** RFC 4122 version-5 UUID of `name` in `namespace` (a UUID string). */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = namespaceOf(namespace)
  // ASCII names (all of ours in practice) are copied directly; others go through UTF-8 encoding.
  let length = 16 + name.length
  let ascii = true
  for (let i = 0; i < name.length && ascii; i++) ascii = name.charCodeAt(i) < 0x80
  const bytes = ascii ? undefined : encoder.encode(name)
  if (bytes) length = 16 + bytes.length
  if (buf.length < length + 72) buf = new Uint8Array((length + 72) * 2)
  buf.set(ns, 0)
  if (bytes) buf.set(bytes, 16)
  else for (let i = 0; i < name.length; i++) buf[16 + i] = name.charCodeAt(i)
  const [h0, h1raw, h2raw, h3] = sha1Head(length)
  const h1 = ((h1raw & 0xffff0fff) | 0x00005000) >>> 0 // version 5 in byte 6's high nibble
  const h2 = ((h2raw & 0x3fffffff) | 0x80000000) >>> 0 // RFC 4122 variant in byte 8
  const a = hexWord(h0), b = hexWord(h1), c = hexWord(h2), d = hexWord(h3)
  return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`
}

/** The stable IRI of a record of a project: `urn:uuid:<v5 of project/collection/id>`. */
export function recordIri(projectId: string, collection: string, id: string): string {
  return `urn:uuid:${uuidV5(`${projectId}/${collection}/${id}`)}`
}

/**
 * The one normalisation every imported text goes through before offsets are taken:
 * BOM(s) stripped, CRLF and lone CR turned into LF, Unicode NFC. Idempotent.
 */
export function normaliseText(raw: string): string {
  // Every leading U+FEFF, not just one: a BOM followed by another (files re-saved with a BOM added)
  // would otherwise leave one at the start, and normalising that text again would shift every offset.
  let text = raw.replace(/^\ufeff+/, '')
  text = text.replace(/\r\n?/g, '\n')
  return text.normalize('NFC')
}

/**
 * Error raised when bytes are not valid UTF-8; carries the byte offset of the first bad sequence
 * (-1 only if the scan and the decoder ever disagree; the message then gives no position).
 */
export class InvalidUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(byteOffset >= 0 ? `not valid UTF-8 (first invalid byte sequence at byte ${byteOffset})` : 'not valid UTF-8')
  }
}

/** Decodes UTF-8 strictly: invalid bytes are an error, never U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new InvalidUtf8Error(findInvalidUtf8(bytes))
  }
}

/**
 * Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code points
 * above U+10FFFF included, as the WHATWG decoder rejects them), or -1 when the bytes are valid.
 */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    // The allowed range of the second byte depends on the first (Unicode Table 3-7).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i
    }
    i += need + 1
  }
  return -1
}

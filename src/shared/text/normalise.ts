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

/** Error raised when bytes are not valid UTF-8; carries the byte offset of the first bad sequence. */
export class InvalidUtf8Error extends Error {
  constructor(readonly byteOffset: number) {
    super(`not valid UTF-8 (first invalid byte sequence at byte ${byteOffset})`)
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

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i]
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
    }
    i += need + 1
  }
  return -1
}

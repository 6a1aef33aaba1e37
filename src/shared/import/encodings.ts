/**
 * Text in encodings other than UTF-8. Strict UTF-8 is tried first; when it fails the historian is
 * shown each candidate decoding (Windows-1252, ISO-8859-1, ISO-8859-7 Greek, UTF-16) with samples
 * of the characters that differ, and one may be proposed — never applied silently: an import only
 * decodes with an encoding it was explicitly given.
 * Uses the WHATWG TextDecoder (Node and browsers) for UTF-8, UTF-16 and ISO-8859-7; Latin-1 and
 * Windows-1252 are decoded by hand (WHATWG maps the one label to the other, and Node 20 gets
 * Windows-1252's 0x80–0x9F wrong).
 */
import { MarginaliaError } from '../result'
import { decodeUtf8Strict, InvalidUtf8Error } from '../text/normalise'

export type TextEncoding = 'utf-8' | 'windows-1252' | 'iso-8859-1' | 'iso-8859-7' | 'utf-16le' | 'utf-16be'

/** The encodings an import may be given, with the names a historian reads. */
export const TEXT_ENCODINGS: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Western European, Windows)',
  'iso-8859-1': 'ISO-8859-1 (Latin-1)',
  'iso-8859-7': 'ISO-8859-7 (Greek)',
  'utf-16le': 'UTF-16 little-endian',
  'utf-16be': 'UTF-16 big-endian'
}

/** Bytes Windows-1252 leaves undefined. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the rest is Latin-1). Decoded by hand: Node 20's
 * TextDecoder('windows-1252') returns the C1 controls there, as Latin-1 does.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeSingleByte(bytes: Uint8Array, high?: string): string {
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    parts.push(high ? Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? high[b - 0x80] : String.fromCharCode(b))).join('') : String.fromCharCode(...chunk))
  }
  return parts.join('')
}

/**
 * Decodes `bytes` as `encoding`. UTF-8 and UTF-16 are strict (invalid sequences are an error);
 * a leading byte order mark is dropped.
 * @throws MarginaliaError('invalid-file') naming `fileName` when the bytes are not in that encoding.
 */
export function decodeText(fileName: string, bytes: Uint8Array, encoding: TextEncoding): string {
  try {
    switch (encoding) {
      case 'utf-8':
        return decodeUtf8Strict(bytes)
      case 'iso-8859-1':
        return decodeSingleByte(bytes)
      case 'windows-1252': {
        const bad = bytes.findIndex((b) => CP1252_UNDEFINED.has(b))
        if (bad >= 0) throw new Error(`byte 0x${bytes[bad].toString(16)} at offset ${bad} is not a Windows-1252 character`)
        return decodeSingleByte(bytes, CP1252_HIGH)
      }
      case 'utf-16le':
      case 'utf-16be':
        if (bytes.length % 2 !== 0) throw new Error('it has an odd number of bytes, so it is not UTF-16')
        return new TextDecoder(encoding, { fatal: true }).decode(bytes)
      default:
        return new TextDecoder(encoding, { fatal: true }).decode(bytes)
    }
  } catch (err) {
    const reason = err instanceof InvalidUtf8Error || err instanceof Error ? err.message : String(err)
    throw new MarginaliaError('invalid-file', `${fileName}: cannot be read as ${TEXT_ENCODINGS[encoding]}: ${reason}`)
  }
}

/** One possible decoding of a file, for the historian to judge. */
export interface EncodingCandidate {
  encoding: TextEncoding
  label: string
  /** The first characters of the text in this decoding. */
  preview: string
  /** Short passages around the first non-ASCII characters, where decodings differ. */
  samples: string[]
  /** Why this decoding looks wrong (empty when nothing is suspicious). */
  problems: string[]
  /** Higher is more plausible; only used to order the candidates. */
  score: number
}

const SAMPLE_BYTES = 512 * 1024

/**
 * Tie-breakers when decodings are equally clean: Windows-1252 is a superset of Latin-1's printable
 * characters and the most common legacy Western encoding, so it wins when the two read the same.
 */
const PREFERENCE: Partial<Record<TextEncoding, number>> = { 'windows-1252': 0.5, 'iso-8859-1': 0.25 }

function utf16Evidence(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  let evenNul = 0
  let oddNul = 0
  const n = Math.min(bytes.length, 4096)
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 === 0 ? evenNul++ : oddNul++)
  if (oddNul > n / 4 && evenNul < n / 40) return 'utf-16le'
  if (evenNul > n / 4 && oddNul < n / 40) return 'utf-16be'
  return undefined
}

function judge(text: string, encoding: TextEncoding): { problems: string[]; score: number } {
  const problems: string[] = []
  let score = 0
  const c1 = (text.match(/[\u0080-\u009f]/g) ?? []).length
  if (c1) problems.push(`${c1} control character${c1 === 1 ? '' : 's'} (bytes 0x80–0x9F), which Latin-1 text never has`)
  const nul = (text.match(/\u0000/g) ?? []).length
  if (nul) problems.push(`${nul} NUL character${nul === 1 ? '' : 's'}`)
  const words = text.match(/[\p{L}]+/gu) ?? []
  let mixed = 0
  let garbled = 0
  for (const w of words) {
    const greek = /\p{Script=Greek}/u.test(w)
    const latin = /\p{Script=Latin}/u.test(w)
    if (greek && latin) mixed++
    const nonAscii = (w.match(/[^\x00-\x7f]/g) ?? []).length
    // Greek (or other 8-bit) text read as Latin: words made only of accented capitals and symbols.
    if (latin && !greek && w.length >= 3 && nonAscii / w.length > 0.6) garbled++
  }
  if (mixed) problems.push(`${mixed} word${mixed === 1 ? '' : 's'} mixing Greek and Latin letters`)
  if (garbled) problems.push(`${garbled} word${garbled === 1 ? '' : 's'} made mostly of accented letters (a sign of the wrong code page)`)
  const cjk = (text.match(/[\u3400-\u9fff\uac00-\ud7af]/g) ?? []).length
  if (encoding.startsWith('utf-16') && cjk > text.length / 4) problems.push('reads as Chinese or Korean characters (a sign of the wrong byte order or not UTF-16)')
  score -= c1 * 5 + nul * 5 + mixed * 3 + garbled * 2 + (encoding.startsWith('utf-16') ? cjk : 0)
  return { problems, score }
}

function samplesOf(text: string): string[] {
  const out: string[] = []
  const re = /[^\x00-\x7f]/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) && out.length < 5) {
    const from = Math.max(0, m.index - 24)
    out.push(text.slice(from, m.index + 24).replace(/\s+/g, ' '))
    re.lastIndex = m.index + 48
  }
  return out
}

/**
 * Every candidate decoding of `bytes` (that decodes at all), most plausible first, and the one to
 * propose (undefined when none stands out). Looks at the first 512 KiB.
 */
export function encodingCandidates(bytes: Uint8Array): { candidates: EncodingCandidate[]; proposed?: TextEncoding } {
  const sample = bytes.subarray(0, SAMPLE_BYTES - (SAMPLE_BYTES % 2))
  const utf16 = utf16Evidence(sample)
  const order: TextEncoding[] = ['utf-8', 'windows-1252', 'iso-8859-1', 'iso-8859-7', 'utf-16le', 'utf-16be']
  const candidates: EncodingCandidate[] = []
  for (const encoding of order) {
    let text: string
    try {
      // A sample may end inside a multi-byte character: decode leniently there, strictly elsewhere.
      text = sample.length < bytes.length && encoding === 'utf-8'
        ? new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastUtf8Boundary(sample)))
        : decodeText('', sample, encoding)
    } catch {
      continue
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    const { problems, score } = judge(text, encoding)
    candidates.push({
      encoding, label: TEXT_ENCODINGS[encoding], preview: text.slice(0, 400), samples: samplesOf(text), problems,
      score: score + (PREFERENCE[encoding] ?? 0) + (utf16 === encoding ? 1000 : 0) - (utf16 && !encoding.startsWith('utf-16') ? 1000 : 0)
    })
  }
  candidates.sort((a, b) => b.score - a.score)
  const best = candidates[0]
  const second = candidates[1]
  const proposed = best && best.problems.length === 0 && (!second || second.score < best.score) ? best.encoding : undefined
  return { candidates, proposed }
}

function lastUtf8Boundary(bytes: Uint8Array): number {
  let i = bytes.length
  while (i > 0 && i > bytes.length - 4 && (bytes[i - 1] & 0xc0) === 0x80) i--
  return i > 0 && bytes[i - 1] >= 0xc0 ? i - 1 : bytes.length
}

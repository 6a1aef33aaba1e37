/**
 * The contract's size check for a file's content sent in a call (base64 bytes, or text): refused
 * before any handler runs, whatever the transport, with the error a historian reads —
 * MarginaliaError('invalid-file', '<fileName>: <size> is more than the <limit> limit for <what>').
 * The limits are those of src/shared/limits.ts.
 */
import type { z } from 'zod'
import { assertWithinLimit, type Limit } from '../limits'

/** Bytes encoded by a base64 text of this length (its padding counted out). */
export function base64DecodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  return Math.floor((base64.length * 3) / 4) - padding
}

/** UTF-8 length of `text` in bytes (a lone surrogate counts 3, as it is encoded as U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** Bytes of `text` as far as `limit` needs: the exact count only when 3 bytes per UTF-16 unit could exceed it. */
function textBytes(text: string, limit: Limit): number {
  return text.length * 3 <= limit.max ? text.length : utf8Length(text)
}

type WithFile = z.ZodObject<{ fileName: z.ZodType<string | undefined> } & z.ZodRawShape>

/**
 * Adds to an import's argument schema the check that its file (`field`: base64 bytes or UTF-8
 * text) is within `limit`, named by the call's `fileName`. Throws the MarginaliaError itself (not a
 * validation issue), so the caller gets `invalid-file` and the file's name, as from the importers.
 */
export function limitFileContent<S extends WithFile>(schema: S, field: 'contentBase64' | 'content', limit: Limit): S {
  return schema.superRefine((args) => {
    const value = (args as Record<string, unknown>)[field]
    if (typeof value !== 'string') return
    const name = String((args as { fileName?: string }).fileName ?? 'the file')
    assertWithinLimit(name, field === 'contentBase64' ? base64DecodedLength(value) : textBytes(value, limit), limit)
  }) as S
}

/**
 * Reads a zip container (DOCX, EPUB) with fflate without letting a zip bomb through: the entry
 * count and the declared sizes are checked from the central directory before anything is
 * inflated, and every entry is then inflated by fflate's streaming reader, which is stopped the
 * moment the running total passes the limit or an entry's ratio gets absurd — a zip may lie about
 * its sizes.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate'
import { formatBytes, IMPORT_LIMITS } from '../../shared/import/import-limits'
import { MarginaliaError } from '../../shared/result'

const RATIO_FLOOR = 1024 * 1024

interface Entry {
  name: string
  compressed: number
  declared: number
  method: number
}

/** The entries of a zip from its central directory, nothing inflated. */
export function listZip(fileName: string, bytes: Uint8Array): Entry[] {
  const entries: Entry[] = []
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (entries.length >= IMPORT_LIMITS.zipEntries) throw new ZipLimit(`holds more than ${IMPORT_LIMITS.zipEntries} files`)
        entries.push({ name: f.name, compressed: f.size, declared: f.originalSize, method: f.compression })
        return false
      }
    })
  } catch (err) {
    if (err instanceof ZipLimit) throw new MarginaliaError('invalid-file', `${fileName}: ${err.message}; it looks like a zip bomb, not a document`)
    throw new MarginaliaError('invalid-file', `${fileName}: is not a readable zip archive (${(err as Error).message}); the file may be damaged or truncated`)
  }
  return entries
}

class ZipLimit extends Error {}

/**
 * Inflates the entries `wanted` chooses, within the limits.
 * @throws MarginaliaError('invalid-file') naming the file when the zip is damaged or a bomb.
 */
export function readZip(fileName: string, bytes: Uint8Array, wanted: (name: string) => boolean = () => true): Map<string, Uint8Array> {
  const entries = listZip(fileName, bytes)
  const declared = entries.reduce((n, e) => n + e.declared, 0)
  const bomb = (what: string) => new MarginaliaError('invalid-file', `${fileName}: ${what}; it looks like a zip bomb, not a document, and nothing was imported`)
  if (declared > IMPORT_LIMITS.zipUncompressedBytes) {
    throw bomb(`its files declare ${formatBytes(declared)} uncompressed, more than the ${formatBytes(IMPORT_LIMITS.zipUncompressedBytes)} limit`)
  }
  for (const e of entries) {
    if (e.declared > RATIO_FLOOR && e.declared / Math.max(1, e.compressed) > IMPORT_LIMITS.zipRatio) {
      throw bomb(`${e.name} would inflate ${Math.round(e.declared / Math.max(1, e.compressed))} times its size`)
    }
  }
  const compressed = new Map(entries.map((e) => [e.name, e.compressed]))
  let total = 0
  const out = new Map<string, Uint8Array>()
  const unzip = new Unzip((file) => {
    if (!wanted(file.name) || file.name.endsWith('/')) return
    const chunks: Uint8Array[] = []
    let size = 0
    file.ondata = (err, chunk, final) => {
      if (err) throw new MarginaliaError('invalid-file', `${fileName}: ${file.name} inside it is damaged (${err.message})`)
      size += chunk.length
      total += chunk.length
      if (total > IMPORT_LIMITS.zipUncompressedBytes) throw bomb(`it inflates to more than ${formatBytes(IMPORT_LIMITS.zipUncompressedBytes)}`)
      if (size > RATIO_FLOOR && size / Math.max(1, compressed.get(file.name) ?? file.size ?? 0) > IMPORT_LIMITS.zipRatio) throw bomb(`${file.name} inflates more than ${IMPORT_LIMITS.zipRatio} times its size`)
      chunks.push(chunk)
      if (final) out.set(file.name, concat(chunks, size))
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  try {
    // Pushed in slices so an over-large entry is stopped after one slice's worth of output.
    for (let i = 0; i < bytes.length; i += 64 * 1024) unzip.push(bytes.subarray(i, i + 64 * 1024), i + 64 * 1024 >= bytes.length)
  } catch (err) {
    if (err instanceof MarginaliaError) throw err
    throw new MarginaliaError('invalid-file', `${fileName}: is not a readable zip archive (${(err as Error).message}); the file may be damaged or truncated`)
  }
  return out
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const joined = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    joined.set(c, at)
    at += c.length
  }
  return joined
}

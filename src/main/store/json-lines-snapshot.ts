/**
 * The snapshot layout of today: one `project.json`, valid JSON, one record per line:
 *
 *   {"schemaVersion":3,"project":{…},
 *   "documents":[
 *   {…record…},
 *   {…record…}
 *   ],
 *   … every collection, then "history":[ … saved undo/redo edits … ],
 *   "store":{"seq":41,"stateHash":"…"}}
 *
 * It is read line by line (no giant string, records validated as they arrive) and written in 1 MiB
 * chunks that yield to the event loop, so compaction runs beside edits. Any other valid JSON with the
 * same members (a file reformatted by hand, or the collections-as-maps files of schema 1) is read by
 * a whole-file parse instead.
 */
import { createHash, type Hash } from 'node:crypto'
import { join } from 'node:path'
import { COLLECTION_NAMES, type CollectionName, type ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { replaceFile } from './atomic-write'
import { emptyCollections } from './collections'
import { parseLinesAsArray, readLineChunks, readLines, STOP } from './line-reader'
import { mayHoldDangerousKeys, parseRecordJson, stripDangerousKeys } from './record-json'
import { recordValidator } from './record-schema'
import { checkHistory, checkHeader, checkRecord, fromWholeJson } from './snapshot-checks'
import type { LoadedSnapshot, SnapshotLayout, SnapshotToWrite, WrittenSnapshot } from './snapshot-layout'
import { storeFs } from './store-fs'

export const PROJECT_FILE = 'project.json'
const CHUNK_BYTES = 1 << 20
const LIST_START = /^"([A-Za-z]+)":\[$/

class LineFormatBroken extends Error {}
/** A record failed its check on the fast path; the file is read again line by line to name it. */
class RecordRefused extends Error {}

const LIST_END = Buffer.from('\n]')
/**
 * Record lines are parsed in runs of at most this many bytes (unless one line is longer): a decoded
 * string under V8's large-object size (128 KiB) is made in the young generation, where decoding
 * costs a copy; a larger one takes fresh pages, which made decoding 40× slower (200 ms for 36 MB).
 */
const PARSE_BYTES = 96 * 1024

/**
 * The slow path, taken only when the fast one refused a record (invalid, or its id seen before):
 * reads the file line by line and throws the error naming the first bad or repeated record with
 * its line. Throws LineFormatBroken when the records are not one per line after all.
 */
async function explainRefusal(path: string): Promise<never> {
  const data = { ...emptyCollections() } as ProjectData
  let list: string | undefined
  let error: Error | undefined
  await readLines(path, (raw, n) => {
    const start = LIST_START.exec(raw)
    if (start) list = start[1]
    else if (raw.startsWith(']')) list = undefined
    else if (list && list !== 'history') {
      try {
        const value = parseRecordJson(raw.endsWith(',') ? raw.slice(0, -1) : raw) as { id?: unknown } | null
        const c = list as CollectionName
        if (typeof value?.id === 'string' && own(data[c], value.id)) {
          throw new MarginaliaError('invalid-file', `${path} line ${n}: ${c} ${JSON.stringify(value.id)} appears twice`)
        }
        checkRecord(path, n, data, c, value)
      } catch (err) {
        error = err instanceof SyntaxError ? new LineFormatBroken() : (err as Error)
        return STOP
      }
    }
  })
  throw error ?? new LineFormatBroken()
}

const own = (records: object, id: string) => Object.prototype.hasOwnProperty.call(records, id)

/**
 * Adds validated records to their collection's map by id. Done once the whole file is parsed, not
 * run by run: by then the scavenger has moved the records and their id strings to the old generation,
 * where V8 internalises a string key in place instead of copying it (A/B at 100,000 records, in one
 * process: 1.22× instead of 1.54× a bare JSON.parse; docs/storage.md). A repeated id is caught by the
 * lookup before each insert. Records are objects, so a present one is never undefined.
 */
function addToMap(records: Record<string, unknown>, runs: unknown[][]): void {
  for (const values of runs) {
    for (const v of values) {
      const id = (v as { id: unknown }).id
      if (typeof id !== 'string' || id === '' || records[id] !== undefined) throw new RecordRefused()
      records[id] = v
    }
  }
}

/**
 * Reads the layout above. The record lines of each chunk are parsed where they lie in the read
 * buffer, as one JSON array (`parseLinesAsArray`), and every record is validated by the compiled
 * check of its collection as it arrives; they go into the id maps once all are parsed (`addToMap`).
 * Anything that does not fit the layout (a record spread over lines, a stray member) throws
 * LineFormatBroken, and the caller parses the whole file instead.
 */
async function readLineFormat(path: string): Promise<LoadedSnapshot> {
  const data = { ...emptyCollections() } as ProjectData
  const history: unknown[] = []
  // Each collection's parsed runs, validated, waiting to be added to its map once the whole file is read.
  const runs = new Map<CollectionName, unknown[][]>()
  let meta: LoadedSnapshot['meta'] | undefined
  let list: CollectionName | 'history' | undefined
  let header = true
  const addRecords = (c: CollectionName | 'history', values: unknown[], text: string) => {
    const suspicious = mayHoldDangerousKeys(text)
    if (c === 'history') {
      for (const v of values) history.push(suspicious ? stripDangerousKeys(v) : v)
      return
    }
    const valid = recordValidator(c)
    for (const v of values) {
      if (suspicious) stripDangerousKeys(v)
      if (!valid(v)) throw new RecordRefused()
    }
    let pending = runs.get(c)
    if (!pending) runs.set(c, (pending = []))
    pending.push(values)
  }
  const bytes = await readLineChunks(path, ({ buf, start, end, final }) => {
    if (final) throw new LineFormatBroken() // the layout ends with a newline after "store"
    let pos = start
    while (pos < end) {
      if (list && buf[pos] !== 0x5d /* ] */) {
        const limit = Math.min(end, pos + PARSE_BYTES)
        // the \n ending the run's last record line: the list's end, else the last line end within the limit
        let last = buf.lastIndexOf(10, limit - 1)
        if (last < pos) last = buf.indexOf(10, pos) // one line longer than the limit
        const close = buf.subarray(pos, Math.min(last + 2, end)).indexOf(LIST_END) // searched within the run only
        if (close >= 0) last = pos + close
        let parsed: { values: unknown[]; text: string }
        try {
          parsed = parseLinesAsArray(buf, pos, last)
        } catch {
          throw new LineFormatBroken()
        }
        addRecords(list, parsed.values, parsed.text)
        pos = last + 1
        continue
      }
      const nl = buf.indexOf(10, pos)
      const raw = buf.toString('utf8', pos, nl)
      pos = nl + 1
      const row = raw.endsWith(',') ? raw.slice(0, -1) : raw
      if (list) {
        if (row !== ']') throw new LineFormatBroken()
        list = undefined
      } else if (header) {
        if (!row.startsWith('{"schemaVersion":')) throw new LineFormatBroken()
        Object.assign(data, checkHeader(path, JSON.parse(row + '}')))
        header = false
      } else if (LIST_START.test(row)) {
        const name = LIST_START.exec(row)![1]
        if (name !== 'history' && !(COLLECTION_NAMES as readonly string[]).includes(name)) throw new LineFormatBroken()
        list = name as CollectionName | 'history'
      } else if (row.startsWith('"store":')) {
        try {
          meta = (JSON.parse(`{${row}`) as { store: LoadedSnapshot['meta'] }).store
        } catch {
          throw new LineFormatBroken()
        }
        return STOP
      } else throw new LineFormatBroken()
    }
    return pos
  })
  if (!meta || typeof meta.seq !== 'number' || typeof meta.stateHash !== 'string') throw new LineFormatBroken()
  for (const [c, pending] of runs) addToMap(data[c] as Record<string, unknown>, pending)
  return { data, meta: { seq: meta.seq, stateHash: meta.stateHash }, history: checkHistory(history), bytes, formatVersion: 2 }
}

async function readAnyJson(path: string): Promise<LoadedSnapshot> {
  const buffer = await storeFs.readFile(path)
  const text = buffer.toString('utf8')
  let parsed: unknown
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (err) {
    throw new MarginaliaError('invalid-file', `${path}: not valid JSON (${(err as Error).message})`)
  }
  return { ...fromWholeJson(path, parsed), bytes: buffer.length }
}

async function readSnapshotFile(path: string): Promise<LoadedSnapshot> {
  try {
    try {
      return await readLineFormat(path)
    } catch (err) {
      if (err instanceof RecordRefused) await explainRefusal(path)
      throw err
    }
  } catch (err) {
    if (err instanceof LineFormatBroken || err instanceof SyntaxError) return readAnyJson(path)
    throw err
  }
}

/** Buffers output and writes it in chunks of about 1 MiB, hashing as it goes. */
class ChunkWriter {
  private parts: string[] = []
  private size = 0
  readonly file: Hash = createHash('sha256')
  bytes = 0
  constructor(private readonly write: (chunk: string) => Promise<void>) {}
  async add(text: string, state?: Hash): Promise<void> {
    state?.update(text)
    this.parts.push(text)
    this.size += text.length
    if (this.size >= CHUNK_BYTES) await this.flush()
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return
    const chunk = this.parts.join('')
    this.parts = []
    this.size = 0
    this.file.update(chunk)
    this.bytes += Buffer.byteLength(chunk)
    await this.write(chunk)
  }
}

async function writeSnapshot(dir: string, snap: SnapshotToWrite): Promise<WrittenSnapshot> {
  let result: WrittenSnapshot | undefined
  await replaceFile(join(dir, PROJECT_FILE), async (handle) => {
    const out = new ChunkWriter((chunk) => storeFs.write(handle, chunk))
    const state = createHash('sha256')
    await out.add(`{"schemaVersion":${JSON.stringify(snap.data.schemaVersion)},"project":${JSON.stringify(snap.data.project)},\n`, state)
    for (const c of COLLECTION_NAMES) {
      await out.add(`"${c}":[\n`, state)
      let first = true
      for (const record of Object.values(snap.data[c])) {
        await out.add(`${first ? '' : ',\n'}${JSON.stringify(record)}`, state)
        first = false
      }
      await out.add(first ? '],\n' : '\n],\n', state)
    }
    await out.add('"history":[\n')
    for (const [i, e] of snap.history.entries()) await out.add(`${i ? ',\n' : ''}${JSON.stringify(e)}`)
    const stateHash = state.digest('hex')
    await out.add(`${snap.history.length ? '\n' : ''}],\n"store":${JSON.stringify({ seq: snap.seq, stateHash })}}\n`)
    await out.flush()
    result = { seq: snap.seq, stateHash, fileHash: out.file.digest('hex'), bytes: out.bytes }
  })
  return result!
}

export const jsonLinesLayout: SnapshotLayout = {
  file: (dir) => join(dir, PROJECT_FILE),
  read: (dir) => readSnapshotFile(join(dir, PROJECT_FILE)),
  readFile: readSnapshotFile,
  write: writeSnapshot
}

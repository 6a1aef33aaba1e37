/**
 * The snapshot layout of today: one `project.json`, valid JSON, one record per line:
 *
 *   {"schemaVersion":2,"project":{…},
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
import type { StoredEdit } from './history'
import { readChunks, readLines, STOP } from './line-reader'
import { parseRecordJson, stripDangerousKeys } from './record-json'
import { checkHistory, checkHeader, checkRecord, fromWholeJson } from './snapshot-checks'
import type { LoadedSnapshot, SnapshotLayout, SnapshotToWrite, WrittenSnapshot } from './snapshot-layout'
import { storeFs } from './store-fs'

export const PROJECT_FILE = 'project.json'
const CHUNK_BYTES = 1 << 20
const LIST_START = /^"([A-Za-z]+)":\[$/

class LineFormatBroken extends Error {}

/** Names the first id that appears twice in a collection (the slow path, only when counts disagree). */
async function duplicateError(path: string, collection: CollectionName): Promise<MarginaliaError> {
  const seen = new Set<string>()
  let list: string | undefined
  let found: { id: string; line: number } | undefined
  await readLines(path, (raw, n) => {
    const start = LIST_START.exec(raw)
    if (start) list = start[1]
    else if (raw.startsWith(']')) list = undefined
    else if (list === collection) {
      const id = (parseRecordJson(raw.endsWith(',') ? raw.slice(0, -1) : raw) as { id: string }).id
      if (seen.has(id)) return (found = { id, line: n }), STOP
      seen.add(id)
    }
  })
  return new MarginaliaError('invalid-file', `${path} line ${found?.line}: ${collection} ${JSON.stringify(found?.id)} appears twice`)
}

/** Number of lines of `text` (one more than its `\n`s). */
function lineCount(text: string): number {
  let n = 1
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/**
 * Reads the layout above. The lines of a list (one record each) are parsed a chunk at a time as one
 * JSON array — as fast as a bare JSON.parse — and every record is validated as it arrives. Anything
 * that does not fit the layout (a record spread over lines, a stray member) throws LineFormatBroken,
 * and the caller parses the whole file instead.
 */
async function readLineFormat(path: string): Promise<LoadedSnapshot> {
  const data = { ...emptyCollections() } as ProjectData
  const counts = new Map<CollectionName, number>()
  const history: StoredEdit[] = []
  let meta: LoadedSnapshot['meta'] | undefined
  let list: CollectionName | 'history' | undefined
  let line = 0 // lines consumed so far
  const bytes = await readChunks(path, (text, final) => {
    let pos = 0
    const need = () => {
      if (final) throw new LineFormatBroken()
      return pos
    }
    for (;;) {
      if (list && text.charCodeAt(pos) !== 93 /* ] */) {
        const end = text.indexOf('\n]', pos)
        const stop = end >= 0 ? end : text.lastIndexOf('\n')
        if (stop < pos) return need()
        let body = text.slice(pos, stop)
        if (body.endsWith(',')) body = body.slice(0, -1)
        let values: unknown[]
        try {
          values = JSON.parse(`[${body}]`) as unknown[]
        } catch {
          throw new LineFormatBroken()
        }
        if (values.length !== lineCount(body)) throw new LineFormatBroken()
        const suspicious = body.includes('__proto__') || body.includes('constructor') || body.includes('prototype')
        for (const value of values) {
          line++
          if (suspicious) stripDangerousKeys(value)
          if (list === 'history') history.push(value as StoredEdit)
          else checkRecord(path, line, data, list, value)
        }
        if (list !== 'history') counts.set(list, (counts.get(list) ?? 0) + values.length)
        pos = stop + 1
        continue
      }
      const nl = text.indexOf('\n', pos)
      if (nl < 0) return need()
      const raw = text.slice(pos, nl)
      pos = nl + 1
      line++
      const row = raw.endsWith(',') ? raw.slice(0, -1) : raw
      if (list) {
        if (row !== ']') throw new LineFormatBroken()
        list = undefined
      } else if (line === 1) {
        if (!row.startsWith('{"schemaVersion":')) throw new LineFormatBroken()
        Object.assign(data, checkHeader(path, JSON.parse(row + '}')))
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
  })
  if (!meta || typeof meta.seq !== 'number' || typeof meta.stateHash !== 'string') throw new LineFormatBroken()
  for (const [c, n] of counts) if (Object.keys(data[c]).length !== n) throw await duplicateError(path, c)
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
    return await readLineFormat(path)
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

/**
 * The append-only journal of edits since the last snapshot (`journal.jsonl`). One line per edit:
 *
 *   <16 hex: sha256 of the JSON> <JSON>\n
 *
 * The first line is a header naming the snapshot the entries continue (`baseSeq`, `baseHash`); each
 * later line is one edit, undo, redo or history reset with a sequence number one above the last.
 * An edit is acknowledged only after its line is written and fdatasync'ed, so an acknowledged edit
 * survives a crash; an append that fails is cut off again (ftruncate) before anything else is written.
 * A crash mid-append leaves a last line without `\n` or with a wrong checksum: it is dropped on read,
 * and cut off before the next append. A bad line that is not the last is corruption, never a crash:
 * reading stops with an error naming the line, and nothing is changed.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { CollectionName } from '../../shared/model'
import { COLLECTION_NAMES } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { replaceFile } from './atomic-write'
import { readLines } from './line-reader'
import { parseRecordJson } from './record-json'
import { recordProblem } from './record-schema'
import { type FileHandle, hasCode, storeFs } from './store-fs'

export const JOURNAL_FILE = 'journal.jsonl'

export interface JournalHeader {
  journal: 1
  /** The project's id (project.id): a journal of another project is never replayed. */
  project: string
  /** Snapshot these entries continue: its seq and stateHash. */
  baseSeq: number
  baseHash: string
}

/** One record as an edit left it: `v` null when removed. */
export interface JournalChange {
  c: CollectionName
  id: string
  v: unknown
}

export interface JournalEntry {
  seq: number
  op: 'edit' | 'undo' | 'redo' | 'clear-history'
  label: string
  changes: JournalChange[]
}

export interface JournalContents {
  header: JournalHeader | undefined
  entries: JournalEntry[]
  /** Bytes of the whole lines that checked out (the torn tail, if any, starts here). */
  goodBytes: number
  /** A torn last line was found and dropped. */
  tornTail: boolean
}

const checksum = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 16)

/** The line for `value`, with its checksum and newline. */
export function journalLine(value: JournalHeader | JournalEntry): string {
  const json = JSON.stringify(value)
  return `${checksum(json)} ${json}\n`
}

function entryProblem(e: JournalEntry): string | undefined {
  if (!Number.isInteger(e.seq) || !['edit', 'undo', 'redo', 'clear-history'].includes(e.op) || typeof e.label !== 'string' || !Array.isArray(e.changes)) return 'not a journal entry'
  for (const ch of e.changes) {
    if (!ch || !(COLLECTION_NAMES as readonly string[]).includes(ch.c) || typeof ch.id !== 'string') return 'a change names no collection or id'
    const problem = ch.v === null ? undefined : recordProblem(ch.c, ch.id, ch.v)
    if (problem) return `${ch.c} ${JSON.stringify(ch.id)} is not a valid record: ${problem}`
  }
  return undefined
}

/** Reads and checks the journal in `dir` (absent: empty). Throws `invalid-file` on corruption before the last line. */
export async function readJournal(dir: string): Promise<JournalContents> {
  const path = join(dir, JOURNAL_FILE)
  const out: JournalContents = { header: undefined, entries: [], goodBytes: 0, tornTail: false }
  let bad: number | undefined
  try {
    await readLines(path, (line, n, complete) => {
      if (bad !== undefined) throw new MarginaliaError('invalid-file', `${path} line ${bad}: damaged (not the last line, so not a torn write). ` +
        `Edits before it are intact; move the file aside to open the project without the edits from line ${bad} on, or restore a backup.`)
      const space = line.indexOf(' ')
      const json = line.slice(space + 1)
      let value: JournalHeader | JournalEntry | undefined
      if (complete && space === 16 && checksum(json) === line.slice(0, 16)) {
        try {
          value = parseRecordJson(json) as JournalHeader | JournalEntry
        } catch {
          value = undefined
        }
      }
      if (!value) return void (bad = n)
      if (n === 1) {
        const h = value as JournalHeader
        if (h.journal !== 1 || typeof h.project !== 'string' || typeof h.baseSeq !== 'number' || typeof h.baseHash !== 'string') {
          throw new MarginaliaError('invalid-file', `${path} line 1: not a journal header`)
        }
        out.header = h
      } else {
        const e = value as JournalEntry
        const problem = entryProblem(e)
        if (problem) throw new MarginaliaError('invalid-file', `${path} line ${n}: ${problem}`)
        const expected = (out.entries.at(-1)?.seq ?? e.seq - 1) + 1
        if (e.seq !== expected) throw new MarginaliaError('invalid-file', `${path} line ${n}: edit ${e.seq} follows edit ${expected - 1}`)
        out.entries.push(e)
      }
      out.goodBytes += Buffer.byteLength(line) + 1
    })
  } catch (err) {
    if (hasCode(err, 'ENOENT')) return out
    throw err
  }
  out.tornTail = bad !== undefined
  return out
}

/** Appends entries durably. One instance per open project; calls are serialised by the store. */
export class JournalWriter {
  private handle: FileHandle | undefined
  /** Bytes of whole, durable lines: where the next append goes. */
  length: number
  private needsTruncate = false

  private constructor(readonly dir: string, length: number) {
    this.length = length
  }

  get path(): string {
    return join(this.dir, JOURNAL_FILE)
  }

  /** Starts a new journal (atomically replacing any old one) holding `header` and `lines`. */
  static async start(dir: string, header: JournalHeader, lines: string[] = []): Promise<JournalWriter> {
    const text = journalLine(header) + lines.join('')
    const writer = new JournalWriter(dir, Buffer.byteLength(text))
    await writer.replace(header, lines)
    return writer
  }

  /** Continues an existing journal whose first `goodBytes` checked out (a torn tail is cut off first). */
  static async resume(dir: string, goodBytes: number): Promise<JournalWriter> {
    const writer = new JournalWriter(dir, goodBytes)
    writer.handle = await storeFs.open(writer.path, 'r+')
    const { size } = await writer.handle.stat()
    if (size !== goodBytes) writer.needsTruncate = true
    return writer
  }

  /** Replaces the whole journal with `header` + `lines` (after a compaction). */
  async replace(header: JournalHeader, lines: string[]): Promise<void> {
    const text = journalLine(header) + lines.join('')
    await replaceFile(this.path, async (h) => storeFs.write(h, text))
    await this.handle?.close().catch(() => undefined)
    this.handle = await storeFs.open(this.path, 'r+')
    this.length = Buffer.byteLength(text)
    this.needsTruncate = false
  }

  /** Writes `text` (whole lines) at the end and fdatasyncs; on failure cuts the file back and rethrows. */
  async append(text: string): Promise<void> {
    const handle = this.handle
    if (!handle) throw new MarginaliaError('io', `${this.path} is closed`)
    if (this.needsTruncate) {
      await handle.truncate(this.length)
      await storeFs.datasync(handle)
      this.needsTruncate = false
    }
    try {
      await storeFs.write(handle, text, this.length)
      await storeFs.datasync(handle)
    } catch (err) {
      this.needsTruncate = true
      await handle.truncate(this.length).then(() => (this.needsTruncate = false), () => undefined)
      throw err
    }
    this.length += Buffer.byteLength(text)
  }

  async close(): Promise<void> {
    await this.handle?.close().catch(() => undefined)
    this.handle = undefined
  }
}

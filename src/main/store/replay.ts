/**
 * Turning an opened project into a writable store: journal entries are applied over the snapshot
 * (records and undo history alike), a schema migration is backed up and written, stale temp files
 * are removed, and the journal is resumed (or started afresh when it does not continue the snapshot).
 */
import type { CollectionName, ProjectData } from '../../shared/model'
import { SCHEMA_VERSION } from '../../shared/model'
import { forcedBackup } from './backups'
import { Compactor } from './compactor'
import type { History, RecordChange } from './history'
import { type JournalEntry, type JournalHeader, journalLine, JournalWriter } from './journal'
import { migrate } from './migrations'
import type { OpenedProject } from './open-project'
import { storeFs } from './store-fs'
import { removeStaleTemps } from './temp-cleanup'

/** Applies one journal entry to `data` and `history`, exactly as the live edit did. */
export function applyEntry(data: ProjectData, history: History, entry: JournalEntry): void {
  const records = data as unknown as Record<CollectionName, Record<string, unknown>>
  const changes: RecordChange[] = entry.changes.map((c) => ({ collection: c.c, id: c.id, before: records[c.c][c.id], after: c.v ?? undefined }))
  for (const c of changes) {
    if (c.after === undefined) delete records[c.collection][c.id]
    else records[c.collection][c.id] = c.after
  }
  if (entry.op === 'edit') history.record({ label: entry.label, changes })
  else if (entry.op === 'undo') {
    const edit = history.popUndo()
    if (edit) history.pushRedo(edit)
  } else if (entry.op === 'redo') {
    const edit = history.popRedo()
    if (edit) history.pushUndo(edit)
  } else history.clear()
}

const headerFor = (data: ProjectData, seq: number, hash: string): JournalHeader => ({ journal: 1, project: data.project.id, baseSeq: seq, baseHash: hash })

export async function prepareWritable(opened: OpenedProject, data: ProjectData, history: History, seq: number): Promise<{ journal: JournalWriter; compactor: Compactor }> {
  const { dir, layout, snapshot } = opened
  const removed = await removeStaleTemps(dir, opened.lockedAt)
  if (removed.length) opened.warnings.push(`removed ${removed.length} temp file(s) left by an interrupted write: ${removed.join(', ')}`)
  const migrating = !opened.fresh && snapshot.data.schemaVersion < SCHEMA_VERSION
  if (migrating) {
    // Forced backup of the exact bytes before anything rewrites them; then the migrated state is written at once.
    await forcedBackup(dir, await storeFs.readFile(layout.file(dir)), `before-v${SCHEMA_VERSION}`)
    await migrate(data, { dir })
  }
  const h = opened.journal.header
  const continues = h && h.baseSeq === snapshot.meta.seq && (!snapshot.meta.stateHash || h.baseHash === snapshot.meta.stateHash)
  let journal: JournalWriter
  let snapshotSeq = snapshot.meta.seq
  let snapshotBytes = snapshot.bytes
  if (opened.fresh || migrating || snapshot.formatVersion < 2) {
    const written = await layout.write(dir, { data, seq, history: history.toStored() })
    journal = await JournalWriter.start(dir, headerFor(data, seq, written.stateHash))
    snapshotSeq = seq
    snapshotBytes = written.bytes
  } else if (continues && opened.journal.entries.every((e) => e.seq > snapshot.meta.seq)) {
    journal = await JournalWriter.resume(dir, opened.journal.goodBytes)
  } else {
    // The journal holds entries already in project.json (a compaction was cut short) or none: start it afresh.
    journal = await JournalWriter.start(dir, headerFor(data, snapshot.meta.seq, snapshot.meta.stateHash), opened.journal.entries.map(journalLine))
  }
  const compactor = new Compactor(dir, layout, journal, data.project.id, snapshotSeq, snapshotBytes, opened.warnings)
  return { journal, compactor }
}

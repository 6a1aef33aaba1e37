/**
 * How the compacted state sits on disk. The store reads one snapshot on open, replays the journal
 * over it, and writes a new one when it compacts; nothing else in the store knows the file layout.
 * Today's layout is `json-lines-snapshot.ts` (one project.json, one record per line). A git-friendly
 * layout (one file per document's annotations, records in stable order) plugs in here.
 */
import type { ProjectData } from '../../shared/model'
import type { StoredEdit } from './history'

/** What a snapshot holds besides the records: the journal position it includes. */
export interface SnapshotMeta {
  /** Sequence number of the last journal entry folded into this snapshot (0: none). */
  seq: number
  /** sha256 (hex) of the serialised project header and records (not the undo history); '' if unknown. */
  stateHash: string
}

export interface LoadedSnapshot {
  data: ProjectData
  meta: SnapshotMeta
  /** Undo then redo edits, oldest first (`stack` says which). */
  history: StoredEdit[]
  /** Size on disk, bytes. */
  bytes: number
  /** The exact bytes read came from an older format or schema (a forced backup copies them before any rewrite). */
  formatVersion: number
}

export interface SnapshotToWrite {
  data: Readonly<ProjectData>
  seq: number
  history: readonly StoredEdit[]
}

export interface WrittenSnapshot extends SnapshotMeta {
  /** sha256 (hex) of every byte written, to verify a backup copy against. */
  fileHash: string
  bytes: number
}

export interface SnapshotLayout {
  /** The file a backup copies and `restore` replaces. */
  file(dir: string): string
  /**
   * Reads and validates every record. Throws MarginaliaError('invalid-file', …) naming the file,
   * the collection, the id and the problem; ENOENT passes through.
   */
  read(dir: string): Promise<LoadedSnapshot>
  /** Reads and validates a snapshot stored at another path (a backup). */
  readFile(path: string): Promise<LoadedSnapshot>
  /** Replaces the snapshot atomically (temp file, fsync, rename, fsync the folder), yielding between chunks. */
  write(dir: string, snapshot: SnapshotToWrite): Promise<WrittenSnapshot>
}

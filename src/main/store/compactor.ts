/**
 * Folding the journal into a new snapshot. It runs in the background once the journal passes
 * a quarter of the snapshot's size (at least COMPACT_MIN_BYTES), and on close:
 *  1. once no edit is in flight, take a consistent view (a shallow copy of every collection: records
 *     are replaced on edit, never mutated) at journal position N;
 *  2. write it as the new snapshot (temp file in 1 MiB chunks that yield to the event loop, fsync,
 *     rename, fsync folder) while edits go on being appended to the journal;
 *  3. with appends held for a moment, replace the journal by one continuing snapshot N and holding
 *     only the entries appended since step 1;
 *  4. copy the snapshot to backups/ if its state differs from the newest backup.
 * A crash between 2 and 3 leaves the new snapshot with the old journal, whose entries up to N are
 * skipped on open; a failure anywhere leaves the journal as it was, so nothing is lost.
 */
import { backupAfterCompaction } from './backups'
import type { StoredEdit } from './history'
import type { JournalWriter } from './journal'
import type { ProjectData } from '../../shared/model'
import type { SnapshotLayout } from './snapshot-layout'

/** Journal size (bytes) below which no background compaction starts. */
export const COMPACT_MIN_BYTES = 1 << 20
/** The threshold in force: `MARGINALIA_COMPACT_BYTES` lowers it for tests that exercise compaction. */
const minBytes = () => Number(process.env.MARGINALIA_COMPACT_BYTES) || COMPACT_MIN_BYTES

export interface View {
  data: ProjectData
  seq: number
  history: StoredEdit[]
}

export class Compactor {
  private chain: Promise<unknown> = Promise.resolve()
  private running: Promise<void> | undefined
  /** Lines appended since the running compaction took its view. */
  private since: string[] | undefined

  constructor(
    private readonly dir: string,
    private readonly layout: SnapshotLayout,
    private readonly journal: JournalWriter,
    private readonly projectId: string,
    private snapshotSeq: number,
    private snapshotBytes: number,
    private readonly warnings: string[]
  ) {}

  get file(): string {
    return this.layout.file(this.dir)
  }

  /** Runs `fn` with journal appends and the journal swap mutually excluded. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn)
    this.chain = next.catch(() => undefined)
    return next
  }

  /** Notes lines that were just appended (kept for the new journal if a compaction is running). */
  appended(lines: string[]): void {
    this.since?.push(...lines)
  }

  /** Starts a background compaction if the journal has grown past its threshold. */
  maybeStart(journalBytes: number, view: () => Promise<View>): void {
    if (this.running || journalBytes < Math.max(minBytes(), this.snapshotBytes / 4)) return
    this.running = this.run(view).finally(() => (this.running = undefined))
  }

  private async run(view: () => Promise<View>): Promise<void> {
    try {
      const v = await view()
      if (v.seq === this.snapshotSeq) return
      this.since = []
      const written = await this.layout.write(this.dir, v)
      await this.exclusive(() => this.journal.replace({ journal: 1, project: this.projectId, baseSeq: v.seq, baseHash: written.stateHash }, this.since!))
      this.snapshotSeq = v.seq
      this.snapshotBytes = written.bytes
      this.since = undefined
      await backupAfterCompaction(this.dir, this.layout, written).catch((err: Error) => {
        this.warnings.push(`no backup was made after saving ${this.file}: ${err.message}`)
      })
    } catch (err) {
      this.since = undefined
      this.warnings.push(`could not fold the journal into ${this.file} (${(err as Error).message}); every edit is safe in ${this.journal.path}`)
    }
  }

  /** On close: waits for a running compaction, then folds whatever the journal still holds. */
  async finish(view: () => Promise<View>): Promise<void> {
    await this.running
    await this.run(view)
  }
}

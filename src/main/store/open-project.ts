/**
 * Opening a project folder: lock, read the snapshot (validating every record), migrate, read the
 * journal and check it continues this snapshot. Nothing is written before the state is known to
 * be good, and nothing at all when the project opens read-only (full disk, read-only medium).
 */
import { randomUUID } from 'node:crypto'
import { join, resolve } from 'node:path'
import { type ProjectData, SCHEMA_VERSION } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { newestValidBackup } from './backups'
import { emptyCollections } from './collections'
import { JOURNAL_FILE, type JournalContents, readJournal } from './journal'
import { jsonLinesLayout } from './json-lines-snapshot'
import { acquireProjectLock } from './project-lock'
import type { LoadedSnapshot, SnapshotLayout } from './snapshot-layout'
import { exists, hasCode, storeFs } from './store-fs'

export interface OpenOptions {
  /** Create the folder and an empty project when there is none. */
  create?: boolean
  /** Project name for a new project (defaults to the folder name). */
  name?: string
  /** Open without the write lock and refuse every edit (reads work while another process writes). */
  readOnly?: boolean
}

export interface OpenedProject {
  dir: string
  layout: SnapshotLayout
  snapshot: LoadedSnapshot
  /** No project.json yet: a new project. */
  fresh: boolean
  journal: JournalContents
  /** Why writing is impossible, or undefined. */
  readOnly: string | undefined
  unlock: () => Promise<void>
  lockedAt: number
  warnings: string[]
}

/** Errors that mean "this disk cannot take a write now", which make an open read-only instead of failing. */
const CANNOT_WRITE = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM']

function newProject(name: string): ProjectData {
  return {
    schemaVersion: SCHEMA_VERSION,
    project: { id: `urn:uuid:${randomUUID()}`, name, created: new Date().toISOString() },
    ...emptyCollections()
  }
}

/** Moves a corrupt snapshot aside (never overwritten) and names the newest valid backup. */
async function setAside(dir: string, layout: SnapshotLayout, err: MarginaliaError): Promise<never> {
  const file = layout.file(dir)
  const aside = `${file}.corrupt-${Date.now()}`
  await storeFs.rename(file, aside)
  const backup = await newestValidBackup(dir, layout)
  throw new MarginaliaError('invalid-file', `${err.message}. The file was moved to ${aside}. ` +
    (backup ? `Newest valid backup: ${backup} (restore it with: marginalia restore ${dir})` : 'No valid backup exists.'))
}

/** Keeps only journal entries that continue `snap`; explains and (when writable) moves aside a journal that does not. */
async function fitJournal(dir: string, snap: LoadedSnapshot, journal: JournalContents, writable: boolean, warnings: string[]): Promise<JournalContents> {
  const path = join(dir, JOURNAL_FILE)
  if (journal.tornTail) warnings.push(`${path}: the last line was cut off by a crash while it was written (an edit that was never confirmed); it was dropped`)
  const h = journal.header
  if (!h) return { ...journal, entries: [] }
  const entries = journal.entries.filter((e) => e.seq > snap.meta.seq)
  let why: string | undefined
  if (h.project !== snap.data.project.id) why = 'it belongs to another project'
  else if (h.baseSeq > snap.meta.seq) why = `it continues edit ${h.baseSeq}, but project.json holds edits up to ${snap.meta.seq} (an older backup was restored)`
  else if (h.baseSeq === snap.meta.seq && snap.meta.stateHash && h.baseHash !== snap.meta.stateHash) why = 'it continues another version of project.json'
  else if (entries.length > 0 && entries[0].seq !== snap.meta.seq + 1) why = `its edits start at ${entries[0].seq}, after a gap from ${snap.meta.seq}`
  else if ((journal.entries.at(-1)?.seq ?? h.baseSeq) < snap.meta.seq) why = `it ends at edit ${journal.entries.at(-1)?.seq ?? h.baseSeq}, before project.json's ${snap.meta.seq}`
  if (!why) return { ...journal, entries }
  if (writable) {
    const aside = `${path}.unapplied-${Date.now()}`
    await storeFs.rename(path, aside)
    warnings.push(`${path} was not applied because ${why}; it was moved to ${aside}`)
  } else warnings.push(`${path} was not applied because ${why}`)
  return { header: undefined, entries: [], goodBytes: 0, tornTail: false }
}

export async function openProject(dirPath: string, opts: OpenOptions, layout: SnapshotLayout = jsonLinesLayout): Promise<OpenedProject> {
  const dir = resolve(dirPath)
  const isDir = await storeFs.stat(dir).then((s) => s.isDirectory(), () => false)
  if (!isDir) {
    if (!opts.create) throw new MarginaliaError('not-found', `${dir}: no such project folder`)
    await storeFs.mkdir(dir)
  }
  const file = layout.file(dir)
  const hasFile = await exists(file)
  if (!hasFile && !opts.create) {
    const entries = await storeFs.readdir(dir)
    throw new MarginaliaError('not-found', `${dir}: not a Marginalia project (no ${file.split(/[\\/]/).pop()}${entries.length ? '' : '; the folder is empty'})`)
  }
  let readOnly = opts.readOnly ? 'opened read-only on request' : undefined
  let unlock = async () => undefined as void
  const lockedAt = Date.now()
  if (!readOnly) {
    try {
      await Promise.all(['sources', 'texts', 'backups'].map((d) => storeFs.mkdir(join(dir, d))))
      unlock = await acquireProjectLock(dir)
    } catch (err) {
      if (!hasCode(err, ...CANNOT_WRITE) || !hasFile) throw err
      readOnly = `${dir} cannot be written (${(err as NodeJS.ErrnoException).code}: ${(err as Error).message}); it is open read-only: reading and exporting work, edits are refused`
    }
  }
  try {
    const warnings: string[] = []
    let snapshot: LoadedSnapshot
    if (!hasFile) {
      snapshot = { data: newProject(opts.name ?? dir.split(/[\\/]/).pop() ?? 'Project'), meta: { seq: 0, stateHash: '' }, history: [], bytes: 0, formatVersion: 2 }
    } else {
      try {
        snapshot = await layout.read(dir)
      } catch (err) {
        if (err instanceof MarginaliaError && err.code === 'invalid-file' && !readOnly) await setAside(dir, layout, err)
        throw err
      }
    }
    if (snapshot.data.schemaVersion > SCHEMA_VERSION) {
      throw new MarginaliaError('invalid-file', `${file}: made by a newer Marginalia (schema ${snapshot.data.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Nothing was changed.`)
    }
    const journal = await fitJournal(dir, snapshot, hasFile ? await readJournal(dir) : { header: undefined, entries: [], goodBytes: 0, tornTail: false }, !readOnly, warnings)
    if (readOnly && !opts.readOnly) warnings.push(readOnly)
    return { dir, layout, snapshot, fresh: !hasFile, journal, readOnly, unlock, lockedAt, warnings }
  } catch (err) {
    await unlock()
    throw err
  }
}

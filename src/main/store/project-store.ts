/**
 * The one owner of a project folder (DESIGN.md §4, §6):
 *   project.json          the store (lowdb over DurableJsonAdapter), schemaVersion inside
 *   sources/SHA256.EXT    original bytes of every imported file, never modified
 *   texts/DOCID.txt       each document's normalised text
 *   backups/              rotating, verified copies of project.json
 * Edits are synchronous in memory and serialised to disk; concurrent edits share one write.
 * An edit whose write fails (full disk, I/O error) is rolled back and its caller gets the error.
 */
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir, rename, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import type { CollectionName, ProjectData } from '../../shared/model'
import { SCHEMA_VERSION } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { CodePointIndex } from '../../shared/text/code-points'
import { writeFileAtomic } from './atomic-write'
import { newestValidBackup, writeBackup } from './backups'
import { DurableJsonAdapter } from './durable-json-adapter'
import { type Edit, History, type RecordChange } from './history'
import { migrate } from './migrations'
import { acquireProjectLock } from './project-lock'
import type { ProjectStore, Transaction } from './types'

export const PROJECT_FILE = 'project.json'

/** Names allowed for files under texts/: no separators, so a record can never point outside it. */
const TEXT_FILE_NAME = /^[\w-][\w.-]*\.txt$/

function emptyProject(name: string): ProjectData {
  return {
    schemaVersion: SCHEMA_VERSION,
    project: { id: `urn:uuid:${randomUUID()}`, name, created: new Date().toISOString() },
    documents: {}, annotations: {}, entities: {}, citations: {}, relations: {}, predicates: {}, tags: {},
    rejectedSuggestions: {}
  }
}

export interface OpenOptions {
  /** Create the folder and an empty project when there is none. */
  create?: boolean
  /** Project name for a new project (defaults to the folder name). */
  name?: string
}

export class FileProjectStore implements ProjectStore {
  readonly history = new History()
  private readonly texts = new Map<string, Promise<string>>()
  private readonly indexes = new Map<string, Promise<CodePointIndex>>()
  private pendingWrite: Promise<void> | undefined
  private inflightWrite: Promise<void> | undefined
  private unsaved: Edit[] = []
  private closed = false
  private readonly editListeners = new Set<(edit: Edit) => void>()

  private constructor(
    readonly dir: string,
    private readonly db: Low<ProjectData>,
    private readonly unlock: () => Promise<void>
  ) {}

  get data(): Readonly<ProjectData> {
    return this.db.data
  }

  /** Opens (or with `create`, creates) the project in `dir`, taking its single-writer lock. */
  static async open(dirPath: string, opts: OpenOptions = {}): Promise<FileProjectStore> {
    const dir = resolve(dirPath)
    const exists = await stat(dir).then((s) => s.isDirectory(), () => false)
    if (!exists) {
      if (!opts.create) throw new MarginaliaError('not-found', `${dir}: no such project folder`)
      await mkdir(dir, { recursive: true })
    }
    const file = join(dir, PROJECT_FILE)
    const hasFile = await stat(file).then(() => true, () => false)
    if (!hasFile && !opts.create) {
      const entries = await readdir(dir)
      throw new MarginaliaError('not-found', `${dir}: not a Marginalia project (no ${PROJECT_FILE}${entries.length ? '' : '; the folder is empty'})`)
    }
    await Promise.all(['sources', 'texts', 'backups'].map((d) => mkdir(join(dir, d), { recursive: true })))
    const unlock = await acquireProjectLock(dir)
    try {
      const adapter = new DurableJsonAdapter(file)
      const db = new Low<ProjectData>(adapter, emptyProject(opts.name ?? dir.split(/[\\/]/).pop() ?? 'Project'))
      try {
        await db.read()
      } catch (err) {
        if (err instanceof MarginaliaError && err.code === 'invalid-file') await FileProjectStore.setAside(dir, file, err)
        throw err
      }
      if (db.data.schemaVersion > SCHEMA_VERSION) {
        throw new MarginaliaError('invalid-file', `${file}: made by a newer Marginalia (schema ${db.data.schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Nothing was changed.`)
      }
      const needsMigration = hasFile && db.data.schemaVersion < SCHEMA_VERSION
      if (needsMigration) {
        // Forced backup before any migration, so the old file can always be recovered.
        await writeBackup(dir, adapter.lastReadText ?? '', `before-v${SCHEMA_VERSION}`)
        db.data = migrate(db.data)
      } else if (hasFile && adapter.lastReadText) {
        await writeBackup(dir, adapter.lastReadText) // a verified copy of every opened state
      }
      if (!hasFile || needsMigration) await db.write()
      return new FileProjectStore(dir, db, unlock)
    } catch (err) {
      await unlock()
      throw err
    }
  }

  /** Moves a corrupt project.json aside (never overwritten) and names the newest valid backup. */
  private static async setAside(dir: string, file: string, err: MarginaliaError): Promise<never> {
    const aside = `${file}.corrupt-${Date.now()}`
    await rename(file, aside)
    const backup = await newestValidBackup(dir)
    throw new MarginaliaError(
      'invalid-file',
      `${err.message}. The file was moved to ${aside}. ` +
        (backup ? `Newest valid backup: ${backup} (restore it with: marginalia restore ${dir})` : 'No valid backup exists.')
    )
  }

  transact<T>(label: string, fn: (tx: Transaction) => T): Promise<T> {
    if (this.closed) return Promise.reject(new MarginaliaError('conflict', 'the project is closed'))
    const changes = new Map<string, RecordChange>()
    const data = this.db.data as unknown as Record<string, Record<string, unknown>>
    const tx: Transaction = {
      get: (c, id) => data[c][id] as never,
      put: (c, record) => {
        const id = (record as { id: string }).id
        const key = `${c}\u0000${id}`
        const copy = structuredClone(record)
        if (!changes.has(key)) changes.set(key, { collection: c, id, before: data[c][id], after: copy })
        else changes.get(key)!.after = copy
        data[c][id] = copy
      },
      remove: (c, id) => {
        const key = `${c}\u0000${id}`
        if (!changes.has(key)) changes.set(key, { collection: c, id, before: data[c][id], after: undefined })
        else changes.get(key)!.after = undefined
        delete data[c][id]
      }
    }
    let value: T
    try {
      value = fn(tx)
    } catch (err) {
      this.apply([...changes.values()].reverse(), 'before') // nothing changes
      return Promise.reject(err)
    }
    const edit: Edit = { label, changes: [...changes.values()] }
    if (edit.changes.length === 0) return Promise.resolve(value)
    this.history.record(edit)
    return this.persist(edit).then(() => value)
  }

  /** Puts back the `before` (undo) or `after` (redo) side of changes. */
  private apply(changes: RecordChange[], side: 'before' | 'after'): void {
    const data = this.db.data as unknown as Record<CollectionName, Record<string, unknown>>
    for (const change of changes) {
      const value = change[side]
      if (value === undefined) delete data[change.collection][change.id]
      else data[change.collection][change.id] = value
    }
  }

  async undo(): Promise<Edit | undefined> {
    const edit = this.history.popUndo()
    if (!edit) return undefined
    this.apply([...edit.changes].reverse(), 'before')
    this.history.pushRedo(edit)
    await this.persist({ label: `Undo ${edit.label}`, changes: edit.changes.map((c) => ({ ...c, before: c.after, after: c.before })) })
    return edit
  }

  async redo(): Promise<Edit | undefined> {
    const edit = this.history.popRedo()
    if (!edit) return undefined
    this.apply(edit.changes, 'after')
    this.history.pushUndo(edit)
    await this.persist({ label: `Redo ${edit.label}`, changes: edit.changes })
    return edit
  }

  /** Calls `listener` after every edit (including undo and redo) is applied in memory. */
  onEdit(listener: (edit: Edit) => void): () => void {
    this.editListeners.add(listener)
    return () => this.editListeners.delete(listener)
  }

  /** Resolves once a write containing `edit` is durable; on failure rolls the edit back. */
  private persist(edit: Edit): Promise<void> {
    for (const listener of this.editListeners) listener(edit)
    this.unsaved.push(edit)
    if (!this.pendingWrite) {
      this.pendingWrite = (async () => {
        await this.inflightWrite?.catch(() => undefined)
        this.pendingWrite = undefined
        const included = this.unsaved
        this.unsaved = []
        this.inflightWrite = this.db.write()
        try {
          await this.inflightWrite
        } catch (err) {
          for (const e of [...included].reverse()) {
            this.apply([...e.changes].reverse(), 'before')
            this.history.forget(e)
          }
          throw new MarginaliaError('io', `could not save ${join(this.dir, PROJECT_FILE)}: ${(err as Error).message}. The last change was not applied.`)
        }
      })()
    }
    return this.pendingWrite
  }

  /** The file under texts/ holding a document's current text. */
  private textFileOf(documentId: string): string {
    const doc = this.db.data.documents[documentId]
    if (!doc) throw new MarginaliaError('not-found', `no document ${documentId}`)
    const file = doc.textFile ?? `${documentId}.txt`
    if (!TEXT_FILE_NAME.test(file)) throw new MarginaliaError('invalid-file', `${join(this.dir, PROJECT_FILE)}: document ${documentId} names a bad text file "${file}"`)
    return file
  }

  readText(documentId: string): Promise<string> {
    let file: string
    try {
      file = this.textFileOf(documentId)
    } catch (err) {
      return Promise.reject(err)
    }
    let text = this.texts.get(file)
    if (!text) {
      text = readFile(join(this.dir, 'texts', file), 'utf8')
      text.catch(() => this.texts.delete(file))
      this.texts.set(file, text)
    }
    return text
  }

  textIndex(documentId: string): Promise<CodePointIndex> {
    let file: string
    try {
      file = this.textFileOf(documentId)
    } catch (err) {
      return Promise.reject(err)
    }
    let index = this.indexes.get(file)
    if (!index) {
      index = this.readText(documentId).then((t) => new CodePointIndex(t))
      index.catch(() => this.indexes.delete(file))
      this.indexes.set(file, index)
    }
    return index
  }

  async saveSource(bytes: Uint8Array, ext: string): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const safeExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext.toLowerCase() : ''
    const path = join(this.dir, 'sources', sha256 + safeExt)
    if (!(await stat(path).then(() => true, () => false))) await writeFileAtomic(path, bytes)
    return sha256
  }

  async saveText(documentId: string, text: string, fileName = `${documentId}.txt`): Promise<void> {
    if (!TEXT_FILE_NAME.test(fileName)) throw new MarginaliaError('invalid-argument', `bad text file name ${fileName}`)
    await writeFileAtomic(join(this.dir, 'texts', fileName), text)
    this.texts.set(fileName, Promise.resolve(text))
    this.indexes.delete(fileName)
  }

  /** Waits for pending writes, then releases the lock. */
  async close(): Promise<void> {
    if (this.closed) return
    await this.pendingWrite?.catch(() => undefined)
    await this.inflightWrite?.catch(() => undefined)
    this.closed = true
    await this.unlock()
  }
}

/** Replaces project.json with the newest valid backup (the current file, if any, is kept aside). */
export async function restoreNewestBackup(dirPath: string): Promise<string> {
  const dir = resolve(dirPath)
  const backup = await newestValidBackup(dir)
  if (!backup) throw new MarginaliaError('not-found', `${dir}: no valid backup in backups/`)
  const file = join(dir, PROJECT_FILE)
  if (await stat(file).then(() => true, () => false)) await rename(file, `${file}.replaced-${Date.now()}`)
  await writeFileAtomic(file, await readFile(backup))
  return backup
}

/**
 * Checks of a snapshot's parts as they are read: the header, each record (against the record
 * schema, its id against its key), the saved undo history. Errors name the file, the line when
 * known, the collection and the id, so a historian (or support) can find the bad record.
 */
import { COLLECTION_NAMES, type CollectionName, type ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { emptyCollections } from './collections'
import type { StoredEdit } from './history'
import { stripDangerousKeys } from './record-json'
import { recordProblem } from './record-schema'
import type { LoadedSnapshot } from './snapshot-layout'

const invalid = (message: string) => new MarginaliaError('invalid-file', message)

/** The schemaVersion and project header of a parsed file; throws when missing. */
export function checkHeader(path: string, value: unknown): Pick<ProjectData, 'schemaVersion' | 'project'> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${path}: not a Marginalia project (not a JSON object)`)
  const v = value as Record<string, unknown>
  if (typeof v.schemaVersion !== 'number' || !Number.isInteger(v.schemaVersion)) throw invalid(`${path}: not a Marginalia project (schemaVersion is missing)`)
  const project = v.project as Record<string, unknown> | undefined
  if (!project || typeof project !== 'object' || typeof project.id !== 'string' || typeof project.name !== 'string') {
    throw invalid(`${path}: not a Marginalia project (project header is missing)`)
  }
  return { schemaVersion: v.schemaVersion, project: stripDangerousKeys(project) as ProjectData['project'] }
}

/** Validates `value` as a record of `collection` and adds it; throws naming file, line, collection and id. */
export function checkRecord(path: string, line: number | undefined, data: ProjectData, collection: CollectionName, value: unknown, key?: string): void {
  const where = `${path}${line ? ` line ${line}` : ''}`
  const id = key ?? (value as { id?: unknown } | null)?.id
  if (typeof id !== 'string' || id === '') throw invalid(`${where}: a record of ${collection} has no id`)
  const problem = recordProblem(collection, id, value)
  if (problem) throw invalid(`${where}: ${collection} ${JSON.stringify(id)} is not a valid record: ${problem}`)
  const records = data[collection] as Record<string, unknown>
  if (line === undefined && records[id] !== undefined) throw invalid(`${where}: ${collection} ${JSON.stringify(id)} appears twice`)
  records[id] = value // line by line, duplicates are found by counting afterwards (one lookup less per record)
}

/** Keeps the saved history only if every entry is well formed (it is not the historian's data: a bad one is dropped whole). */
export function checkHistory(entries: unknown[]): StoredEdit[] {
  const ok = entries.every((e) => {
    const s = e as StoredEdit
    return s && (s.stack === 'undo' || s.stack === 'redo') && typeof s.label === 'string' && Array.isArray(s.changes) &&
      s.changes.every((c) => c && COLLECTION_NAMES.includes(c.c) && typeof c.id === 'string' &&
        (c.b === null || recordProblem(c.c, c.id, c.b) === undefined) && (c.a === null || recordProblem(c.c, c.id, c.a) === undefined))
  })
  return ok ? (entries as StoredEdit[]) : []
}

/**
 * A snapshot from any JSON with the store's members: collections as arrays of records (this layout
 * reformatted) or as maps from id to record (schema 1). Unknown top-level members are ignored.
 */
export function fromWholeJson(path: string, parsed: unknown): Omit<LoadedSnapshot, 'bytes'> {
  const data = { ...emptyCollections(), ...checkHeader(path, parsed) } as ProjectData
  const v = parsed as Record<string, unknown>
  for (const c of COLLECTION_NAMES) {
    const records = v[c]
    if (records === undefined) continue // collections added by later versions are created empty
    if (Array.isArray(records)) {
      for (const r of records) checkRecord(path, undefined, data, c, stripDangerousKeys(r))
    } else if (typeof records === 'object' && records !== null) {
      for (const [key, r] of Object.entries(records)) checkRecord(path, undefined, data, c, stripDangerousKeys(r), key)
    } else throw invalid(`${path}: ${c} is not a list of records`)
  }
  const store = v.store as { seq?: unknown; stateHash?: unknown } | undefined
  const meta = { seq: typeof store?.seq === 'number' ? store.seq : 0, stateHash: typeof store?.stateHash === 'string' ? store.stateHash : '' }
  const history = Array.isArray(v.history) ? checkHistory(v.history.map(stripDangerousKeys)) : []
  return { data, meta, history, formatVersion: Array.isArray(v.documents) ? 2 : 1 }
}

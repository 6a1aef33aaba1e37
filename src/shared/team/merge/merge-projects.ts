/**
 * Three-way merge of two historians' projects from their common ancestor (git's merge base), record
 * by record and field by field. Independent edits merge; what cannot be merged is listed as a
 * conflict, and the merged project holds a version of every conflicting record meanwhile (the edited
 * one over a deletion, ours over theirs for differing fields), so nothing is lost before the
 * historian chooses. The result is validated (`problems`) before anyone writes it.
 */
import { COLLECTION_NAMES, type CollectionName, type ProjectData } from '../../model'
import { own, recordMap, sameJson } from '../stable-json'
import { mergedInto } from './entity-merges'
import { mergeRecord } from './merge-record'
import { danglingReferences } from './references'
import { reanchorAcrossReimports } from './reimport'
import type { MergeConflict, MergeInput, MergeResult, Side } from './types'
import { validateProject } from './validate'

type AnyRecord = { id: string }
type Table = Record<string, AnyRecord>

function table(data: ProjectData, c: CollectionName): Table {
  return (data[c] ?? {}) as unknown as Table
}

function conflict(c: CollectionName, id: string, base: unknown, ours: unknown, theirs: unknown, extra: Partial<MergeConflict> & Pick<MergeConflict, 'kind' | 'kept'>): MergeConflict {
  return { key: `${c}/${id}`, collection: c, id, ...(base !== undefined ? { base } : {}), ours: ours ?? null, theirs: theirs ?? null, ...extra }
}

/** Merges one collection; deleted-on-one-side records are decided later (they may be in use). */
function mergeCollection(input: MergeInput, c: CollectionName, conflicts: MergeConflict[], deletions: Map<string, Side>): Table {
  const [b, o, t] = [table(input.base, c), table(input.ours, c), table(input.theirs, c)]
  const entries: [string, AnyRecord][] = []
  const ids = new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])
  for (const id of [...ids].sort()) {
    const [bv, ov, tv] = [own(b, id), own(o, id), own(t, id)]
    if (ov && tv) {
      if (sameJson(ov, tv)) entries.push([id, ov])
      else {
        const m = mergeRecord(bv, ov, tv)
        entries.push([id, m.value])
        if (m.conflicts.length) conflicts.push(conflict(c, id, bv, ov, tv, { kind: bv ? 'edit-edit' : 'add-add', fields: m.conflicts, kept: 'combined' }))
      }
    } else if (ov || tv) {
      const present = (ov ?? tv)!
      const deletedBy: Side = ov ? 'theirs' : 'ours'
      if (!bv) entries.push([id, present]) // created on one side
      else if (sameJson(present, bv)) deletions.set(`${c}/${id}`, deletedBy) // deleted there, untouched here: decided below
      else {
        entries.push([id, present])
        const kind = c === 'entities' && mergedInto(input.base, input[deletedBy], id) ? 'entity-merged' : 'delete-edit'
        const into = kind === 'entity-merged' ? mergedInto(input.base, input[deletedBy], id) : undefined
        conflicts.push(conflict(c, id, bv, ov, tv, { kind, deletedBy, ...(into ? { mergedInto: into } : {}), kept: deletedBy === 'ours' ? 'theirs' : 'ours' }))
      }
    }
    // deleted on both sides: gone
  }
  return recordMap(entries)
}

/**
 * Merges `ours` and `theirs` from `base`. The project header and schema version are ours (a merge of
 * different schema versions is refused: migrate both first).
 * @throws Error when the three projects do not share a schema version.
 */
export function mergeProjects(input: MergeInput): MergeResult {
  const { base, ours, theirs } = input
  if (ours.schemaVersion !== theirs.schemaVersion) throw new Error(`cannot merge projects of schema versions ${ours.schemaVersion} and ${theirs.schemaVersion}: open both with this version first`)
  const conflicts: MergeConflict[] = []
  const deletions = new Map<string, Side>()
  const merged = { schemaVersion: ours.schemaVersion, project: ours.project } as ProjectData
  for (const c of COLLECTION_NAMES) (merged as unknown as Record<string, Table>)[c] = mergeCollection(input, c, conflicts, deletions)

  // A deletion on one side loses to a new use on the other: the record comes back, as a conflict.
  for (let changed = true; changed; ) {
    changed = false
    for (const ref of danglingReferences(merged)) {
      const key = `${ref.to.collection}/${ref.to.id}`
      const deletedBy = deletions.get(key)
      if (!deletedBy) continue
      const c = ref.to.collection
      const bv = own(table(base, c), ref.to.id)!
      Object.defineProperty(merged[c], ref.to.id, { value: bv, enumerable: true, writable: true, configurable: true })
      deletions.delete(key)
      const into = c === 'entities' ? mergedInto(base, input[deletedBy], ref.to.id) : undefined
      conflicts.push(conflict(c, ref.to.id, bv, deletedBy === 'ours' ? null : bv, deletedBy === 'theirs' ? null : bv, {
        kind: into ? 'entity-merged' : 'delete-use', deletedBy, ...(into ? { mergedInto: into } : {}), kept: deletedBy === 'ours' ? 'theirs' : 'ours'
      }))
      changed = true
    }
  }

  const re = reanchorAcrossReimports(base, { ours, theirs }, merged, input.textOf)
  const byKey = new Map(conflicts.map((x) => [x.key, x]))
  for (const x of re.conflicts) if (!byKey.has(x.key)) byKey.set(x.key, x)
  const all = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return { merged, conflicts: all, reanchored: re.reanchored, problems: validateProject(merged) }
}

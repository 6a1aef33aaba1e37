/** Types of the three-way merge of project records (base = common ancestor, ours, theirs). */
import type { CollectionName, DocumentRecord, ProjectData } from '../../model'

export type Side = 'ours' | 'theirs'

/**
 * Why a record could not be merged by itself:
 * - `edit-edit`: the same fields changed differently on both sides (`fields` names them);
 * - `add-add`: both sides created a record with the same id, differently;
 * - `delete-edit`: one side deleted the record, the other changed it (`deletedBy` tells which);
 * - `delete-use`: one side deleted the record, the other made a new link to it;
 * - `entity-merged`: one side merged this entity into `mergedInto`, the other changed it or linked to it;
 * - `reanchored`: the document was re-imported on one side; this annotation, made or changed on the
 *   other side against the old text, moved or could not be found in the new text.
 */
export type ConflictKind = 'edit-edit' | 'add-add' | 'delete-edit' | 'delete-use' | 'entity-merged' | 'reanchored'

export interface MergeConflict {
  /** Stable key: `<collection>/<record id>`. */
  key: string
  collection: CollectionName
  id: string
  kind: ConflictKind
  /** The record in the common ancestor (absent when it was created after it). */
  base?: unknown
  /** Each side's version; `null` when that side deleted it. */
  ours: unknown | null
  theirs: unknown | null
  /** Fields that changed differently (edit-edit, add-add). */
  fields?: string[]
  /** The side that deleted or merged the record away (delete-edit, delete-use, entity-merged). */
  deletedBy?: Side
  /** The surviving entity (entity-merged). */
  mergedInto?: string
  /** For `reanchored`: the anchoring outcome in the new text. */
  anchor?: { status: 'moved' | 'orphaned'; score: number }
  /** What the merged project holds until the conflict is resolved (nothing is dropped meanwhile). */
  kept: Side | 'combined'
}

/** Reads a document's text on one side, or undefined when that side has no text file for it. */
export type TextOf = (side: Side | 'base', doc: DocumentRecord) => string | undefined

export interface MergeInput {
  base: ProjectData
  ours: ProjectData
  theirs: ProjectData
  /** Texts of documents, needed to re-anchor annotations when a document was re-imported on one side. */
  textOf?: TextOf
}

export interface MergeResult {
  /** The merged project: independent edits applied, each conflict holding its `kept` version. */
  merged: ProjectData
  conflicts: MergeConflict[]
  /** Annotations re-anchored into a re-imported text (all of them, conflicting or not). */
  reanchored: { id: string; documentId: string; status: 'anchored' | 'moved' | 'orphaned' }[]
  /** Problems `validateProject` found in `merged` (empty when it may be written). */
  problems: string[]
}

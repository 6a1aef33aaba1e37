/**
 * Team work: agreement between annotators, sync through git, merge conflicts and their resolution,
 * curation, and the history of a record. Credentials for a remote are passed per call and never
 * stored (the UI asks for them; the CLI prompts or reads them from the environment).
 */
import { z } from 'zod'
import type { Annotation, Person } from '../model'
import type { AgreementReport } from '../team/agreement/report'
import type { DisputedSpan } from '../team/curation'
import type { MergeConflict } from '../team/merge/types'
import { method } from './define'
import { id } from './schemas'
import { LIMITS } from '../limits'

export type { AgreementReport, AgreementRow } from '../team/agreement/report'
export type { DisputedSpan } from '../team/curation'
export type { MergeConflict } from '../team/merge/types'

/** One version that changed a record (git commit), newest first. */
export interface RecordVersion {
  commit: string
  author: string
  email: string
  /** ISO 8601 */
  date: string
  message: string
  change: 'added' | 'changed' | 'removed'
  record: unknown | null
  fields: string[]
  annotations?: { added: number; changed: number; removed: number }
}

export interface SyncResult {
  saved?: string
  pulled: 'nothing' | 'fast-forward' | 'merge'
  changedRecords: number
  conflicts: MergeConflict[]
  pushed: boolean
  head?: string
}

const credentials = { username: z.string().max(500).optional(), password: z.string().max(5000).optional() }
const agreementArgs = z.object({ documentId: id, by: z.enum(['tag', 'type']).default('tag'), raters: z.array(z.string().min(1).max(200)).max(50).optional() })

export const teamMethods = {
  /** Cohen's κ, Fleiss' κ, Krippendorff's α and αu between the annotators (authors) of a document. */
  agreement: method<AgreementReport>()(agreementArgs),
  /** The same table as RFC 4180 CSV. */
  agreementCsv: method<{ fileName: string; content: string }>()(agreementArgs),
  /**
   * Writes the CSV into `folder` (absolute): the project's exports/ folder or one the historian chose
   * (the export-folder grant of `writeExport`); any other folder is refused. Returns the file's path.
   */
  writeAgreementCsv: method<{ path: string }>()(agreementArgs.extend({ folder: z.string().min(1).max(LIMITS.path.max) })),
  /** Saves a version, pulls, merges and pushes (`remote` sets the remote; credentials only for this call). */
  syncProject: method<SyncResult>()(z.object({ remote: z.string().max(2000).optional(), message: z.string().max(2000).optional(), ...credentials }), { mutates: true }),
  /** Merges another clone of the project on disk (`path`), from the versions both share. */
  mergeFromFolder: method<SyncResult>()(z.object({ path: z.string().min(1).max(4000) }), { mutates: true }),
  /** Merge conflicts waiting for review. */
  listMergeConflicts: method<MergeConflict[]>()(z.object({})),
  /** Resolves one: ours, theirs, the version the merge kept, or a combined record. Returns those left. */
  resolveMergeConflict: method<MergeConflict[]>()(
    z.object({ key: z.string().min(1).max(500), choice: z.enum(['ours', 'theirs', 'kept', 'combined']), record: z.record(z.string(), z.unknown()).optional() }),
    { mutates: true }
  ),
  /** Passages of a document where annotators disagree, with each one's version. */
  listDisputedSpans: method<DisputedSpan[]>()(z.object({ documentId: id })),
  /** Accepts one annotator's annotation into the curated layer (replacing an overlapping curated one). */
  acceptIntoCuration: method<Annotation>()(z.object({ annotationId: id }), { mutates: true }),
  /** Who this session records as creator and modifier of what it writes. */
  getAuthor: method<Person>()(z.object({})),
  /** Sets the current author (name, optional ORCID iD, checked); `remember` saves it as the installation's default. */
  setAuthor: method<Person>()(z.object({ name: z.string().min(1).max(200), orcid: z.string().max(100).optional(), remember: z.boolean().default(false) })),
  /** Writes the project as the git layout's files into its folder (only changed files); returns their paths. */
  writeGitLayout: method<{ written: string[] }>()(z.object({}), { mutates: true }),
  /** Makes the project hold what the layout's files in its folder say (one undoable edit). */
  readGitLayout: method<{ changed: number }>()(z.object({}), { mutates: true }),
  /** Who changed an annotation or a document, when; without either, every saved version of the project. */
  recordHistory: method<RecordVersion[]>()(z.object({ annotationId: id.optional(), documentId: id.optional() })),
  /** Puts back an annotation, a document with its annotations, or the whole project as in a version. */
  restoreVersion: method<{ changed: number }>()(z.object({ commit: z.string().regex(/^[0-9a-f]{40}$/), annotationId: id.optional(), documentId: id.optional() }), { mutates: true })
}

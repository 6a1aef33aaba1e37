/**
 * Sync of an open project with a git remote: save a version (export the layout, commit), fetch,
 * merge the records three-way from the common ancestor (src/shared/team/merge), apply the result
 * through the store (one undoable edit), commit the merge and push. When records conflict, the merged
 * project (holding a version of each conflicting record) is applied, the conflicts are kept in
 * merge-state.json for review, and nothing is committed or pushed until they are resolved.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { SyncResult } from '../../shared/api/team'
import type { DocumentRecord, ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { mergeProjects } from '../../shared/team/merge/merge-projects'
import { resolveConflict, type Resolution } from '../../shared/team/merge/resolve'
import type { MergeConflict, MergeResult, Side } from '../../shared/team/merge/types'
import { validateProject } from '../../shared/team/merge/validate'
import { writeFileAtomic } from '../store/atomic-write'
import type { ProjectStore } from '../store/types'
import { applyToStore, readLayoutFolder, writeLayoutFolder, writeStoreFileIfMissing } from './layout-folder'
import {
  type AuthCallback, cloneRepo, fetchRemote, fileAt, filesAt, type GitAuthor, git, gitFs, headOid, initRepo, isAncestor, isRepo,
  mergeBase, moveBranch, projectAt, pushRemote, remoteUrl, saveVersion, setRemote, BRANCH
} from './repo'

export const MERGE_STATE = 'merge-state.json'

export interface SyncOptions {
  author: GitAuthor
  /** Message of the version saved before syncing. */
  message?: string
  /** Remote URL to set (kept in .git/config without credentials). */
  remote?: string
  onAuth?: AuthCallback
}

/** What a sync did (the API's SyncResult). */
export type SyncOutcome = SyncResult

interface MergeState {
  /** The remote version merged (absent for a merge of another copy on disk, whose commits are not here). */
  theirs?: string
  conflicts: MergeConflict[]
}

/** Clones `url` into `dir` (which must not exist) and creates the store file from the layout. */
export async function cloneProject(dir: string, url: string, onAuth?: AuthCallback): Promise<ProjectData> {
  if (await stat(dir).then(() => true, () => false)) throw new MarginaliaError('conflict', `${dir} exists already; sync it instead of cloning into it`)
  await cloneRepo(dir, url, onAuth)
  const data = await readLayoutFolder(dir)
  await Promise.all(['texts', 'sources', 'backups'].map((d) => mkdir(join(dir, d), { recursive: true })))
  await writeStoreFileIfMissing(dir, data)
  return data
}

async function readState(dir: string): Promise<MergeState | undefined> {
  const text = await readFile(join(dir, MERGE_STATE), 'utf8').catch(() => undefined)
  return text === undefined ? undefined : (JSON.parse(text) as MergeState)
}

/** Writes files of commit `oid` under texts/ and sources/ that the work tree lacks (new imports). */
async function bringFiles(dir: string, oid: string): Promise<void> {
  for (const p of await filesAt(dir, oid)) {
    if (!p.startsWith('texts/') && !p.startsWith('sources/')) continue
    const path = join(dir, p)
    if (await stat(path).then(() => true, () => false)) continue
    const { blob } = await git.readBlob({ fs: gitFs, dir, oid, filepath: p })
    await mkdir(dirname(path), { recursive: true })
    await writeFileAtomic(path, blob)
  }
}

async function textsAt(dir: string, oids: Record<Side | 'base', string>): Promise<(side: Side | 'base', doc: DocumentRecord) => string | undefined> {
  const cache = new Map<string, string | undefined>()
  for (const [side, oid] of Object.entries(oids)) {
    for (const p of (await filesAt(dir, oid)).filter((x) => x.startsWith('texts/'))) cache.set(`${side}\u0000${p}`, await fileAt(dir, oid, p))
  }
  return (side, doc) => cache.get(`${side}\u0000texts/${doc.textFile ?? `${doc.id}.txt`}`)
}

/** Saves a version, pulls and merges, and pushes when nothing conflicts. */
export async function syncProject(store: ProjectStore, opts: SyncOptions): Promise<SyncOutcome> {
  const dir = store.dir
  if (!(await isRepo(dir))) await initRepo(dir)
  if (opts.remote) await setRemote(dir, opts.remote)
  const pending = await readState(dir)
  if (pending?.conflicts.length) throw new MarginaliaError('conflict', `${pending.conflicts.length} merge conflict(s) wait for review (${pending.conflicts.slice(0, 3).map((c) => c.key).join(', ')}…): resolve them first`)
  await writeLayoutFolder(dir, store.data)
  const parents = pending?.theirs ? [(await headOid(dir))!, pending.theirs] : undefined
  const saved = await saveVersion(dir, pending ? `Merge ${pending.theirs?.slice(0, 7) ?? 'reviewed'}` : opts.message ?? 'Save version', opts.author, parents)
  if (pending) await rm(join(dir, MERGE_STATE), { force: true })
  const outcome: SyncOutcome = { saved, pulled: 'nothing', changedRecords: 0, conflicts: [], pushed: false }
  if (!(await remoteUrl(dir))) return { ...outcome, head: await headOid(dir) }
  const theirs = await fetchRemote(dir, opts.onAuth).catch((err: Error & { code?: string }) => {
    if (err.code === 'NotFoundError' || /Could not find|couldn't find|not found/i.test(err.message)) return undefined // empty remote
    throw err
  })
  const ours = await headOid(dir)
  if (theirs && ours && !(await isAncestor(dir, theirs, ours))) {
    if (await isAncestor(dir, ours, theirs)) {
      await moveBranch(dir, theirs)
      await git.checkout({ fs: gitFs, dir, ref: BRANCH, force: true })
      outcome.changedRecords = await applyToStore(store, await readLayoutFolder(dir), `Sync: update from ${theirs.slice(0, 7)}`)
      outcome.pulled = 'fast-forward'
    } else {
      const base = await mergeBase(dir, ours, theirs)
      if (!base) throw new MarginaliaError('conflict', 'the remote has no history in common with this project')
      const result = mergeProjects({ base: await projectAt(dir, base), ours: await projectAt(dir, ours), theirs: await projectAt(dir, theirs), textOf: await textsAt(dir, { base, ours, theirs }) })
      if (result.problems.length) throw new MarginaliaError('invalid-file', `the merged project would be invalid, nothing was changed: ${result.problems.slice(0, 3).join('; ')}`)
      await bringFiles(dir, theirs)
      outcome.changedRecords = await applyToStore(store, result.merged, `Sync: merge ${theirs.slice(0, 7)}`)
      await writeLayoutFolder(dir, store.data)
      outcome.pulled = 'merge'
      outcome.conflicts = result.conflicts
      if (result.conflicts.length) {
        await writeFileAtomic(join(dir, MERGE_STATE), JSON.stringify({ theirs, conflicts: result.conflicts } satisfies MergeState))
        return { ...outcome, head: ours }
      }
      await saveVersion(dir, `Merge ${theirs.slice(0, 7)}`, opts.author, [ours, theirs])
    }
  }
  if (theirs !== (await headOid(dir))) {
    await pushRemote(dir, opts.onAuth)
    outcome.pushed = true
  }
  return { ...outcome, head: await headOid(dir) }
}

/** The conflicts waiting for review after a merge (empty when none). */
export async function pendingConflicts(dir: string): Promise<MergeConflict[]> {
  return (await readState(dir))?.conflicts ?? []
}

/** Resolves one waiting conflict in the open store (one undoable edit); returns those left. */
export async function resolvePending(store: ProjectStore, key: string, resolution: Resolution, now: string): Promise<MergeConflict[]> {
  const state = await readState(store.dir)
  if (!state) throw new MarginaliaError('not-found', 'no merge is waiting for review')
  const current: MergeResult = { merged: store.data as ProjectData, conflicts: state.conflicts, reanchored: [], problems: validateProject(store.data as ProjectData) }
  let next: MergeResult
  try {
    next = resolveConflict(current, key, resolution, now)
  } catch (err) {
    throw new MarginaliaError('invalid-argument', (err as Error).message)
  }
  await applyToStore(store, next.merged, `Resolve ${key}`)
  await writeFileAtomic(join(store.dir, MERGE_STATE), JSON.stringify({ ...state, conflicts: next.conflicts } satisfies MergeState))
  return next.conflicts
}

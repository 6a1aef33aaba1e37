/**
 * Merging another clone of the project found on disk (`merge DIR --theirs PATH`): a colleague's copy
 * on a shared drive or USB stick. The common ancestor is the newest version both histories share;
 * the other clone's work is merged three-way like a pull, and its new texts and sources are copied.
 * Its commits are not copied, so the merge is recorded as a version of this project only.
 */
import { copyFile, mkdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { DocumentRecord } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { mergeProjects } from '../../shared/team/merge/merge-projects'
import type { MergeConflict, Side } from '../../shared/team/merge/types'
import { writeFileAtomic } from '../store/atomic-write'
import type { ProjectStore } from '../store/types'
import { applyToStore, writeLayoutFolder } from './layout-folder'
import { fileAt, filesAt, git, type GitAuthor, gitFs, headOid, initRepo, isRepo, projectAt, saveVersion } from './repo'
import { MERGE_STATE } from './sync'

export interface FolderMergeOutcome {
  base: string
  theirs: string
  changedRecords: number
  conflicts: MergeConflict[]
  /** The version recording the merge (undefined while conflicts wait for review). */
  saved?: string
}

async function history(dir: string): Promise<string[]> {
  return (await git.log({ fs: gitFs, dir, ref: 'HEAD', depth: 100_000 }).catch(() => [])).map((c) => c.oid)
}

export async function mergeFolder(store: ProjectStore, otherDir: string, author: GitAuthor): Promise<FolderMergeOutcome> {
  const dir = store.dir
  if (!(await isRepo(otherDir))) throw new MarginaliaError('invalid-argument', `${otherDir}: not a git clone of a Marginalia project (no .git)`)
  if (!(await isRepo(dir))) await initRepo(dir)
  await writeLayoutFolder(dir, store.data)
  await saveVersion(dir, 'Save version before merging another copy', author)
  const ours = await headOid(dir)
  const theirs = await headOid(otherDir)
  if (!ours || !theirs) throw new MarginaliaError('invalid-argument', `${ours ? otherDir : dir}: no saved version yet`)
  const mine = new Set(await history(dir))
  const base = (await history(otherDir)).find((oid) => mine.has(oid))
  if (!base) throw new MarginaliaError('conflict', `${otherDir} shares no history with ${dir}: they are not copies of one project`)
  const read = (side: Side | 'base') => (side === 'theirs' ? otherDir : dir)
  const oid = { base, ours, theirs }
  const texts = new Map<string, string | undefined>()
  for (const side of ['base', 'ours', 'theirs'] as const) {
    for (const p of (await filesAt(read(side), oid[side])).filter((x) => x.startsWith('texts/'))) texts.set(`${side}\u0000${p}`, await fileAt(read(side), oid[side], p))
  }
  const result = mergeProjects({
    base: await projectAt(dir, base), ours: await projectAt(dir, ours), theirs: await projectAt(otherDir, theirs),
    textOf: (side, doc: DocumentRecord) => texts.get(`${side}\u0000texts/${doc.textFile ?? `${doc.id}.txt`}`)
  })
  if (result.problems.length) throw new MarginaliaError('invalid-file', `the merged project would be invalid, nothing was changed: ${result.problems.slice(0, 3).join('; ')}`)
  for (const p of await filesAt(otherDir, theirs)) {
    if (!p.startsWith('texts/') && !p.startsWith('sources/')) continue
    const target = join(dir, p)
    if (await stat(target).then(() => true, () => false)) continue
    await mkdir(dirname(target), { recursive: true })
    await copyFile(join(otherDir, p), target)
  }
  const changedRecords = await applyToStore(store, result.merged, `Merge work from ${otherDir}`)
  await writeLayoutFolder(dir, store.data)
  if (result.conflicts.length) {
    await writeFileAtomic(join(dir, MERGE_STATE), JSON.stringify({ conflicts: result.conflicts }))
    return { base, theirs, changedRecords, conflicts: result.conflicts }
  }
  const saved = await saveVersion(dir, `Merge work from ${otherDir} (${theirs.slice(0, 7)})`, author)
  return { base, theirs, changedRecords, conflicts: [], saved }
}

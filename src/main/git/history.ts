/**
 * "Who changed this, when": the history of one annotation or document read from the layout's
 * per-record lines in each saved version, and restoring a record, a document or the whole project
 * as it was in a version (through the store: one undoable edit).
 */
import { mkdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { RecordVersion } from '../../shared/api/team'
import type { Annotation, ProjectData } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { annotationFileOf, ANNOTATIONS_DIR, COLLECTION_FILES } from '../../shared/team/layout/file-names'
import { own, recordMap, sameJson } from '../../shared/team/stable-json'
import { writeFileAtomic } from '../store/atomic-write'
import type { ProjectStore } from '../store/types'
import { applyToStore } from './layout-folder'
import { fileAt, filesAt, git, gitFs, projectAt } from './repo'

export type HistoryTarget = { annotationId: string } | { documentId: string }

/** One version that changed a record, as the API returns it. */
export type HistoryEntry = RecordVersion

/** Records of a JSON Lines file by id. */
function parse(content: string | undefined): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>()
  for (const line of (content ?? '').split('\n')) {
    if (!line.trim()) continue
    const r = JSON.parse(line) as Record<string, unknown>
    out.set(r.id as string, r)
  }
  return out
}

function changedFields(before: Record<string, unknown> | undefined, after: Record<string, unknown> | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...keys].filter((k) => !sameJson(before?.[k], after?.[k])).sort()
}

/** The file that holds the annotation in some version (newest first), or undefined. */
async function annotationFile(dir: string, commits: string[], id: string): Promise<string | undefined> {
  const needle = `"id":${JSON.stringify(id)}`
  for (const oid of commits) {
    for (const p of (await filesAt(dir, oid)).filter((x) => x.startsWith(`${ANNOTATIONS_DIR}/`))) {
      const content = await fileAt(dir, oid, p)
      if (content?.includes(needle) && parse(content).has(id)) return p
    }
  }
  return undefined
}

/** The versions that changed the target, newest first, from at most `depth` versions back. */
export async function recordHistory(dir: string, target: HistoryTarget, depth = 500): Promise<HistoryEntry[]> {
  const log = await git.log({ fs: gitFs, dir, ref: 'HEAD', depth }).catch(() => [])
  if (log.length === 0) return []
  const isDoc = 'documentId' in target
  const id = isDoc ? target.documentId : target.annotationId
  const path = isDoc ? COLLECTION_FILES.documents : await annotationFile(dir, log.map((c) => c.oid), id)
  if (!path) throw new MarginaliaError('not-found', `annotation ${id} is in no saved version`)
  const cache = new Map<string, Map<string, Record<string, unknown>>>()
  const at = async (oid: string | undefined, file: string) => {
    if (!oid) return new Map<string, Record<string, unknown>>()
    const key = `${oid}\u0000${file}`
    if (!cache.has(key)) cache.set(key, parse(await fileAt(dir, oid, file)))
    return cache.get(key)!
  }
  const entries: HistoryEntry[] = []
  for (const c of log) {
    const parents = c.commit.parent
    const now = (await at(c.oid, path)).get(id)
    const befores = parents.length ? await Promise.all(parents.map(async (p) => (await at(p, path)).get(id))) : [undefined]
    const recordChanged = !befores.some((b) => sameJson(b, now))
    const before = befores[0]
    let annotations: HistoryEntry['annotations']
    if (isDoc && parents.length <= 1) {
      // A document's history also counts its annotations' changes (merges are judged by the record alone).
      const file = annotationFileOf(id)
      const [after, prior] = [await at(c.oid, file), await at(parents[0], file)]
      annotations = { added: 0, changed: 0, removed: 0 }
      for (const [k, v] of after) {
        if (!prior.has(k)) annotations.added++
        else if (!sameJson(prior.get(k), v)) annotations.changed++
      }
      for (const k of prior.keys()) if (!after.has(k)) annotations.removed++
    }
    const touched = annotations ? annotations.added + annotations.changed + annotations.removed > 0 : false
    if (!recordChanged && !touched) continue
    if (!now && !before) continue
    entries.push({
      commit: c.oid, author: c.commit.author.name, email: c.commit.author.email,
      date: new Date(c.commit.author.timestamp * 1000).toISOString(), message: c.commit.message.trim(),
      change: !before ? 'added' : !now ? 'removed' : 'changed', record: now ?? null, fields: changedFields(before, now),
      ...(annotations ? { annotations } : {})
    })
  }
  return entries
}

/** Every saved version of the project, newest first (record null, no fields). */
export async function projectVersions(dir: string, depth = 500): Promise<HistoryEntry[]> {
  const log = await git.log({ fs: gitFs, dir, ref: 'HEAD', depth }).catch(() => [])
  return log.map((c) => ({
    commit: c.oid, author: c.commit.author.name, email: c.commit.author.email, date: new Date(c.commit.author.timestamp * 1000).toISOString(),
    message: c.commit.message.trim(), change: c.commit.parent.length ? 'changed' : 'added', record: null, fields: []
  }))
}

/** Writes the text files `data`'s documents need that the work tree lacks, from version `oid`. */
async function bringTexts(dir: string, oid: string, data: ProjectData): Promise<void> {
  for (const doc of Object.values(data.documents)) {
    const file = `texts/${doc.textFile ?? `${doc.id}.txt`}`
    const path = join(dir, file)
    if (await stat(path).then(() => true, () => false)) continue
    const content = await fileAt(dir, oid, file)
    if (content === undefined) throw new MarginaliaError('not-found', `${file} is not in version ${oid.slice(0, 7)}`)
    await mkdir(dirname(path), { recursive: true })
    await writeFileAtomic(path, content)
  }
}

/**
 * Puts back, in the open store, the target (an annotation; a document with its annotations) or the
 * whole project as it was in version `oid`; one undoable edit. Returns how many records changed.
 */
export async function restoreVersion(store: ProjectStore, oid: string, target?: HistoryTarget): Promise<number> {
  const then = await projectAt(store.dir, oid)
  const next = structuredClone(store.data) as ProjectData
  if (!target) return (await bringTexts(store.dir, oid, then), applyToStore(store, then, `Restore version ${oid.slice(0, 7)}`))
  if ('annotationId' in target) {
    const old = own(then.annotations, target.annotationId)
    const rest = Object.entries(next.annotations).filter(([k]) => k !== target.annotationId)
    next.annotations = recordMap<Annotation>(old ? [...rest, [target.annotationId, old]] : rest)
  } else {
    const doc = own(then.documents, target.documentId)
    if (!doc) throw new MarginaliaError('not-found', `document ${target.documentId} is not in version ${oid.slice(0, 7)}`)
    const keep = Object.entries(next.annotations).filter(([, a]) => a.documentId !== target.documentId)
    const old = Object.entries(then.annotations).filter(([, a]) => a.documentId === target.documentId)
    next.annotations = recordMap([...keep, ...old])
    next.documents = recordMap([...Object.entries(next.documents).filter(([k]) => k !== doc.id), [doc.id, doc]])
    await bringTexts(store.dir, oid, { ...then, documents: recordMap([[doc.id, doc]]) })
  }
  return applyToStore(store, next, `Restore ${'annotationId' in target ? target.annotationId : target.documentId} from ${oid.slice(0, 7)}`)
}

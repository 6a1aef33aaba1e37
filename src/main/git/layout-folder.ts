/**
 * The git layout on disk, beside the store: writes the layout's files into the project folder
 * (atomically, only those whose content changed; stale annotation files removed), reads them back,
 * and applies a whole project to the open store as one undoable edit. Until the store writes the
 * layout itself, sync exports it before each commit and applies merged data through the store.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { COLLECTION_NAMES, type ProjectData } from '../../shared/model'
import { decodeLayout, encodeLayout } from '../../shared/team/layout/codec'
import { liftLegacyLayout } from '../../shared/team/legacy-authorship'
import { ANNOTATIONS_DIR, COLLECTION_FILES, HEADER_FILE } from '../../shared/team/layout/file-names'
import { own, sameJson } from '../../shared/team/stable-json'
import type { ProjectStore } from '../store/types'
import { writeFileAtomic } from '../store/atomic-write'

/** What git must not carry: the single-file store, its backups and lock, temp files, merge state. */
export const GITIGNORE = ['project.json', 'project.json.*', 'backups/', '.marginalia.lock', '*.tmp', 'merge-state.json', ''].join('\n')

async function readOrNull(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch(() => null)
}

/** Every layout path present in `dir` (header, collection files, annotation files). */
export async function layoutPaths(dir: string): Promise<string[]> {
  const annotationFiles = await readdir(join(dir, ANNOTATIONS_DIR)).catch(() => [] as string[])
  return [HEADER_FILE, ...Object.values(COLLECTION_FILES), ...annotationFiles.filter((f) => f.endsWith('.jsonl')).map((f) => `${ANNOTATIONS_DIR}/${f}`)]
}

/** Writes `data` as the layout into `dir`; returns the paths written or removed. */
export async function writeLayoutFolder(dir: string, data: ProjectData): Promise<string[]> {
  const files = encodeLayout(data)
  const wanted = new Set(files.map((f) => f.path))
  const touched: string[] = []
  await mkdir(join(dir, ANNOTATIONS_DIR), { recursive: true })
  for (const f of files) {
    const path = join(dir, f.path)
    if ((await readOrNull(path)) === f.content) continue
    await mkdir(dirname(path), { recursive: true })
    await writeFileAtomic(path, f.content)
    touched.push(f.path)
  }
  for (const p of await layoutPaths(dir)) {
    if (p.startsWith(`${ANNOTATIONS_DIR}/`) && !wanted.has(p)) {
      await rm(join(dir, p), { force: true })
      touched.push(p)
    }
  }
  if ((await readOrNull(join(dir, '.gitignore'))) === null) {
    await writeFileAtomic(join(dir, '.gitignore'), GITIGNORE)
    touched.push('.gitignore')
  }
  return touched
}

/** Reads the layout in `dir`. @throws LayoutError naming a bad file. */
export async function readLayoutFolder(dir: string): Promise<ProjectData> {
  const files = new Map<string, string>()
  for (const p of await layoutPaths(dir)) {
    const content = await readOrNull(join(dir, p))
    if (content !== null) files.set(p, content)
  }
  return liftLegacyLayout(decodeLayout(files))
}

/**
 * Makes the store hold `next` (records put or removed as needed) in one undoable edit named `label`;
 * returns how many records changed. The project header is not the store's to change and stays.
 */
export async function applyToStore(store: ProjectStore, next: ProjectData, label: string): Promise<number> {
  let changed = 0
  await store.transact(label, (tx) => {
    for (const c of COLLECTION_NAMES) {
      const now = store.data[c] as Record<string, unknown>
      const want = next[c] as Record<string, unknown>
      for (const id of Object.keys(now)) if (!own(want, id)) (tx.remove(c, id), changed++)
      for (const [id, record] of Object.entries(want)) if (!sameJson(own(now, id), record)) (tx.put(c, record as never), changed++)
    }
  })
  return changed
}

/** The store file for a fresh clone: the layout's project as project.json (written once, atomically). */
export async function writeStoreFileIfMissing(dir: string, data: ProjectData): Promise<boolean> {
  const path = join(dir, 'project.json')
  if ((await readOrNull(path)) !== null) return false
  await writeFileAtomic(path, JSON.stringify(data))
  return true
}

/**
 * The git-friendly project layout: a project as a set of small text files, one record per line
 * (JSON Lines, keys sorted), records sorted by id so that an edit changes one line in place and two
 * historians' new records land on different lines:
 *
 *   marginalia.json                 header: project id, name, created, schemaVersion, layout
 *   documents.jsonl                 document records (their texts stay in texts/, originals in sources/)
 *   annotations/<document>.jsonl    one file per document's annotations
 *   entities.jsonl  citations.jsonl  relations.jsonl  tags.jsonl  predicates.jsonl  rejected-suggestions.jsonl
 *
 * Pure: `encodeLayout` gives the files, `decodeLayout` reads them back (lossless: decode(encode(p))
 * equals p), `planLayoutWrite` tells a store which files one edit touches, so it can keep writing
 * atomically, fsynced and under its lock, file by file.
 */
import { COLLECTION_NAMES, type Annotation, type CollectionName, type ProjectData } from '../../model'
import { recordMap, stableStringify } from '../stable-json'
import { ANNOTATIONS_DIR, annotationFileOf, COLLECTION_FILES, decodeFileStem, HEADER_FILE } from './file-names'

/** Version of this layout, written in the header. */
export const LAYOUT_VERSION = 1

export interface LayoutFile {
  /** Path relative to the project folder, `/`-separated. */
  path: string
  /** UTF-8 text, LF line ends, ending with a newline. */
  content: string
}

/** A file of the layout that cannot be read; names the file and line. Nothing is changed on it. */
export class LayoutError extends Error {}

type AnyRecord = { id: string }

function lines(records: Iterable<AnyRecord>): string {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return sorted.map((r) => stableStringify(r) + '\n').join('')
}

function header(data: ProjectData): string {
  return stableStringify({ ...data.project, schemaVersion: data.schemaVersion, layout: LAYOUT_VERSION }) + '\n'
}

/** Every file of the layout for `data`, sorted by path. A document without annotations has no file. */
export function encodeLayout(data: ProjectData): LayoutFile[] {
  const files: LayoutFile[] = [{ path: HEADER_FILE, content: header(data) }]
  for (const [c, path] of Object.entries(COLLECTION_FILES) as [CollectionName, string][]) {
    files.push({ path, content: lines(Object.values(data[c]) as AnyRecord[]) })
  }
  const byDoc = new Map<string, Annotation[]>()
  for (const a of Object.values(data.annotations)) {
    const list = byDoc.get(a.documentId)
    if (list) list.push(a)
    else byDoc.set(a.documentId, [a])
  }
  for (const [doc, list] of byDoc) files.push({ path: annotationFileOf(doc), content: lines(list) })
  return files.sort((a, b) => (a.path < b.path ? -1 : 1))
}

function parseLines(path: string, content: string): AnyRecord[] {
  const out: AnyRecord[] = []
  const rows = content.split('\n')
  rows.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw // a checkout with CRLF line ends
    if (line.trim() === '') return
    if (/^[<=>|]{7}( |$)/.test(line)) throw new LayoutError(`${path}, line ${i + 1}: an unresolved git conflict marker`)
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (err) {
      throw new LayoutError(`${path}, line ${i + 1}: not JSON (${(err as Error).message})`)
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as AnyRecord).id !== 'string') {
      throw new LayoutError(`${path}, line ${i + 1}: not a record with a string id`)
    }
    out.push(value as AnyRecord)
  })
  return out
}

/**
 * Reads the layout back from its files (path → content). Files of other kinds are ignored.
 * @throws LayoutError naming the file and line of a bad record, a duplicate id, a git conflict marker,
 *   or a missing header.
 */
export function decodeLayout(files: ReadonlyMap<string, string>): ProjectData {
  const head = files.get(HEADER_FILE)
  if (head === undefined) throw new LayoutError(`${HEADER_FILE}: missing; this is not a Marginalia project in the git layout`)
  if (/^[<=>]{7}( |$)/m.test(head)) throw new LayoutError(`${HEADER_FILE}: an unresolved git conflict marker`)
  let meta: Record<string, unknown>
  try {
    meta = JSON.parse(head) as Record<string, unknown>
  } catch (err) {
    throw new LayoutError(`${HEADER_FILE}: not JSON (${(err as Error).message})`)
  }
  if (typeof meta.layout !== 'number' || meta.layout > LAYOUT_VERSION) throw new LayoutError(`${HEADER_FILE}: layout ${String(meta.layout)} is newer than this Marginalia reads (${LAYOUT_VERSION})`)
  const { schemaVersion, layout: _layout, ...project } = meta
  const data = { schemaVersion, project } as unknown as ProjectData
  const seen = new Map<string, string>() // `${collection}\0${id}` → file
  const collect = (c: CollectionName, path: string, records: AnyRecord[], into: [string, AnyRecord][]) => {
    for (const r of records) {
      const key = `${c}\u0000${r.id}`
      if (seen.has(key)) throw new LayoutError(`${path}: ${c} record ${JSON.stringify(r.id)} appears twice (also in ${seen.get(key)})`)
      seen.set(key, path)
      into.push([r.id, r])
    }
  }
  for (const [c, path] of Object.entries(COLLECTION_FILES) as [CollectionName, string][]) {
    const entries: [string, AnyRecord][] = []
    collect(c, path, parseLines(path, files.get(path) ?? ''), entries)
    ;(data as unknown as Record<string, unknown>)[c] = recordMap(entries)
  }
  const annotations: [string, AnyRecord][] = []
  for (const [path, content] of [...files.entries()].sort()) {
    const m = new RegExp(`^${ANNOTATIONS_DIR}/([^/]+)\\.jsonl$`).exec(path)
    if (!m) continue
    try {
      decodeFileStem(m[1])
    } catch {
      throw new LayoutError(`${path}: not a file name this layout writes`)
    }
    collect('annotations', path, parseLines(path, content), annotations)
  }
  data.annotations = recordMap(annotations) as ProjectData['annotations']
  for (const c of COLLECTION_NAMES) if (!(c in data)) (data as unknown as Record<string, unknown>)[c] = {}
  return data
}

/** One record changed by an edit (the store's RecordChange, without its undo values). */
export interface ChangedRecord {
  collection: CollectionName
  id: string
  /** The record before and after the edit (undefined when absent). */
  before?: unknown
  after?: unknown
}

/**
 * The files one edit touches, with their new content (`null` = delete the file): the store's
 * writer rewrites only these. `data` is the project after the edit.
 */
export function planLayoutWrite(data: ProjectData, changes: readonly ChangedRecord[]): { path: string; content: string | null }[] {
  const paths = new Set<string>()
  for (const ch of changes) {
    if (ch.collection !== 'annotations') paths.add(COLLECTION_FILES[ch.collection])
    else for (const r of [ch.before, ch.after]) if (r) paths.add(annotationFileOf((r as Annotation).documentId))
  }
  return [...paths].sort().map((path) => ({ path, content: renderFile(data, path) }))
}

/** The content of one layout file for `data`, or null when the layout has no such file (a document without annotations). */
export function renderFile(data: ProjectData, path: string): string | null {
  if (path === HEADER_FILE) return header(data)
  const collection = (Object.entries(COLLECTION_FILES) as [CollectionName, string][]).find(([, p]) => p === path)?.[0]
  if (collection) return lines(Object.values(data[collection]) as AnyRecord[])
  const m = new RegExp(`^${ANNOTATIONS_DIR}/([^/]+)\\.jsonl$`).exec(path)
  if (!m) return null
  const documentId = decodeFileStem(m[1])
  const own = Object.values(data.annotations).filter((a) => a.documentId === documentId)
  return own.length ? lines(own) : null
}

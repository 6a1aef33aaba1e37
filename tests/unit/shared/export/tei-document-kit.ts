/**
 * Helpers for the element-by-element tests of the whole TEI document (tei-document-*.test.ts): a
 * small project built record by record, exported with the real `exportTei`, and each file read back
 * with a real XML parser (saxes) into a plain tree that `toEqual` compares exactly. Offsets are code
 * points of the text, as everywhere in the model.
 */
import { exportTei } from '../../../../src/shared/export/tei'
import type { ExportInput, ExportOutput } from '../../../../src/shared/export/types'
import type { Annotation, Citation, DocumentRecord, Entity, ProjectData } from '../../../../src/shared/model'
import { CodePointIndex } from '../../../../src/shared/text/code-points'
import { type Node, xmlTree } from './xml-tree'

export const T = '2026-11-26T10:00:00.000Z'
export const EXPORTED = '2026-12-05T23:50:00.000Z'

/** An element: its name, its attributes (left out when it has none), then its children in order. */
export type { Node }

/** A document over `text`, one paragraph over all of it unless `structure` is given. */
export function doc(id: string, title: string, text: string, more: Partial<DocumentRecord> = {}): DocumentRecord {
  const length = new CodePointIndex(text).length
  return {
    id, title, format: 'text', role: 'text', sha256: 'b'.repeat(64), fileName: `${id}.txt`, length,
    structure: [{ kind: 'paragraph', start: 0, end: length }], metadata: { categories: [] }, created: T, modified: T, ...more
  } as DocumentRecord
}

export function entity(id: string, type: Entity['type'], label: string, more: Partial<Entity> = {}): Entity {
  return { id, type, label, aliases: [], description: '', authorities: [], dates: {}, created: T, modified: T, ...more }
}

export function citation(id: string, title: string, more: Partial<Citation> = {}): Citation {
  return { id, item: { id, type: 'book', title }, created: T, modified: T, ...more }
}

/** An annotation over [start, end) code points of `text` (the quote is taken from it). */
export function ann(id: string, documentId: string, text: string, start: number, end: number, more: Partial<Annotation> = {}): Annotation {
  const index = new CodePointIndex(text)
  const s = Math.max(0, Math.min(start, index.length))
  const e = Math.max(s, Math.min(end, index.length))
  return {
    id, documentId, target: { start, end, exact: index.slice(s, e), prefix: '', suffix: '' },
    tags: [], note: '', entityIds: [], citations: [], author: 'Ada Historian', created: T, modified: T, status: 'anchored', ...more
  } as Annotation
}

/** [start, end) in code points of the first `piece` in `text`. */
export function span(text: string, piece: string): [number, number] {
  const u = text.indexOf(piece)
  if (u < 0) throw new Error(`"${piece}" not in the text`)
  const start = [...text.slice(0, u)].length
  return [start, start + [...piece].length]
}

/** A project of these records (no relations, predicates, tags or rejected suggestions unless given). */
export function project(parts: {
  documents: DocumentRecord[]; annotations?: Annotation[]; entities?: Entity[]; citations?: Citation[]
} & Partial<Pick<ProjectData, 'relations' | 'predicates' | 'tags'>>): ProjectData {
  const by = <X extends { id: string }>(xs: X[] = []) => Object.fromEntries(xs.map((x) => [x.id, x]))
  return {
    schemaVersion: 1, project: { id: 'prj_t', name: 'Test project', created: T },
    documents: by(parts.documents), annotations: by(parts.annotations), entities: by(parts.entities), citations: by(parts.citations),
    relations: parts.relations ?? {}, predicates: parts.predicates ?? {}, tags: parts.tags ?? {}, rejectedSuggestions: {}
  } as ProjectData
}

export function exportOf(data: ProjectData, texts: Record<string, string>, documentId?: string, progress?: (done: number, total: number) => void): ExportOutput {
  const input: ExportInput = { data, texts, scope: documentId ? { documentId } : {}, options: {}, exportedAt: EXPORTED }
  return exportTei(input, progress)
}

/** The whole file as a tree: `[root]`; layout (whitespace-only text with a newline) between elements is dropped. Throws on XML that is not well-formed. */
export function tree(xml: string): Node {
  const [root] = xmlTree(xml, (_parent, text) => text.trim() === '' && text.includes('\n'))
  return root
}

/** The first element called `name` in `node` (depth first), or undefined. */
export function find(node: Node, name: string): Node | undefined {
  if (typeof node === 'string') return undefined
  if (node[0] === name) return node
  for (const c of node.slice(1)) {
    if (typeof c === 'object' && Array.isArray(c)) {
      const f = find(c as Node, name)
      if (f) return f
    }
  }
  return undefined
}

/** Every element in `node` (depth first) whose xml:id is `id`. */
export function byId(node: Node, id: string): Node | undefined {
  if (typeof node === 'string') return undefined
  const a = node[1]
  if (a && !Array.isArray(a) && typeof a === 'object' && (a as Record<string, string>)['xml:id'] === id) return node
  for (const c of node.slice(1)) {
    if (Array.isArray(c)) {
      const f = byId(c as Node, id)
      if (f) return f
    }
  }
  return undefined
}

/** The file's text content. */
export const content = (out: ExportOutput, i = 0): string => out.files[i].content as string

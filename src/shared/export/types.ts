/**
 * What every exporter takes and gives. Exporters are pure: they get the project's data and the
 * documents' texts, and return files as strings or bytes plus a list of what they could not carry.
 */
import type { Collections, ProjectData } from '../model'

export interface ExportScope {
  /** Only this document and what its annotations reach; the whole project when absent. */
  documentId?: string
}

export interface ExportInput {
  data: ProjectData
  /** Normalised text of each document in scope, by document id. */
  texts: Record<string, string>
  scope: ExportScope
  options: { bom?: boolean; zip?: boolean; style?: string; [key: string]: unknown }
  /** ISO timestamp used as the export's date (passed in so exports are reproducible in tests). */
  exportedAt: string
}

export interface ExportFile {
  /** File name, relative to the chosen output folder. */
  name: string
  mediaType: string
  content: string | Uint8Array
}

/** Something the format could not express, e.g. `{ what: 'annotation colour', count: 12 }`. */
export interface LossItem {
  what: string
  count: number
  detail?: string
  /**
   * The fields of the native model not carried, as paths of the native export
   * (schemas/marginalia-export.schema.json) without array indices: `annotations.created`,
   * `annotations.citations.locator`, `citations.item.language`. A path names its whole subtree
   * (`documents.structure` covers `documents.structure.label`).
   */
  fields?: string[]
}

export interface ExportOutput {
  files: ExportFile[]
  losses: LossItem[]
}

export interface ExportProgress {
  (done: number, total: number): void
}

export type Exporter = (input: ExportInput, progress?: ExportProgress, signal?: AbortSignal) => ExportOutput

/** Records of `data` restricted to `scope` (documents, and annotations of those documents). */
export function scopedCollections(data: ProjectData, scope: ExportScope): Collections {
  if (!scope.documentId) return data
  const documents = Object.fromEntries(Object.entries(data.documents).filter(([k]) => k === scope.documentId))
  const annotations = Object.fromEntries(
    Object.entries(data.annotations).filter(([, a]) => a.documentId === scope.documentId)
  )
  return { ...data, documents, annotations }
}

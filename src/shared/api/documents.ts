import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import type { EncodingCandidate, TextEncoding } from '../import/encodings'
import type { DocumentFormat, DocumentRecord, DocumentWithText } from '../model'
import { method } from './define'
import { documentFormat, documentRole, id } from './schemas'

export interface ProjectInfo {
  name: string
  /** Absolute path of the project folder. */
  path: string
  schemaVersion: number
  counts: { documents: number; annotations: number; entities: number; citations: number; relations: number }
}

/** Outcome of re-importing a new version of a document (DESIGN.md §5). */
export interface ReimportResult {
  document: DocumentRecord
  /** True when the new file has the same bytes as the current version (nothing changed). */
  unchanged: boolean
  /** Annotations of the document by outcome. */
  counts: { anchored: number; moved: number; orphaned: number }
  /** What could not be found confidently in the new text; kept with the old target for review. */
  orphans: { annotationId: string; exact: string; reason?: string; kind: 'annotation' | 'verified-source' }[]
}

/** What an import made of a file, as counts a historian can check. */
export interface ImportReport {
  /** `page` blocks (PDF pages, TEI `pb`, scanned pages). */
  pages: number
  headings: number
  paragraphs: number
  notes: number
  /** `line` blocks (verse lines, numbered lines). */
  lines: number
  /** Annotations made from the source's own name and date markup (TEI). */
  preAnnotations: number
  /** Entities created for them, and existing ones they were linked to. */
  entitiesCreated: number
  entitiesReused: number
  /** OCR words below the confidence threshold (marked in the text). */
  lowConfidenceWords: number
  /** Present when a Project Gutenberg header and licence were recognised. */
  gutenberg?: { trimmed: boolean }
  /** The encoding the text was decoded from, when not UTF-8. */
  encoding?: string
}

/** A new document with the counts of its import. */
export interface ImportedDocument extends DocumentRecord {
  report: ImportReport
}

/** What Marginalia sees in a file before importing it, for the historian to decide how. */
export interface ImportPreview {
  fileName: string
  /** Bytes of the file. */
  size: number
  /** The format the file would be imported as (detected by content, then name). */
  format?: DocumentFormat
  /** Why it cannot be imported as it is (e.g. not UTF-8), when it cannot. */
  problem?: string
  /** For text files: whether strict UTF-8 reads it, the candidate decodings and the one proposed. */
  encoding?: { utf8: boolean; candidates: EncodingCandidate[]; proposed?: TextEncoding }
  /** A Project Gutenberg header and licence found in a plain text, which import can trim. */
  gutenberg?: { ebook?: string; title?: string; headerChars: number; licenceChars: number }
}

/** A page image as base64, for the view to show beside the text. */
export interface PageImageData {
  mime: 'image/png' | 'image/jpeg'
  contentBase64: string
  width: number
  height: number
}

/** Encodings an import may be told to decode a text file with (src/shared/import/encodings.ts). */
export const textEncoding = z.enum(['utf-8', 'windows-1252', 'iso-8859-1', 'iso-8859-7', 'utf-16le', 'utf-16be']) satisfies z.ZodType<TextEncoding>

const fileArgs = { fileName: z.string().min(1).max(500), contentBase64: z.string() }

/** How to read a file: format, encoding, Gutenberg trimming, OCR. */
const readOptions = {
  format: documentFormat.optional(),
  /** Decode a text file with this encoding instead of strict UTF-8 (never guessed silently). */
  encoding: textEncoding.optional(),
  /** Cut a recognised Project Gutenberg header and licence from the text (kept in metadata). */
  trimGutenberg: z.boolean().optional(),
  /** Read scanned pages and images by OCR (default true). */
  ocr: z.boolean().optional(),
  /** OCR languages, tesseract codes (`eng`, `lat`, `ell`, `fra`, `deu`); default `eng`. */
  ocrLanguages: z.array(z.string().regex(/^[a-z]{3}(_[a-z]+)?$/)).min(1).max(5).optional()
}

const text = (max: number) => z.string().trim().max(max)

export const documentMethods = {
  /** The open project's name, folder and record counts. */
  getProjectInfo: method<ProjectInfo>()(z.object({})),
  /** Documents in import order, without their text; filtered by role or by the citation they are. */
  listDocuments: method<DocumentRecord[]>()(z.object({ role: documentRole.optional(), citationId: id.optional() })),
  /** One document with its normalised text. */
  getDocument: method<DocumentWithText>()(z.object({ id })),
  /**
   * What a file would import as, before importing it: detected format, encoding candidates when it
   * is not UTF-8 (with previews; one may be proposed, none is applied), a Project Gutenberg header.
   */
  inspectImport: method<ImportPreview>()(limitFileContent(z.object(fileArgs), 'contentBase64', LIMITS.documentFile)),
  /**
   * Imports a file's bytes (base64) as a new document, in a worker thread: start it as a job
   * (`startJob`) for progress (pages) and cancel. The format is detected from content and name
   * unless given. A TEI edition's names and dates become annotations and entities in the same
   * undoable edit. Invalid input changes nothing and fails with `invalid-file` naming the file.
   */
  importDocument: method<ImportedDocument>()(
    limitFileContent(z.object({ ...fileArgs, ...readOptions, role: documentRole.optional(), title: z.string().max(500).optional() }), 'contentBase64', LIMITS.documentFile),
    { mutates: true }
  ),
  /**
   * Replaces a document's text by a new version of the file and re-anchors every annotation on it
   * (and every verdict's source passage in it): anchored, moved or orphaned — orphans are kept and
   * reported, never dropped or silently moved. One undoable edit; the old text is kept on disk.
   * With the same bytes and other read options (an encoding, Gutenberg trimming) it re-reads the file.
   */
  reimportDocument: method<ReimportResult>()(limitFileContent(z.object({ id, ...fileArgs, ...readOptions }), 'contentBase64', LIMITS.documentFile), { mutates: true }),
  /** Renames a document (undoable). */
  renameDocument: method<DocumentRecord>()(z.object({ id, title: text(500).min(1) }), { mutates: true }),
  /**
   * Changes a document's bibliographic metadata (undoable): the given fields only; an empty
   * string clears a field. `citationId` is the bibliography item this document is (null clears it).
   */
  updateDocumentMetadata: method<DocumentRecord>()(
    z.object({
      id,
      title: text(500).min(1).optional(),
      author: text(1000).optional(),
      date: text(100).optional(),
      language: text(50).optional(),
      source: text(2000).optional(),
      url: text(2000).optional(),
      citationId: id.nullable().optional()
    }),
    { mutates: true }
  ),
  /** Removes a document and its annotations (undoable); its source bytes stay on disk. */
  deleteDocument: method<{ id: string }>()(z.object({ id }), { mutates: true }),
  /** The image of page `page` (0-based index among the document's page blocks) of a scanned document. */
  getPageImage: method<PageImageData>()(z.object({ documentId: id, page: z.number().int().nonnegative() })),
  /** OCR languages installed (tesseract codes). */
  listOcrLanguages: method<string[]>()(z.object({}))
}

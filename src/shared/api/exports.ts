import { z } from 'zod'
import { LIMITS } from '../limits'
import { limitFileContent } from './file-content'
import { type ExportFormatName, type ExportOptionName, FORMAT_NAMES } from '../export/format-names'
import type { LossItem } from '../export/types'
import { method } from './define'
import { id } from './schemas'

/** A format as the Export dialog lists it. */
export interface ExportFormatInfo {
  name: ExportFormatName
  label: string
  options: ExportOptionName[]
  /** True when the export may be several files (written into a folder). */
  multiFile: boolean
}

/** One exported file. Text formats are `utf-8`; binary ones (a zip) are `base64`. */
export interface ExportedFile {
  name: string
  mediaType: string
  encoding: 'utf-8' | 'base64'
  content: string
}

/** What an export produced and what it could not carry. */
export interface ExportResult {
  format: ExportFormatName
  files: ExportedFile[]
  losses: LossItem[]
  /** The loss report as written to `<name>.losses.json` beside the export. */
  lossReport: ExportedFile
}

/** Where `writeExport` put the files. */
export interface WrittenExport {
  format: ExportFormatName
  /** Absolute paths of the files written, the loss report last. */
  paths: string[]
  losses: LossItem[]
}

/** What `importProjectJson` added to the (empty) project. */
export interface ProjectJsonImport {
  counts: { documents: number; annotations: number; entities: number; citations: number; relations: number; predicates: number; tags: number }
  /** References of the file that point at no record (kept as they are). */
  warnings: string[]
}

const exportArgs = {
  format: z.enum(FORMAT_NAMES),
  /** Only this document and what its annotations reach; the whole project when absent. */
  documentId: id.optional(),
  options: z
    .object({
      bom: z.boolean().optional(),
      zip: z.boolean().optional(),
      style: z.string().min(1).max(200).optional()
    })
    .optional()
}

/** Operations of the exports domain; see src/main/services/exports-service.ts. */
export const exportsMethods = {
  /** The export formats available in this build, with the options each honours. */
  listExportFormats: method<ExportFormatInfo[]>()(z.object({})),
  /**
   * Exports the project (or one document and what it reaches) and returns the files and the loss
   * report. Reports progress in annotations and honours cancellation when run with `startJob`.
   */
  exportProject: method<ExportResult>()(z.object(exportArgs)),
  /**
   * Exports and writes the files into `folder` (created if missing), with the loss report beside
   * them as `<name>.losses.json`. Existing files of the same names are replaced.
   */
  writeExport: method<WrittenExport>()(z.object({ ...exportArgs, folder: z.string().min(1).max(LIMITS.path.max) })),
  /**
   * Imports a native JSON export (the text of a `.marginalia.json` file) into this project, which
   * must be empty. A file that is not valid changes nothing and fails with `invalid-file`.
   */
  importProjectJson: method<ProjectJsonImport>()(
    limitFileContent(z.object({ fileName: z.string().min(1).max(500), content: z.string() }), 'content', LIMITS.nativeJsonFile),
    { mutates: true }
  )
}

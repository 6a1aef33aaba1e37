/**
 * The exports domain: runs an exporter over a snapshot of the project (texts read from disk),
 * returns or writes the files, and always writes the loss report beside them. The exporters
 * themselves are pure (src/shared/export); this is the one place exports touch the disk.
 */
import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { CallContext, HandlersOf } from '../../shared/api/define'
import type { ExportedFile, ExportResult, exportsMethods } from '../../shared/api/exports'
import { canonicalise } from '../../shared/export/native-json'
import { selectForExport } from '../../shared/export/reach'
import { EXPORT_FORMATS, findExportFormat, type ExportFormatName } from '../../shared/export/registry'
import { ExportCancelled, runStepsAsync } from '../../shared/export/steps'
import type { ExportFile, ExportInput, ExportOutput } from '../../shared/export/types'
import { assertEmptyProject, type NativeImportPlan, parseNativeJson } from '../../shared/import/native-json'
import { withLegacyAuthorship } from '../../shared/team/legacy-authorship'
import { assertWithinLimit, LIMITS } from '../../shared/limits'
import type { ProjectData } from '../../shared/model'
import { COLLECTION_NAMES } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { writeFileAtomic } from '../store/atomic-write'
import type { ServiceContext } from './context'
import { ExportFolders } from './export-folders'

interface ExportArgs {
  format: ExportFormatName
  documentId?: string
  options?: { bom?: boolean; zip?: boolean; style?: string }
}

/** A shallow copy of every collection: records are replaced, never mutated, so this is a consistent snapshot. */
function snapshot(data: Readonly<ProjectData>): ProjectData {
  const copy = { ...data } as ProjectData
  // Null-prototype copies (as the store keeps them): an id like `toString` is a missing record, not a function.
  for (const c of COLLECTION_NAMES) (copy as unknown as Record<string, unknown>)[c] = Object.assign(Object.create(null), data[c])
  return copy
}

function toExported(f: ExportFile): ExportedFile {
  if (basename(f.name) !== f.name || f.name.startsWith('.')) throw new MarginaliaError('internal', `exporter produced an unsafe file name: ${f.name}`)
  return typeof f.content === 'string'
    ? { name: f.name, mediaType: f.mediaType, encoding: 'utf-8', content: f.content }
    : { name: f.name, mediaType: f.mediaType, encoding: 'base64', content: Buffer.from(f.content).toString('base64') }
}

/** Refuses a native import holding more records, all collections together, than LIMITS.nativeJsonRecords. */
export function assertRecordCount(fileName: string, plan: NativeImportPlan): void {
  const records = plan.documents.length + plan.annotations.length + plan.entities.length + plan.citations.length +
    plan.relations.length + plan.predicates.length + plan.tags.length + plan.rejectedSuggestions.length
  assertWithinLimit(fileName, records, LIMITS.nativeJsonRecords)
}

/** Name of the loss report: `<single file's name minus its extension>.losses.json`, or `<format>.losses.json`. */
export function lossReportName(format: string, files: ExportFile[]): string {
  if (files.length === 1) return files[0].name.replace(/\.[^.]+$/, '') + '.losses.json'
  return `${format}-export.losses.json`
}

/**
 * Handlers of the exports domain (src/shared/api/exports.ts). `folders` are the folders the main
 * side granted for `writeExport` (export-folders.ts); any other folder is refused.
 */
export function createExportsHandlers(ctx: ServiceContext, folders = new ExportFolders()): HandlersOf<typeof exportsMethods> {
  const { store } = ctx

  async function runExport(args: ExportArgs, call: CallContext): Promise<ExportResult> {
    const format = findExportFormat(args.format)
    if (!format)
      throw new MarginaliaError('invalid-argument', `format "${args.format}" is not available in this build (available: ${EXPORT_FORMATS.map((f) => f.name).join(', ')})`)
    if (args.documentId && !store.data.documents[args.documentId]) throw new MarginaliaError('not-found', `no document with id ${args.documentId}`)
    const data = snapshot(store.data)
    const scope = args.documentId ? { documentId: args.documentId } : {}
    const texts: Record<string, string> = {}
    for (const d of selectForExport(data, scope).documents) texts[d.id] = await store.readText(d.id)
    const exportedAt = ctx.now()
    const options = { ...(args.options ?? {}) }
    // The bibliography needs its CSL style loaded from the files the app ships (throws for an unknown style).
    // Loaded here, not at start-up: citation-js (~0.3 s to load) is needed only by this format.
    if (format.name === 'bibliography') Object.assign(options, (await import('../bib/csl-resources')).bibliographyExportOptions(ctx.appRoot, options.style))
    const input: ExportInput = { data, texts, scope, options, exportedAt }
    const steps = await format.load()
    let output: ExportOutput
    try {
      output = await runStepsAsync(steps(input), call.progress, call.signal)
    } catch (err) {
      if (err instanceof ExportCancelled) throw new MarginaliaError('cancelled', `the ${format.name} export was cancelled; nothing was written`)
      throw err
    }
    const files = output.files.map(toExported)
    const report = canonicalise({
      format: format.name, exportedAt, scope: args.documentId ? { documentId: args.documentId } : 'project',
      files: files.map((f) => f.name), losses: output.losses
    })
    const lossReport: ExportedFile = {
      name: lossReportName(format.name, output.files), mediaType: 'application/json', encoding: 'utf-8',
      content: JSON.stringify(report, null, 2) + '\n'
    }
    return { format: format.name, files, losses: output.losses, lossReport }
  }

  return {
    listExportFormats: () => EXPORT_FORMATS.map(({ name, label, options, multiFile }) => ({ name, label, options, multiFile })),
    exportProject: (args, call) => runExport(args, call),
    writeExport: async ({ folder, ...args }, call) => {
      const dir = await folders.check(folder, store.dir) // refused before any work
      const result = await runExport(args, call)
      try {
        await mkdir(dir, { recursive: true })
        const paths: string[] = []
        for (const f of [...result.files, result.lossReport]) {
          const path = join(dir, f.name)
          await writeFileAtomic(path, f.encoding === 'base64' ? new Uint8Array(Buffer.from(f.content, 'base64')) : f.content)
          paths.push(path)
        }
        return { format: result.format, paths, losses: result.losses }
      } catch (err) {
        throw new MarginaliaError('io', `could not write the export into ${dir}: ${(err as Error).message}`)
      }
    },
    importProjectJson: async ({ fileName, content }) => {
      assertEmptyProject(store.data)
      const plan = parseNativeJson(fileName, content) // throws before anything is written
      assertRecordCount(fileName, plan)
      assertEmptyProject(store.data)
      for (const d of plan.documents) await store.saveText(d.id, plan.texts[d.id])
      await store.transact(`Import ${basename(fileName)}`, (tx) => {
        for (const d of plan.documents) tx.put('documents', d)
        // A file from before authorship was recorded gets the migration's rule, not the importer's name.
        for (const r of plan.annotations) tx.put('annotations', withLegacyAuthorship('annotations', r))
        for (const r of plan.entities) tx.put('entities', withLegacyAuthorship('entities', r))
        for (const r of plan.citations) tx.put('citations', withLegacyAuthorship('citations', r))
        for (const r of plan.relations) tx.put('relations', withLegacyAuthorship('relations', r))
        for (const r of plan.predicates) tx.put('predicates', r)
        for (const r of plan.tags) tx.put('tags', r)
        for (const r of plan.rejectedSuggestions) tx.put('rejectedSuggestions', r)
      })
      return {
        counts: {
          documents: plan.documents.length, annotations: plan.annotations.length, entities: plan.entities.length,
          citations: plan.citations.length, relations: plan.relations.length, predicates: plan.predicates.length, tags: plan.tags.length
        },
        warnings: plan.warnings
      }
    }
  }
}

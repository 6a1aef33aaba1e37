/**
 * Imports a bibliography file into the project: read (citation-js, bad entries skipped with their
 * line and key; a large file in a worker thread, with progress in entries and cancel), de-duplicate
 * against the project and within the file, then store every new and merged item in one undoable
 * edit. An unreadable, too large or cancelled file changes nothing.
 */
import type { BibImportReport } from '../../shared/api/citations'
import type { CallContext } from '../../shared/api/define'
import { WORKER_BIB_BYTES } from '../../shared/bib/bib-limits'
import type { BibFormat } from '../../shared/bib/read-bibliography'
import { bibImportSummary } from '../../shared/citations/import-summary'
import { cleanItem } from '../../shared/citations/csl-item'
import { planMerge } from '../../shared/citations/dedupe'
import type { Citation } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { InvalidUtf8Error } from '../../shared/text/normalise'
import type { ServiceContext } from '../services/context'
import { readBibliographyInWorker } from './bib-read-client'

export async function importBibliography(
  ctx: ServiceContext,
  fileName: string,
  bytes: Uint8Array,
  format: BibFormat | undefined,
  call: CallContext = {}
): Promise<BibImportReport> {
  // The size was checked by the contract (LIMITS.bibliographyFile) before this handler; readBibliography checks it again for other callers.
  let read
  try {
    read = bytes.length >= WORKER_BIB_BYTES
      ? await readBibliographyInWorker(fileName, bytes, format, call)
      // Loaded when first needed: the reader brings citation-js (~0.3 s to load) into this process.
      : (await import('../../shared/bib/read-bibliography')).readBibliography(fileName, bytes, format, { signal: call.signal, onProgress: (done, total) => call.progress?.(done, total, 'reading') })
  } catch (err) {
    if (err instanceof MarginaliaError && err.code !== 'invalid-file') throw err
    if (call.signal?.aborted) throw err
    const msg = err instanceof InvalidUtf8Error ? `${fileName}: ${err.message}` : err instanceof Error ? err.message : String(err)
    throw new MarginaliaError('invalid-file', msg.startsWith(fileName) ? msg : `${fileName}: ${msg}`)
  }
  call.signal?.throwIfAborted()
  call.progress?.(read.items.length, read.items.length, 'de-duplicating')
  const plan = planMerge(Object.values(ctx.store.data.citations), read.items)
  const existing = new Set(Object.keys(ctx.store.data.citations))
  const now = ctx.now()
  const created: Citation[] = plan.create.map((entry) => {
    const id = ctx.newId('cit')
    // citation-js keeps a BibTeX entry's key as `citation-key`, so a re-export keeps the keys historians cite by.
    return { id, item: cleanItem({ ...entry.item, id }), created: now, modified: now }
  })
  call.signal?.throwIfAborted()
  call.progress?.(read.items.length, read.items.length, 'saving')
  if (created.length || plan.update.size) {
    await ctx.store.transact(`Import ${fileName}`, (tx) => {
      for (const c of created) tx.put('citations', c)
      for (const [id, item] of plan.update) {
        const old = tx.get('citations', id)
        if (old) tx.put('citations', { ...old, item: { ...item, id }, modified: now })
      }
    })
  }
  // Merges into an entry of the same file name that entry's new citation id.
  const idByKey = new Map(plan.create.map((e, i) => [e.key || `line ${e.line}`, created[i].id]))
  const withExisting = plan.merged.filter((m) => existing.has(m.into)).length
  const report: Omit<BibImportReport, 'summary'> = {
    fileName,
    format: read.format,
    read: read.items.length,
    imported: created.length,
    merged: plan.merged.length,
    duplicatesInFile: plan.merged.length - withExisting,
    mergedWithExisting: withExisting,
    mergedDetails: plan.merged.map((m) => ({ ...m, into: idByKey.get(m.into) ?? m.into, within: existing.has(m.into) ? 'project' : 'file' })),
    skipped: read.skipped,
    citationIds: created.map((c) => c.id)
  }
  return { ...report, summary: bibImportSummary(report) }
}

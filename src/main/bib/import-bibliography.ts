/**
 * Imports a bibliography file into the project: read (citation-js, bad entries skipped with their
 * line and key), de-duplicate against the project and within the file, then store every new and
 * merged item in one undoable edit. An unreadable file throws and changes nothing.
 */
import type { BibImportReport } from '../../shared/api/citations'
import type { CallContext } from '../../shared/api/define'
import { readBibliography, type BibFormat } from '../../shared/bib/read-bibliography'
import { cleanItem } from '../../shared/citations/csl-item'
import { planMerge } from '../../shared/citations/dedupe'
import type { Citation } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { InvalidUtf8Error } from '../../shared/text/normalise'
import type { ServiceContext } from '../services/context'

/** Largest bibliography file accepted, in bytes (the 1,394-entry Miletus file is 0.8 MB). */
export const MAX_BIB_BYTES = 50 * 1024 * 1024

export async function importBibliography(
  ctx: ServiceContext,
  fileName: string,
  bytes: Uint8Array,
  format: BibFormat | undefined,
  call: CallContext = {}
): Promise<BibImportReport> {
  if (bytes.length > MAX_BIB_BYTES) throw new MarginaliaError('too-large', `${fileName}: ${bytes.length} bytes is over the ${MAX_BIB_BYTES}-byte limit`)
  call.progress?.(0, 3, 'reading')
  let read
  try {
    read = readBibliography(fileName, bytes, format)
  } catch (err) {
    const msg = err instanceof InvalidUtf8Error ? `${fileName}: ${err.message}` : err instanceof Error ? err.message : String(err)
    throw new MarginaliaError('invalid-file', msg.startsWith(fileName) ? msg : `${fileName}: ${msg}`)
  }
  call.signal?.throwIfAborted()
  call.progress?.(1, 3, 'de-duplicating')
  const plan = planMerge(Object.values(ctx.store.data.citations), read.items)
  const now = ctx.now()
  const created: Citation[] = plan.create.map((entry) => {
    const id = ctx.newId('cit')
    // citation-js keeps a BibTeX entry's key as `citation-key`, so a re-export keeps the keys historians cite by.
    return { id, item: cleanItem({ ...entry.item, id }), created: now, modified: now }
  })
  call.signal?.throwIfAborted()
  call.progress?.(2, 3, 'saving')
  if (created.length || plan.update.size) {
    await ctx.store.transact(`Import ${fileName}`, (tx) => {
      for (const c of created) tx.put('citations', c)
      for (const [id, item] of plan.update) {
        const old = tx.get('citations', id)
        if (old) tx.put('citations', { ...old, item: { ...item, id }, modified: now })
      }
    })
  }
  call.progress?.(3, 3)
  // Merges into an entry of the same file name that entry's new citation id.
  const idByKey = new Map(plan.create.map((e, i) => [e.key || `line ${e.line}`, created[i].id]))
  return {
    fileName,
    format: read.format,
    read: read.items.length,
    imported: created.length,
    merged: plan.merged.length,
    mergedDetails: plan.merged.map((m) => ({ ...m, into: idByKey.get(m.into) ?? m.into })),
    skipped: read.skipped,
    citationIds: created.map((c) => c.id)
  }
}

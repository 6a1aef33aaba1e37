/**
 * Re-import of a new version of a document (DESIGN.md §5): the new text is parsed in the import
 * worker and stored beside the old one, every annotation on the document and every verdict's
 * source passage inside it is re-anchored (src/shared/anchoring), and the document and anchors
 * change in one undoable edit. The same file read with other options (an encoding, Gutenberg
 * trimming) is a new version too. Markup-made annotations are not made again: the existing ones
 * are re-anchored like any other.
 */
import { extname } from 'node:path'
import type { ReimportResult } from '../../shared/api/documents'
import type { CallContext } from '../../shared/api/define'
import { reanchorAll, type ReanchorInput } from '../../shared/anchoring'
import { baseFileName } from '../../shared/import/parse-document'
import type { Annotation, DocumentRecord } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { parseImport } from '../import/import-worker-client'
import type { ImportOptions, ServiceContext } from './context'
import { savePageImages } from './import-document'

/** Metadata the historian may have edited on the document record (updateDocumentMetadata). */
const RECORD_FIELDS = ['author', 'date', 'language', 'source', 'url', 'citationId'] as const

/** Id of a verdict's source passage in the re-anchoring input: annotation id + link index. */
const verdictKey = (annotationId: string, link: number) => `verdict:${annotationId}:${link}`

export async function reimportDocument(
  ctx: ServiceContext,
  args: { id: string; fileName: string; bytes: Uint8Array; options: ImportOptions },
  call: CallContext
): Promise<ReimportResult> {
  const { store } = ctx
  const doc = store.data.documents[args.id]
  if (!doc) throw new MarginaliaError('not-found', `no document with id ${args.id}`)
  const parsed = await parseImport(args.fileName, args.bytes, { ...args.options, format: args.options.format ?? doc.format }, { progress: call.progress, signal: call.signal })
  const oldText = await store.readText(doc.id)
  const sha256 = await store.saveSource(args.bytes, extname(args.fileName))
  if (sha256 === doc.sha256 && parsed.text === oldText) return { document: doc, unchanged: true, counts: { anchored: 0, moved: 0, orphaned: 0 }, orphans: [] }

  // A new name per version (bytes and resulting text), so undo brings the old file back.
  const version = sha256 === doc.sha256 ? `${sha256.slice(0, 8)}-${ctx.newId('v').slice(-6)}` : sha256.slice(0, 12)
  const textFile = `${doc.id}.${version}.txt`
  await store.saveText(doc.id, parsed.text, textFile)
  const pageImages = await savePageImages(ctx, parsed)

  const own = Object.values(store.data.annotations).filter((a) => a.documentId === doc.id)
  const citing = Object.values(store.data.annotations).filter((a) => a.citations.some((c) => c.verification?.source?.documentId === doc.id))
  const inputs: ReanchorInput[] = own.map((a) => ({ id: a.id, target: a.target }))
  for (const a of citing) {
    a.citations.forEach((c, k) => {
      if (c.verification?.source?.documentId === doc.id) inputs.push({ id: verdictKey(a.id, k), target: c.verification.source })
    })
  }
  const results = new Map(reanchorAll(oldText, parsed.text, inputs, { progress: call.progress, signal: call.signal }).map((r) => [r.id, r]))

  const counts = { anchored: 0, moved: 0, orphaned: 0 }
  const orphans: ReimportResult['orphans'] = []
  // What the historian set on the record wins over what the new version's file says.
  const kept = Object.fromEntries(RECORD_FIELDS.filter((k) => doc.metadata[k] !== undefined).map((k) => [k, doc.metadata[k]]))
  const next: DocumentRecord = {
    ...doc, sha256, fileName: baseFileName(args.fileName), format: parsed.format,
    length: [...parsed.text].length, structure: parsed.structure,
    metadata: { ...parsed.metadata, ...kept, ...(pageImages.length ? { pageImages } : {}) },
    textFile, modified: ctx.now()
  }
  if (parsed.marks?.length) next.marks = parsed.marks
  else delete next.marks
  await store.transact(`Re-import ${doc.title}`, (tx) => {
    tx.put('documents', next)
    for (const a of own) {
      const r = results.get(a.id)!
      counts[r.status]++
      if (r.status === 'orphaned') orphans.push({ annotationId: a.id, exact: a.target.exact, reason: r.reason, kind: 'annotation' })
      tx.put('annotations', { ...(tx.get('annotations', a.id) as Annotation), target: r.target, status: r.status })
    }
    for (const a of citing) {
      const current = tx.get('annotations', a.id) as Annotation
      const citations = current.citations.map((c, k) => {
        const r = results.get(verdictKey(a.id, k))
        if (!r || !c.verification?.source) return c
        if (r.status === 'orphaned') {
          orphans.push({ annotationId: a.id, exact: c.verification.source.exact, reason: r.reason, kind: 'verified-source' })
          return c // the old passage is kept for review
        }
        return { ...c, verification: { ...c.verification, source: { ...r.target, documentId: doc.id } } }
      })
      tx.put('annotations', { ...current, citations })
    }
  })
  return { document: next, unchanged: false, counts, orphans }
}

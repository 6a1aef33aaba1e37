/**
 * A text file under texts/ edited outside Marginalia, taken as the document's new version: the
 * annotations are re-anchored through the re-import path (reimport-document.ts), which needs the
 * text they were anchored to. That original is re-made from the document's source bytes when the
 * importer still produces exactly it (its sha256 matches the record); otherwise the edited text
 * is first recorded as the document's text (one undoable edit) and anchoring falls back to each
 * annotation's quote, prefix and suffix.
 */
import { readFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { createHash } from 'node:crypto'
import type { CallContext } from '../../shared/api/define'
import type { ReimportResult } from '../../shared/api/documents'
import { parseDocument } from '../../shared/import/parse-document'
import type { DocumentRecord } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { normaliseText } from '../../shared/text/normalise'
import type { ServiceContext } from './context'
import { reimportDocument } from './reimport-document'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** The text the annotations were anchored to, re-made from the source bytes, if it still comes out the same. */
async function originalText(dir: string, doc: DocumentRecord): Promise<string | undefined> {
  const ext = extname(doc.fileName)
  const safeExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext.toLowerCase() : ''
  try {
    const bytes = await readFile(join(dir, 'sources', doc.sha256 + safeExt))
    const text = parseDocument(doc.fileName, new Uint8Array(bytes), doc.format).text
    return sha256(text) === doc.textSha256 ? text : undefined
  } catch {
    return undefined // no source kept (e.g. a native JSON import), or the importer changed
  }
}

export async function acceptEditedText(ctx: ServiceContext, documentId: string, call: CallContext): Promise<ReimportResult> {
  const { store } = ctx
  const doc = store.data.documents[documentId]
  if (!doc) throw new MarginaliaError('not-found', `no document with id ${documentId}`)
  const problem = (await store.checkTexts()).find((p) => p.documentId === documentId)
  if (!problem) throw new MarginaliaError('invalid-argument', `the text of ${doc.title} is unchanged: there is no edited text to accept`)
  if (problem.problem === 'missing') throw new MarginaliaError('not-found', `${problem.file} is missing: put it back (or restore a backup); there is no edited text to accept`)
  const edited = normaliseText((await readFile(problem.file)).toString('utf8'))
  if (edited.trim() === '') throw new MarginaliaError('invalid-file', `${problem.file} is empty; put the original back instead`)
  const original = await originalText(store.dir, doc)
  if (original !== undefined) store.useVerifiedText(documentId, original)
  else await store.transact(`Accept edited text of ${doc.title}`, (tx) => tx.put('documents', { ...doc, textSha256: sha256(edited) }))
  const stem = doc.fileName.replace(/\.[^.]*$/, '') || doc.id
  return reimportDocument(ctx, { id: documentId, fileName: `${stem}.edited.txt`, bytes: new TextEncoder().encode(edited), options: { format: 'text' } }, call)
}

/**
 * The documents domain: importing (through the import worker), re-importing, and documents as
 * records — rename, bibliographic metadata (including the bibliography item a document is),
 * delete — each an undoable edit; plus page images of scanned documents and import previews.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HandlersOf } from '../../shared/api/define'
import type { documentMethods } from '../../shared/api/documents'
import { formatBytes, IMPORT_LIMITS } from '../../shared/import/import-limits'
import type { DocumentMetadata, DocumentRecord } from '../../shared/model'
import { MarginaliaError } from '../../shared/result'
import { inspectImport } from '../import/inspect-import'
import { installedOcrLanguages } from '../import/ocr/ocr-languages'
import type { ServiceContext } from './context'
import { reimportDocument } from './reimport-document'

/** Largest base64 payload accepted (the document limit, in base64 characters). */
const MAX_BASE64_CHARS = 4 * Math.ceil(IMPORT_LIMITS.documentFile / 3)

/** Decodes an import's base64 payload, refusing an over-large one before decoding it. */
export function decodeBase64(fileName: string, contentBase64: string): Uint8Array {
  if (contentBase64.length > MAX_BASE64_CHARS) throw new MarginaliaError('too-large', `${fileName}: larger than the ${formatBytes(IMPORT_LIMITS.documentFile)} Marginalia imports`)
  return new Uint8Array(Buffer.from(contentBase64, 'base64'))
}

const METADATA_FIELDS = ['author', 'date', 'language', 'source', 'url'] as const

export function createDocumentHandlers(ctx: ServiceContext): HandlersOf<typeof documentMethods> {
  const { store } = ctx
  const requireDocument = (id: string) => {
    const doc = store.data.documents[id]
    if (!doc) throw new MarginaliaError('not-found', `no document with id ${id}`)
    return doc
  }
  const putDocument = async (label: string, next: DocumentRecord) => {
    await store.transact(label, (tx) => tx.put('documents', next))
    return next
  }
  return {
    getProjectInfo: () => ({
      name: store.data.project.name,
      path: store.dir,
      schemaVersion: store.data.schemaVersion,
      // Kept per change (derived/project-index.ts): counting 100,000 annotation keys took 33–41 ms a call.
      counts: {
        documents: ctx.index.size('documents'),
        annotations: ctx.index.size('annotations'),
        entities: ctx.index.size('entities'),
        citations: ctx.index.size('citations'),
        relations: ctx.index.size('relations')
      }
    }),
    listDocuments: ({ role, citationId }) =>
      Object.values(store.data.documents).filter((d) => (!role || d.role === role) && (!citationId || d.metadata.citationId === citationId)),
    getDocument: async ({ id }) => ({ ...requireDocument(id), text: await store.readText(id) }),
    inspectImport: ({ fileName, contentBase64 }) => inspectImport(fileName, decodeBase64(fileName, contentBase64)),
    importDocument: ({ fileName, contentBase64, ...options }, call) => ctx.importBytes(fileName, decodeBase64(fileName, contentBase64), options, call),
    reimportDocument: ({ id, fileName, contentBase64, ...options }, call) =>
      reimportDocument(ctx, { id, fileName, bytes: decodeBase64(fileName, contentBase64), options }, call),
    renameDocument: ({ id, title }) => putDocument(`Rename ${requireDocument(id).title}`, { ...requireDocument(id), title, modified: ctx.now() }),
    updateDocumentMetadata: ({ id, title, citationId, ...fields }) => {
      const doc = requireDocument(id)
      const metadata: DocumentMetadata = { ...doc.metadata }
      for (const key of METADATA_FIELDS) {
        const v = fields[key]
        if (v === undefined) continue
        if (v === '') delete metadata[key]
        else metadata[key] = v
      }
      if (fields.url && !/^https?:\/\//i.test(fields.url)) throw new MarginaliaError('invalid-argument', `url must start with http:// or https:// (got ${fields.url})`)
      if (citationId === null) delete metadata.citationId
      else if (citationId !== undefined) {
        if (!store.data.citations[citationId]) throw new MarginaliaError('not-found', `no citation with id ${citationId}`)
        metadata.citationId = citationId
      }
      return putDocument(`Edit details of ${doc.title}`, { ...doc, ...(title ? { title } : {}), metadata, modified: ctx.now() })
    },
    deleteDocument: async ({ id }) => {
      const doc = requireDocument(id)
      await store.transact(`Delete ${doc.title}`, (tx) => {
        for (const a of Object.values(store.data.annotations)) if (a.documentId === id) tx.remove('annotations', a.id)
        tx.remove('documents', id)
      })
      return { id }
    },
    getPageImage: async ({ documentId, page }) => {
      const doc = requireDocument(documentId)
      const image = doc.metadata.pageImages?.find((p) => p.page === page)
      if (!image) throw new MarginaliaError('not-found', `${doc.title} has no image for page ${page + 1}`)
      if (!/^[0-9a-f]{64}$/.test(image.sha256)) throw new MarginaliaError('invalid-file', `${doc.title}: the page image reference is damaged`)
      const bytes = await readFile(join(store.dir, 'sources', image.sha256 + image.ext)).catch(() => {
        throw new MarginaliaError('io', `${doc.title}: the image of page ${page + 1} is missing from sources/`)
      })
      return { mime: image.ext === '.png' ? 'image/png' : 'image/jpeg', contentBase64: bytes.toString('base64'), width: image.width, height: image.height }
    },
    listOcrLanguages: () => installedOcrLanguages()
  }
}

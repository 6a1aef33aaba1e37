import type { HandlersOf } from '../../shared/api/define'
import type { documentMethods } from '../../shared/api/documents'
import { MarginaliaError } from '../../shared/result'
import type { ServiceContext } from './context'
import { reimportDocument } from './reimport-document'

/** Largest base64 payload accepted by importDocument (64 MiB of bytes ≈ 86 MiB of base64). */
const MAX_BASE64_CHARS = Math.ceil((64 * 1024 * 1024 * 4) / 3) + 4

function decodeBase64(fileName: string, contentBase64: string): Uint8Array {
  if (contentBase64.length > MAX_BASE64_CHARS) throw new MarginaliaError('too-large', `${fileName}: larger than the 64 MiB Marginalia imports`)
  return new Uint8Array(Buffer.from(contentBase64, 'base64'))
}

export function createDocumentHandlers(ctx: ServiceContext): HandlersOf<typeof documentMethods> {
  const { store } = ctx
  const requireDocument = (id: string) => {
    const doc = store.data.documents[id]
    if (!doc) throw new MarginaliaError('not-found', `no document with id ${id}`)
    return doc
  }
  return {
    getProjectInfo: () => ({
      name: store.data.project.name,
      path: store.dir,
      schemaVersion: store.data.schemaVersion,
      counts: {
        documents: Object.keys(store.data.documents).length,
        annotations: Object.keys(store.data.annotations).length,
        entities: Object.keys(store.data.entities).length,
        citations: Object.keys(store.data.citations).length,
        relations: Object.keys(store.data.relations).length
      }
    }),
    listDocuments: ({ role }) => Object.values(store.data.documents).filter((d) => !role || d.role === role),
    getDocument: async ({ id }) => ({ ...requireDocument(id), text: await store.readText(id) }),
    importDocument: ({ fileName, contentBase64, format, role, title }) =>
      ctx.importBytes(fileName, decodeBase64(fileName, contentBase64), { format, role, title }),
    reimportDocument: ({ id, fileName, contentBase64, format }, call) =>
      reimportDocument(ctx, { id, fileName, bytes: decodeBase64(fileName, contentBase64), format }, call),
    deleteDocument: async ({ id }) => {
      const doc = requireDocument(id)
      await store.transact(`Delete ${doc.title}`, (tx) => {
        for (const a of Object.values(store.data.annotations)) if (a.documentId === id) tx.remove('annotations', a.id)
        tx.remove('documents', id)
      })
      return { id }
    }
  }
}

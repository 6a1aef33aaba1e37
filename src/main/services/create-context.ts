/** Builds the ServiceContext of an open project. */
import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import { extname } from 'node:path'
import type { DocumentRecord } from '../../shared/model'
import { parseDocument } from '../../shared/import/parse-document'
import type { ProjectStore } from '../store/types'
import type { ImportOptions, ServiceContext } from './context'

function defaultAuthor(): string {
  try {
    return userInfo().username || 'historian'
  } catch {
    return 'historian'
  }
}

export function createServiceContext(store: ProjectStore, appRoot: string, author = defaultAuthor()): ServiceContext {
  const ctx: ServiceContext = {
    store,
    author,
    appRoot,
    now: () => new Date().toISOString(),
    newId: (prefix) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    async importBytes(fileName: string, bytes: Uint8Array, options: ImportOptions): Promise<DocumentRecord> {
      const parsed = parseDocument(fileName, bytes, options.format) // throws before anything is stored
      const id = ctx.newId('doc')
      const sha256 = await store.saveSource(bytes, extname(fileName))
      await store.saveText(id, parsed.text)
      const now = ctx.now()
      const record: DocumentRecord = {
        id,
        title: options.title?.trim() || parsed.title,
        format: parsed.format,
        role: options.role ?? 'text',
        sha256,
        fileName: fileName.split(/[\\/]/).pop() ?? fileName,
        length: [...parsed.text].length,
        structure: parsed.structure,
        metadata: parsed.metadata,
        created: now,
        modified: now
      }
      await store.transact(`Import ${record.fileName}`, (tx) => tx.put('documents', record))
      return record
    }
  }
  return ctx
}

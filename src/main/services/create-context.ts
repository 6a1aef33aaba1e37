/** Builds the ServiceContext of an open project. */
import { randomUUID } from 'node:crypto'
import { userInfo } from 'node:os'
import type { ProjectStore } from '../store/types'
import type { ServiceContext } from './context'
import { importDocument } from './import-document'

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
    importBytes: (fileName, bytes, options, call) => importDocument(ctx, fileName, bytes, options, call)
  }
  return ctx
}

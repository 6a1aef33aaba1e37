/** Builds the ServiceContext of an open project. */
import { randomUUID } from 'node:crypto'
import type { Person } from '../../shared/model'
import type { ProjectStore } from '../store/types'
import { defaultAuthor } from './author-config'
import { authorshipStore } from './authorship-store'
import type { ServiceContext } from './context'
import { ProjectIndex } from './derived/project-index'
import { importDocument } from './import-document'

/** `author`: the current author (a bare name is a person without ORCID); the installation's default when absent. */
export function createServiceContext(store: ProjectStore, appRoot: string, author: Person | string = defaultAuthor()): ServiceContext {
  let person: Person = typeof author === 'string' ? { name: author } : author
  const ctx: ServiceContext = {
    store: authorshipStore(store, () => person),
    index: new ProjectIndex(store),
    get author() {
      return person.name
    },
    get person() {
      return person
    },
    setPerson: (p) => void (person = p),
    appRoot,
    now: () => new Date().toISOString(),
    newId: (prefix) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    importBytes: (fileName, bytes, options, call) => importDocument(ctx, fileName, bytes, options, call)
  }
  return ctx
}

/**
 * The store as the services see it: every record put into an authored collection (annotations,
 * entities, citations, relations) is stamped with who made and who last changed it
 * (src/shared/team/authorship.ts), from the session's current author at the time of the edit.
 * Undo and redo restore records as they were, authorship included. The record a service puts gets
 * the same two members (unless frozen), so the result it returns shows who made it.
 */
import type { Authorship, Person } from '../../shared/model'
import { AUTHORED_COLLECTIONS, stampAuthorship } from '../../shared/team/authorship'
import type { ProjectStore, RecordOf, Transaction } from '../store/types'

const raw = new WeakMap<ProjectStore, ProjectStore>()

/**
 * The store behind an authorship store, which writes records exactly as given: for merges, whose
 * records carry the authorship each side gave them.
 */
export function unstamped(store: ProjectStore): ProjectStore {
  return raw.get(store) ?? store
}

/** `store` with `transact` stamping authorship; every other member is the store's own. */
export function authorshipStore(store: ProjectStore, current: () => Person): ProjectStore {
  const transact: ProjectStore['transact'] = (label, fn) =>
    store.transact(label, (tx) => {
      const me = current()
      const stamping: Transaction = {
        get: (c, id) => tx.get(c, id),
        remove: (c, id) => tx.remove(c, id),
        put: (c, record) => {
          if (!AUTHORED_COLLECTIONS.has(c)) return tx.put(c, record)
          const before = tx.get(c, (record as { id: string }).id)
          const stamped = stampAuthorship(before as never, record as never, me) as RecordOf<typeof c> & Authorship
          // The services return the record they built: give it the stamp too, so a caller sees it at once.
          if (stamped !== record && !Object.isFrozen(record)) Object.assign(record, { createdBy: stamped.createdBy, modifiedBy: stamped.modifiedBy })
          tx.put(c, stamped)
        }
      }
      return fn(stamping)
    })
  const stamped = new Proxy(store, {
    get: (target, prop) => {
      if (prop === 'transact') return transact
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
  raw.set(stamped, store)
  return stamped
}

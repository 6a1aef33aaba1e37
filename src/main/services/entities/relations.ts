/**
 * Relations (subject, predicate, object) between entities and/or annotations, and the predicate
 * vocabulary: built-in predicates plus the project's own. A relation with a new predicate adds it
 * to the vocabulary in the same edit.
 */
import type { entitiesMethods } from '../../../shared/api/entities'
import type { HandlersOf } from '../../../shared/api/define'
import { DEFAULT_PREDICATES, normalisePredicate, vocabulary } from '../../../shared/entities/predicates'
import type { Relation } from '../../../shared/model'
import { MarginaliaError } from '../../../shared/result'
import type { Transaction } from '../../store/types'
import type { ServiceContext } from '../context'

type RelationHandlers = Pick<HandlersOf<typeof entitiesMethods>,
  'listRelations' | 'createRelation' | 'updateRelation' | 'deleteRelation' | 'listPredicates' | 'addPredicate' | 'deletePredicate'>

export function createRelationHandlers(ctx: ServiceContext): RelationHandlers {
  const { store } = ctx
  const checkEnd = (id: string, role: 'subject' | 'object'): void => {
    if (!store.data.entities[id] && !store.data.annotations[id]) {
      throw new MarginaliaError('not-found', `${role}: no entity or annotation with id ${id}`)
    }
  }
  /** Adds a predicate of the project's own when it is new. */
  const ensurePredicate = (tx: Transaction, label: string): string => {
    const id = normalisePredicate(label)
    if (!DEFAULT_PREDICATES.includes(id) && !tx.get('predicates', id)) tx.put('predicates', { id, builtin: false })
    return id
  }

  return {
    listRelations: ({ about }) =>
      Object.values(store.data.relations)
        .filter((r) => !about || r.subject === about || r.object === about)
        .sort((a, b) => a.created.localeCompare(b.created)),
    createRelation: ({ subject, predicate, object, note }) => {
      checkEnd(subject, 'subject')
      checkEnd(object, 'object')
      return store.transact(`Relate: ${normalisePredicate(predicate)}`, (tx) => {
        const relation: Relation = { id: ctx.newId('rel'), subject, predicate: ensurePredicate(tx, predicate), object, note: note ?? '', created: ctx.now() }
        tx.put('relations', relation)
        return relation
      })
    },
    updateRelation: ({ id, subject, predicate, object, note }) => {
      const old = store.data.relations[id]
      if (!old) throw new MarginaliaError('not-found', `no relation with id ${id}`)
      if (subject) checkEnd(subject, 'subject')
      if (object) checkEnd(object, 'object')
      return store.transact('Edit relation', (tx) => {
        const next: Relation = {
          ...old,
          subject: subject ?? old.subject,
          object: object ?? old.object,
          predicate: predicate ? ensurePredicate(tx, predicate) : old.predicate,
          note: note ?? old.note
        }
        tx.put('relations', next)
        return next
      })
    },
    deleteRelation: async ({ id }) => {
      if (!store.data.relations[id]) throw new MarginaliaError('not-found', `no relation with id ${id}`)
      await store.transact('Delete relation', (tx) => tx.remove('relations', id))
      return { id }
    },
    listPredicates: () => vocabulary(store.data.predicates),
    addPredicate: ({ label }) => {
      const id = normalisePredicate(label)
      if (DEFAULT_PREDICATES.includes(id)) return { id, builtin: true }
      if (store.data.predicates[id]) return store.data.predicates[id]
      return store.transact(`Add predicate ${id}`, (tx) => {
        const p = { id, builtin: false }
        tx.put('predicates', p)
        return p
      })
    },
    deletePredicate: async ({ id }) => {
      if (DEFAULT_PREDICATES.includes(id)) throw new MarginaliaError('invalid-argument', `"${id}" is a built-in predicate and cannot be removed`)
      if (!store.data.predicates[id]) throw new MarginaliaError('not-found', `no predicate "${id}"`)
      const used = Object.values(store.data.relations).filter((r) => r.predicate === id).length
      if (used > 0) throw new MarginaliaError('conflict', `predicate "${id}" is used by ${used} relation(s); change or delete them first`)
      await store.transact(`Remove predicate ${id}`, (tx) => tx.remove('predicates', id))
      return { id }
    }
  }
}

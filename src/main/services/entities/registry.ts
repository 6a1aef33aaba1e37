/**
 * The entity registry's handlers: list (with mention counts), get, create, update, merge, delete,
 * type-ahead search and mentions. Input is checked field by field (authority ids by pattern,
 * dates as EDTF) and a bad field fails with a message naming it, changing nothing.
 */
import type { entitiesMethods, EntitySummary, Mention } from '../../../shared/api/entities'
import type { HandlersOf, ParsedArgsOf } from '../../../shared/api/define'
import { AuthorityIdError, parseAuthorityId } from '../../../shared/entities/authority'
import { EdtfError, parseEdtf } from '../../../shared/entities/edtf'
import { foldKey } from '../../../shared/text/fold'
import { MergeError, planDelete, planMerge } from '../../../shared/entities/merge'
import { searchEntities } from '../../../shared/entities/type-ahead'
import type { AuthorityId, Entity, EntityDates } from '../../../shared/model'
import { ENTITY_TYPES } from '../../../shared/model'
import { MarginaliaError } from '../../../shared/result'
import type { ServiceContext } from '../context'

type Methods = typeof entitiesMethods
type RegistryHandlers = Pick<HandlersOf<Methods>,
  'listEntities' | 'getEntity' | 'createEntity' | 'updateEntity' | 'mergeEntities' | 'deleteEntity' | 'searchEntities' | 'listMentions'>

/** Validates authority ids; the error names the scheme and the expected form. */
export function checkAuthorities(input: { scheme: AuthorityId['scheme']; id: string }[]): AuthorityId[] {
  const out: AuthorityId[] = []
  for (const a of input) {
    try {
      const parsed = parseAuthorityId(a.scheme, a.id)
      if (out.some((o) => o.scheme === a.scheme)) {
        throw new MarginaliaError('invalid-argument', `authorities: two ${a.scheme} ids given; an entity has one id per authority`)
      }
      out.push(parsed)
    } catch (err) {
      if (err instanceof AuthorityIdError) throw new MarginaliaError('invalid-argument', `authorities.${a.scheme}: ${err.message}`)
      throw err
    }
  }
  return out
}

/** Validates EDTF dates (keeping them exactly as typed); '' removes a date. */
export function checkDates(input: Partial<Record<keyof EntityDates, string>>, base: EntityDates = {}): EntityDates {
  const out: EntityDates = { ...base }
  for (const [key, value] of Object.entries(input) as [keyof EntityDates, string][]) {
    if (value.trim() === '') {
      delete out[key]
      continue
    }
    try {
      out[key] = parseEdtf(value)
    } catch (err) {
      if (err instanceof EdtfError) throw new MarginaliaError('invalid-argument', `dates.${key}: ${err.message}`)
      throw err
    }
  }
  return out
}

/** Aliases trimmed, without duplicates (folded) and without the label itself. */
export function tidyAliases(label: string, aliases: string[]): string[] {
  const seen = new Set([foldKey(label)])
  return aliases.map((a) => a.trim()).filter((a) => {
    const key = foldKey(a)
    if (key === '' || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export function createRegistryHandlers(ctx: ServiceContext): RegistryHandlers {
  const { store } = ctx
  const entity = (id: string): Entity => {
    const e = store.data.entities[id]
    if (!e) throw new MarginaliaError('not-found', `no entity with id ${id}`)
    return e
  }
  /** An entity with its mention counts (tallied per change: derived/tallies.ts, not scanned). */
  const summary = (e: Entity): EntitySummary => ({ ...e, ...ctx.index.tallies.mentionsOf(e.id) })

  const create = (args: ParsedArgsOf<Methods['createEntity']>): Entity => {
    const now = ctx.now()
    const e: Entity = {
      id: ctx.newId('ent'),
      type: args.type,
      label: args.label,
      aliases: tidyAliases(args.label, args.aliases ?? []),
      description: args.description ?? '',
      authorities: checkAuthorities(args.authorities ?? []),
      dates: checkDates(args.dates ?? {}),
      created: now,
      modified: now
    }
    if (args.coordinates) e.coordinates = args.coordinates
    return e
  }

  return {
    listEntities: ({ type }) => {
      const order = (t: string) => ENTITY_TYPES.indexOf(t as Entity['type'])
      return Object.values(store.data.entities)
        .filter((e) => !type || e.type === type)
        .map(summary)
        .sort((a, b) => order(a.type) - order(b.type) || a.label.localeCompare(b.label))
    },
    getEntity: ({ id }) => summary(entity(id)),
    createEntity: (args) => {
      const e = create(args)
      return store.transact(`Create ${e.type} ${e.label}`, (tx) => {
        tx.put('entities', e)
        return e
      })
    },
    updateEntity: (args) => {
      const old = entity(args.id)
      const next: Entity = { ...old, modified: ctx.now() }
      if (args.type) next.type = args.type
      if (args.label) next.label = args.label
      if (args.description !== undefined) next.description = args.description
      if (args.authorities) next.authorities = checkAuthorities(args.authorities)
      if (args.dates) next.dates = checkDates(args.dates, old.dates)
      if (args.coordinates === null) delete next.coordinates
      else if (args.coordinates) next.coordinates = args.coordinates
      next.aliases = tidyAliases(next.label, args.aliases ?? old.aliases)
      return store.transact(`Edit ${next.label}`, (tx) => {
        tx.put('entities', next)
        return next
      })
    },
    mergeEntities: ({ into, from }) => {
      let plan: ReturnType<typeof planMerge>
      try {
        plan = planMerge(store.data, into, from, ctx.now())
      } catch (err) {
        if (err instanceof MergeError) throw new MarginaliaError(err.code, err.message)
        throw err
      }
      const fromLabel = store.data.entities[from].label
      return store.transact(`Merge ${fromLabel} into ${plan.entity.label}`, (tx) => {
        tx.put('entities', plan.entity)
        for (const a of plan.annotations) tx.put('annotations', a)
        for (const r of plan.relations) tx.put('relations', r)
        for (const r of plan.removedRelations) tx.remove('relations', r)
        tx.remove('entities', from)
        return {
          entity: plan.entity,
          movedAnnotations: plan.annotations.length,
          movedRelations: plan.relations.length,
          removedRelations: plan.removedRelations.length,
          conflicts: plan.conflicts
        }
      })
    },
    deleteEntity: ({ id }) => {
      const e = entity(id)
      const plan = planDelete(store.data, id, ctx.now())
      return store.transact(`Delete ${e.label}`, (tx) => {
        for (const a of plan.annotations) tx.put('annotations', a)
        for (const r of plan.removedRelations) tx.remove('relations', r)
        tx.remove('entities', id)
        return { id, unlinkedAnnotations: plan.annotations.length, removedRelations: plan.removedRelations.length }
      })
    },
    searchEntities: ({ query, type, limit }) => searchEntities(Object.values(store.data.entities), query, { type, limit: limit ?? 20 }),
    listMentions: ({ entityId }) => {
      entity(entityId)
      const docs = Object.values(store.data.documents)
      const docOrder = new Map(docs.map((d, i) => [d.id, i]))
      return Object.values(store.data.annotations)
        .filter((a) => a.entityIds.includes(entityId))
        .sort((a, b) => (docOrder.get(a.documentId) ?? 0) - (docOrder.get(b.documentId) ?? 0) || a.target.start - b.target.start)
        .map((a): Mention => ({
          annotationId: a.id,
          documentId: a.documentId,
          documentTitle: store.data.documents[a.documentId]?.title ?? a.documentId,
          start: a.target.start,
          end: a.target.end,
          exact: a.target.exact,
          prefix: a.target.prefix,
          suffix: a.target.suffix
        }))
    }
  }
}

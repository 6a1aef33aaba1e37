/**
 * Spelling-variant expansion through entity names: a query (or one clause of it) that is a name of
 * an entity — its label or an alias, folded — also finds every other name of that entity.
 * `Bajazet` finds `Bayezid` and `Bayazid` when one entity has all three; `"John VII"` finds
 * `Iōannēs VII Palaiologos` when that is an alias. A name is matched whole, never a part of it.
 */
import type { ParsedQuery, QueryClause, QueryPhrase } from './query'
import { foldedWords } from './word-table'

/** The names of an entity, as the project stores them. */
export interface NamedEntity {
  id: string
  label: string
  aliases: readonly string[]
}

/** An entity whose names were added to the query. */
export interface VariantExpansion {
  entityId: string
  label: string
  /** The names searched for, as written. */
  names: string[]
}

const keyOf = (words: readonly string[]): string => words.join(' ')

/** Folded name → the entities having it. */
function nameIndex(entities: readonly NamedEntity[]): Map<string, NamedEntity[]> {
  const index = new Map<string, NamedEntity[]>()
  for (const e of entities) {
    for (const name of new Set([e.label, ...e.aliases])) {
      const key = keyOf(foldedWords(name))
      if (!key) continue
      const list = index.get(key) ?? []
      if (!list.includes(e)) list.push(e)
      index.set(key, list)
    }
  }
  return index
}

/** The key of a clause made of one exact phrase, or undefined. */
function exactKey(clause: QueryClause): string | undefined {
  if (clause.alternatives.length !== 1) return undefined
  const { words } = clause.alternatives[0]
  return words.every((w) => w.mode === 'exact') ? keyOf(words.map((w) => w.text)) : undefined
}

/** One clause whose alternatives are every name of the entities, each once. */
function namesClause(entities: readonly NamedEntity[], expansions: VariantExpansion[]): QueryClause {
  const alternatives: QueryPhrase[] = []
  const seen = new Set<string>()
  for (const e of entities) {
    const names: string[] = []
    for (const name of new Set([e.label, ...e.aliases])) {
      const words = foldedWords(name)
      const key = keyOf(words)
      if (!key || seen.has(key)) continue
      seen.add(key)
      names.push(name)
      alternatives.push({ words: words.map((text) => ({ text, mode: 'exact' })), label: name, entityId: e.id })
    }
    expansions.push({ entityId: e.id, label: e.label, names })
  }
  return { alternatives }
}

/** A query for every name of one entity (a concordance of the entity's names). */
export function entityNamesQuery(entity: NamedEntity): ParsedQuery {
  return { clauses: [namesClause([entity], [])] }
}

/**
 * The query with entity names added: first the whole query as one name (`John VII Palaiologos`
 * typed without quotes), otherwise each clause that is a name on its own.
 */
export function expandVariants(query: ParsedQuery, entities: readonly NamedEntity[]): { query: ParsedQuery; variants: VariantExpansion[] } {
  const variants: VariantExpansion[] = []
  if (entities.length === 0) return { query, variants }
  const index = nameIndex(entities)
  const keys = query.clauses.map(exactKey)
  if (query.clauses.length > 1 && keys.every((k) => k !== undefined)) {
    const whole = index.get(keys.join(' '))
    if (whole) return { query: { clauses: [namesClause(whole, variants)] }, variants }
  }
  const clauses = query.clauses.map((clause, i) => {
    const named = keys[i] === undefined ? undefined : index.get(keys[i]!)
    return named ? namesClause(named, variants) : clause
  })
  return { query: { clauses }, variants }
}

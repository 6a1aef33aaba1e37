/**
 * Validation of every stored record (on load, on journal replay, and on each `put`), so a record
 * the services cannot read (e.g. one with only an id) never enters the store or a backup.
 * The shapes come from the shipped export schema (`schemas/marginalia-export.schema.json`), one
 * source for what a record is, with the store's own differences:
 *  - a stored document has no `text` (it lives in texts/) and may carry `textFile` and `textSha256`;
 *  - enumerations that importers extend (document `format`, block `kind`) are checked as strings,
 *    so a project written with a newer importer still opens.
 * Extra members are allowed (as the export schema allows them); required members and types are not optional.
 */
import Ajv, { type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import exportSchema from '../../../schemas/marginalia-export.schema.json'
import type { CollectionName } from '../../shared/model'

const RECORD_DEFINITION: Record<CollectionName, string> = {
  documents: 'document', annotations: 'annotation', entities: 'entity', citations: 'citation',
  relations: 'relation', predicates: 'predicate', tags: 'tag', rejectedSuggestions: 'rejectedSuggestion'
}

type Schema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] }

function storeDefinitions(): Record<string, Schema> {
  const defs = structuredClone(exportSchema.definitions) as unknown as Record<string, Schema>
  const doc = defs.document
  doc.required = doc.required!.filter((m) => m !== 'text')
  delete doc.properties!.text
  doc.properties!.format = { type: 'string', minLength: 1 }
  doc.properties!.textFile = { type: 'string', minLength: 1 }
  doc.properties!.textSha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' }
  defs.block.properties!.kind = { type: 'string', minLength: 1 }
  return defs
}

let validators: Map<CollectionName, ValidateFunction> | undefined

function compile(): Map<CollectionName, ValidateFunction> {
  // 'fast' formats: date-time is checked by shape, not calendar (a full check costs 3× the load).
  const ajv = new Ajv({ allErrors: false, strict: false })
  addFormats(ajv, { mode: 'fast' })
  ajv.addSchema({ $id: 'store', definitions: storeDefinitions() })
  return new Map(Object.entries(RECORD_DEFINITION).map(([c, def]) => [c as CollectionName, ajv.compile({ $ref: `store#/definitions/${def}` })]))
}

/**
 * The problem with `record` as a member of `collection` under key `id` ("missing member target",
 * "id does not match its key"…), or undefined when it is a valid record.
 */
export function recordProblem(collection: CollectionName, id: string, record: unknown): string | undefined {
  validators ??= compile()
  const validate = validators.get(collection)!
  if (!validate(record)) {
    const e = validate.errors![0]
    if (e.keyword === 'required') return `missing member ${(e.params as { missingProperty: string }).missingProperty}${e.instancePath ? ` in ${e.instancePath}` : ''}`
    return `${e.instancePath || 'the record'} ${e.message}`
  }
  if ((record as { id: unknown }).id !== id) return `its id ${JSON.stringify((record as { id: unknown }).id)} does not match its key`
  return undefined
}

/**
 * CLI commands of the entities domain: `entity add/list/merge/delete`, `suggest`, `link-all`,
 * `relation add/list`. (`annotate … --entity ID` is the core annotate command.)
 */
import { AUTHORITY_SCHEMES, ENTITY_TYPES, type EntityType, SUGGESTION_SOURCES, type SuggestionSource } from '../../shared/model'
import type { CliCommand, ParsedArgs } from '../command'
import { option, positional, requiredOption } from '../parse-args'

function entityType(value: string): EntityType {
  if (!(ENTITY_TYPES as readonly string[]).includes(value)) throw new Error(`--type must be one of ${ENTITY_TYPES.join(', ')} (got "${value}")`)
  return value as EntityType
}

function coordinates(args: ParsedArgs): { lat: number; lon: number } | undefined {
  const lat = option(args, 'lat')
  const lon = option(args, 'lon')
  if (lat === undefined && lon === undefined) return undefined
  if (lat === undefined || lon === undefined) throw new Error('--lat and --lon go together')
  const point = { lat: Number(lat), lon: Number(lon) }
  if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon)) throw new Error(`--lat/--lon must be decimal degrees (got ${lat}, ${lon})`)
  return point
}

export const entitiesCommands: CliCommand[] = [
  {
    name: 'entity add',
    usage: `entity add DIR --type ${ENTITY_TYPES.join('|')} --label L [--alias A]… [--description D] [--wikidata Q…] [--viaf N] [--geonames N] [--pleiades N] [--gnd N] [--loc N] [--date EDTF] [--birth EDTF] [--death EDTF] [--start EDTF] [--end EDTF] [--lat N --lon N]`,
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const type = entityType(requiredOption(args, 'type'))
      const authorities = AUTHORITY_SCHEMES.flatMap((scheme) => (args.options[scheme] ?? []).map((id) => ({ scheme, id })))
      const dates = Object.fromEntries(
        (['date', 'birth', 'death', 'start', 'end'] as const).flatMap((k) => (option(args, k) ? [[k, option(args, k)!]] : []))
      )
      const api = await env.open(dir)
      return env.unwrap(await api.createEntity({
        type,
        label: requiredOption(args, 'label'),
        aliases: args.options.alias,
        description: option(args, 'description'),
        authorities,
        dates,
        coordinates: coordinates(args)
      }))
    }
  },
  {
    name: 'entity list',
    usage: `entity list DIR [--type ${ENTITY_TYPES.join('|')}]`,
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const type = option(args, 'type')
      const api = await env.open(dir)
      return env.unwrap(await api.listEntities({ type: type ? entityType(type) : undefined }))
    }
  },
  {
    name: 'entity merge',
    usage: 'entity merge DIR --into ID --from ID',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.mergeEntities({ into: requiredOption(args, 'into'), from: requiredOption(args, 'from') }))
    }
  },
  {
    name: 'entity delete',
    usage: 'entity delete DIR --id ID   (links removed, passages kept)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.deleteEntity({ id: requiredOption(args, 'id') }))
    }
  },
  {
    name: 'entity mentions',
    usage: 'entity mentions DIR --id ID',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.listMentions({ entityId: requiredOption(args, 'id') }))
    }
  },
  {
    name: 'suggest',
    usage: `suggest DIR --doc ID [--source ${SUGGESTION_SOURCES.join('|')}]…`,
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const sources = args.options.source
      for (const s of sources ?? []) if (!(SUGGESTION_SOURCES as readonly string[]).includes(s)) throw new Error(`--source must be one of ${SUGGESTION_SOURCES.join(', ')} (got "${s}")`)
      return env.unwrap(await api.suggestMentions({ documentId: requiredOption(args, 'doc'), sources: sources as SuggestionSource[] | undefined }))
    }
  },
  {
    name: 'link-all',
    usage: 'link-all DIR --entity ID --doc ID   (prints the annotations made; one undoable edit)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.linkAll({ entityId: requiredOption(args, 'entity'), documentId: requiredOption(args, 'doc') }))
    }
  },
  {
    name: 'relation add',
    usage: 'relation add DIR --subject ID --predicate P --object ID [--note N]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.createRelation({
        subject: requiredOption(args, 'subject'),
        predicate: requiredOption(args, 'predicate'),
        object: requiredOption(args, 'object'),
        note: option(args, 'note')
      }))
    }
  },
  {
    name: 'relation list',
    usage: 'relation list DIR [--about ID]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.listRelations({ about: option(args, 'about') }))
    }
  }
]

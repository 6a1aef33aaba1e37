/** CLI commands of the corpus: `search`, `kwic` (concordance) and `annotations` (the table, filtered). */
import type { AnnotationFilter, TableColumn, Verdict } from '../../shared/api/corpus'
import { VERDICTS } from '../../shared/corpus/annotation-rows'
import { TABLE_COLUMNS } from '../../shared/corpus/annotation-table'
import { KWIC_SORTS, type KwicSort } from '../../shared/corpus/kwic'
import { ENTITY_TYPES, type EntityType } from '../../shared/model'
import type { CliCommand, ParsedArgs } from '../command'
import { intOption, option, positional } from '../parse-args'

/** Every value of a repeatable option, each checked against `allowed` when given. */
function many(args: ParsedArgs, name: string, allowed?: readonly string[]): string[] | undefined {
  const values = args.options[name]
  if (!values) return undefined
  for (const v of values) if (allowed && !allowed.includes(v)) throw new Error(`--${name} must be one of ${allowed.join(', ')}, not "${v}"`)
  return values
}

/** `--format json|csv` (json by default). */
function format(args: ParsedArgs): 'json' | 'csv' {
  const f = option(args, 'format') ?? 'json'
  if (f !== 'json' && f !== 'csv') throw new Error(`--format must be json or csv, not "${f}"`)
  return f
}

/** Writes CSV text to standard output as it is (not as JSON). */
function printCsv(content: string): undefined {
  process.stdout.write(content)
  return undefined
}

function filterOf(args: ParsedArgs): AnnotationFilter {
  return {
    tags: many(args, 'tag'),
    entityIds: many(args, 'entity'),
    entityTypes: many(args, 'type', ENTITY_TYPES) as EntityType[] | undefined,
    verdicts: many(args, 'verdict', VERDICTS) as Verdict[] | undefined,
    documentIds: many(args, 'doc'),
    citationIds: many(args, 'citation'),
    text: option(args, 'text')
  }
}

export const searchCommands: CliCommand[] = [
  {
    name: 'search',
    usage: 'search DIR --query Q [--doc ID] [--limit N] [--context N] [--no-variants]   (JSON hits; start/end in code points)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const query = option(args, 'query')
      if (!query) throw new Error('--query is required')
      return env.unwrap(await api.search({
        query, documentId: option(args, 'doc'), limit: intOption(args, 'limit'), context: intOption(args, 'context'),
        variants: args.flags.has('no-variants') ? false : undefined
      }))
    }
  },
  {
    name: 'kwic',
    usage: 'kwic DIR (--query Q | --entity ID [--names]) [--doc ID] [--width N] [--sort position|left|right] [--limit N] [--format json|csv]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const query = option(args, 'query')
      const entityId = option(args, 'entity')
      if (!query === !entityId) throw new Error('give exactly one of --query Q or --entity ID')
      const sort = option(args, 'sort')
      if (sort !== undefined && !(KWIC_SORTS as readonly string[]).includes(sort)) throw new Error(`--sort must be ${KWIC_SORTS.join(', ')}, not "${sort}"`)
      const request = {
        query, entityId, documentId: option(args, 'doc'), names: args.flags.has('names') || undefined,
        width: intOption(args, 'width'), sort: sort as KwicSort | undefined
      }
      if (format(args) === 'csv') return printCsv(env.unwrap(await api.exportConcordance(request)).content)
      return env.unwrap(await api.concordance({ ...request, limit: intOption(args, 'limit') }))
    }
  },
  {
    name: 'annotations',
    usage: 'annotations DIR [--tag T]… [--entity ID]… [--type T]… [--verdict V]… [--doc ID]… [--citation ID]… [--text WORDS] [--sort COLUMN [--desc]] [--limit N] [--facets] [--format json|csv]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const filter = filterOf(args)
      const column = option(args, 'sort')
      if (column !== undefined && !(TABLE_COLUMNS as readonly string[]).includes(column)) throw new Error(`--sort must be one of ${TABLE_COLUMNS.join(', ')}, not "${column}"`)
      const sort = column ? { column: column as TableColumn, descending: args.flags.has('desc') } : undefined
      if (format(args) === 'csv') return printCsv(env.unwrap(await api.exportAnnotationTable({ filter, sort })).content)
      const table = env.unwrap(await api.annotationTable({ filter, sort, limit: intOption(args, 'limit') }))
      return args.flags.has('facets') ? table : { total: table.total, all: table.all, rows: table.rows }
    }
  }
]

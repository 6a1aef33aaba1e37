/** CLI commands of the citations domain: bibliography import and listing, reference extraction, formatting. */
import { basename } from 'node:path'
import type { CitationStyle } from '../../shared/api/citations'
import { LIMITS } from '../../shared/limits'
import type { CliCommand } from '../command'
import { option, positional, requiredOption } from '../parse-args'

const BIB_FORMATS = ['bibtex', 'ris', 'csl-json'] as const
const STYLES = ['chicago-notes-bibliography', 'chicago-author-date']

function styleOption(args: Parameters<CliCommand['run']>[0]): CitationStyle {
  const style = option(args, 'style') ?? 'chicago-notes-bibliography'
  if (!STYLES.includes(style)) throw new Error(`--style must be one of ${STYLES.join(', ')}`)
  return style as CitationStyle
}

export const citationsCommands: CliCommand[] = [
  {
    name: 'bib import',
    usage: 'bib import DIR FILE [--format bibtex|ris|csl-json]',
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const file = positional(args, 1, 'FILE')
      const format = option(args, 'format')
      if (format && !(BIB_FORMATS as readonly string[]).includes(format)) throw new Error(`--format must be one of ${BIB_FORMATS.join(', ')}`)
      const bytes = await env.readFile(file, LIMITS.bibliographyFile)
      const api = await env.open(dir)
      const report = env.unwrap(await api.importBibliography({
        fileName: basename(file),
        contentBase64: Buffer.from(bytes).toString('base64'),
        format: format as (typeof BIB_FORMATS)[number] | undefined
      }))
      // The ids of every new item would flood the terminal; `bib list` shows them.
      const { citationIds, ...rest } = report
      return { ...rest, citationIds: citationIds.length <= 20 ? citationIds : `${citationIds.length} ids (see bib list)` }
    }
  },
  {
    name: 'bib list',
    usage: 'bib list DIR',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.listCitations({})).map((c) => ({ id: c.id, label: c.label, citedBy: c.citedBy, item: c.item }))
    }
  },
  {
    name: 'bib format',
    usage: 'bib format DIR [--style chicago-notes-bibliography|chicago-author-date] [--output json|text|html]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const out = env.unwrap(await api.formatBibliography({ style: styleOption(args) }))
      const output = option(args, 'output') ?? 'json'
      if (output === 'text') return out.text
      if (output === 'html') return out.html
      if (output !== 'json') throw new Error('--output must be json, text or html')
      return out
    }
  },
  {
    name: 'cite extract',
    usage: 'cite extract DIR --doc ID [--all] (--all: rejected proposals too)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.extractReferences({ documentId: requiredOption(args, 'doc'), includeRejected: args.flags.has('all') }))
    }
  },
  {
    name: 'cite accept',
    usage: 'cite accept DIR --doc ID --proposal PID [--citation ID] [--locator L]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.acceptReference({
        documentId: requiredOption(args, 'doc'),
        proposalId: requiredOption(args, 'proposal'),
        citationId: option(args, 'citation'),
        locator: option(args, 'locator')
      }))
    }
  },
  {
    name: 'cite reject',
    usage: 'cite reject DIR --doc ID --proposal PID',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.rejectReference({ documentId: requiredOption(args, 'doc'), proposalId: requiredOption(args, 'proposal') }))
    }
  },
  {
    name: 'cite passages',
    usage: 'cite passages DIR --citation ID',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.listCitingPassages({ citationId: requiredOption(args, 'citation') }))
    }
  },
  {
    name: 'cite notes',
    usage: 'cite notes DIR --doc ID [--style chicago-notes-bibliography|chicago-author-date]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.formatNotes({ documentId: requiredOption(args, 'doc'), style: styleOption(args) }))
    }
  }
]

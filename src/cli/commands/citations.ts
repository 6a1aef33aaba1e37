/** CLI commands of the citations domain: bibliography import and listing, reference extraction, formatting. */
import { basename } from 'node:path'
import { LIMITS } from '../../shared/limits'
import { BIBLIOGRAPHY_FORMATS, type BibliographyFormat, CITATION_STYLES, type CitationStyle, DEFAULT_CITATION_STYLE, isCitationStyle } from '../../shared/model'
import type { CliCommand } from '../command'
import { option, positional, requiredOption } from '../parse-args'

const STYLE_USAGE = `[--style ${CITATION_STYLES.join('|')}]`

function styleOption(args: Parameters<CliCommand['run']>[0]): CitationStyle {
  const style = option(args, 'style') ?? DEFAULT_CITATION_STYLE
  if (!isCitationStyle(style)) throw new Error(`--style must be one of ${CITATION_STYLES.join(', ')}`)
  return style
}

export const citationsCommands: CliCommand[] = [
  {
    name: 'bib import',
    usage: `bib import DIR FILE [--format ${BIBLIOGRAPHY_FORMATS.join('|')}]`,
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const file = positional(args, 1, 'FILE')
      const format = option(args, 'format')
      if (format && !(BIBLIOGRAPHY_FORMATS as readonly string[]).includes(format)) throw new Error(`--format must be one of ${BIBLIOGRAPHY_FORMATS.join(', ')}`)
      const bytes = await env.readFile(file, LIMITS.bibliographyFile)
      const api = await env.open(dir)
      const report = env.unwrap(await api.importBibliography({
        fileName: basename(file),
        contentBase64: Buffer.from(bytes).toString('base64'),
        format: format as BibliographyFormat | undefined
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
    name: 'bib parse',
    usage: 'bib parse DIR TEXT   (what `bib add` would make of TEXT, and the item the project already has for it; changes nothing)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.parseReference({ text: positional(args, 1, 'TEXT') }))
    }
  },
  {
    name: 'bib add',
    usage: 'bib add DIR TEXT [--language L]   (an item from a typed reference or a title; the existing item when the project has the work)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.createCitationFromText({ text: positional(args, 1, 'TEXT'), language: option(args, 'language') }))
    }
  },
  {
    name: 'bib merge',
    usage: 'bib merge DIR --into ID --from ID   (FROM\'s links move to INTO, which gains FROM\'s missing fields; FROM is deleted; undoable)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.mergeCitations({ into: requiredOption(args, 'into'), from: requiredOption(args, 'from') }))
    }
  },
  {
    name: 'bib format',
    usage: `bib format DIR ${STYLE_USAGE} [--doc ID | --all] [--output json|text|html]   (works cited by the project, by one document, or the whole library)`,
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const style = styleOption(args)
      const documentId = option(args, 'doc')
      const citationIds = args.flags.has('all') ? env.unwrap(await api.listCitations({})).map((c) => c.id) : undefined
      const out = env.unwrap(await api.formatBibliography({ style, documentId, citationIds }))
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
    usage: `cite notes DIR --doc ID ${STYLE_USAGE}`,
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.formatNotes({ documentId: requiredOption(args, 'doc'), style: styleOption(args) }))
    }
  }
]

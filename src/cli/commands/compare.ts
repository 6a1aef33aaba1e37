/** CLI commands of the compare domain: attach a source, compare a claim, record a verdict, report. */
import { basename } from 'node:path'
import { verificationStatus } from '../../shared/api/schemas'
import { LIMITS } from '../../shared/limits'
import type { CliCommand } from '../command'
import { intOption, option, positional, requiredOption } from '../parse-args'

/** The claim of a command: exactly one of --annotation ID or --claim TEXT. */
function claimOptions(args: Parameters<CliCommand['run']>[0]): { annotationId?: string; claim?: string } {
  const annotationId = option(args, 'annotation')
  const claim = option(args, 'claim')
  if (!annotationId === !claim) throw new Error('give exactly one of --annotation ID or --claim TEXT')
  return { annotationId, claim }
}

export const compareCommands: CliCommand[] = [
  {
    name: 'attach',
    usage: 'attach DIR --citation ID (--doc SOURCE_ID | --file FILE [--title T])',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const citationId = requiredOption(args, 'citation')
      const documentId = option(args, 'doc')
      const file = option(args, 'file')
      if (!documentId === !file) throw new Error('give exactly one of --doc SOURCE_ID or --file FILE')
      if (documentId) return env.unwrap(await api.attachSource({ citationId, documentId }))
      const bytes = await env.readFile(file!, LIMITS.documentFile)
      return env.unwrap(await api.attachSource({ citationId, fileName: basename(file!), contentBase64: Buffer.from(bytes).toString('base64'), title: option(args, 'title') }))
    }
  },
  {
    name: 'compare',
    usage: 'compare DIR (--annotation ID [--citation ID] [--source DOC_ID] | --claim TEXT --source DOC_ID) [--locator L] [--top K]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.compareClaim({
        ...claimOptions(args),
        citationId: option(args, 'citation'),
        sourceDocumentId: option(args, 'source'),
        locator: option(args, 'locator'),
        top: intOption(args, 'top')
      }))
    }
  },
  {
    name: 'check-passage',
    usage: 'check-passage DIR (--annotation ID | --claim TEXT) --source DOC_ID --start N --end N',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const { annotationId, claim } = claimOptions(args)
      const start = intOption(args, 'start')
      const end = intOption(args, 'end')
      if (start === undefined || end === undefined) throw new Error('give --start N and --end N (code points of the source)')
      return env.unwrap(await api.checkPassage({ annotationId, claim, sourceDocumentId: requiredOption(args, 'source'), start, end }))
    }
  },
  {
    name: 'locate',
    usage: 'locate DIR --doc DOC_ID --locator "pp. 339–342"',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.locate({ documentId: requiredOption(args, 'doc'), locator: requiredOption(args, 'locator') }))
    }
  },
  {
    name: 'verify',
    usage: 'verify DIR --annotation ID --citation ID --status supported|partially-supported|contradicted|not-found|unchecked [--source-start N --source-end N] [--source DOC_ID] [--note T]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const status = verificationStatus.safeParse(requiredOption(args, 'status'))
      if (!status.success) throw new Error(`--status must be one of ${verificationStatus.options.join(', ')}`)
      return env.unwrap(await api.verifyClaim({
        annotationId: requiredOption(args, 'annotation'),
        citationId: requiredOption(args, 'citation'),
        status: status.data,
        sourceDocumentId: option(args, 'source'),
        sourceStart: intOption(args, 'source-start'),
        sourceEnd: intOption(args, 'source-end'),
        note: option(args, 'note')
      }))
    }
  },
  {
    name: 'report',
    usage: 'report DIR [--format json|csv|html] [--doc DOC_ID] [--out FILE]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const format = option(args, 'format') ?? 'json'
      const documentId = option(args, 'doc')
      const out = option(args, 'out')
      if (format === 'json') {
        const rows = env.unwrap(await api.verificationReport({ documentId }))
        if (!out) return rows
        await env.writeFile(out, JSON.stringify(rows, null, 2) + '\n')
        return { written: out, rows: rows.length }
      }
      if (format !== 'csv' && format !== 'html') throw new Error('--format must be json, csv or html')
      const file = env.unwrap(await api.exportVerificationReport({ format, documentId }))
      if (!out) return file.content
      await env.writeFile(out, file.content)
      return { written: out, mediaType: file.mediaType }
    }
  }
]

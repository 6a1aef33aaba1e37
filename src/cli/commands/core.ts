/** Foundation commands: init, import, reimport, annotate, list, restore. */
import { restoreNewestBackup } from '../../main/store/project-store'
import type { ImportedDocument, ReimportResult } from '../../shared/api/documents'
import { LIMITS } from '../../shared/limits'
import { DOCUMENT_ROLES, type DocumentRole } from '../../shared/model'
import type { CliCommand } from '../command'
import { intOption, option, positional, requiredOption } from '../parse-args'
import { ENCODINGS, FORMATS, pick, readOptions, runJob } from './read-options'

export const coreCommands: CliCommand[] = [
  {
    name: 'init',
    usage: 'init DIR [--name NAME]',
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const api = await env.open(dir, { create: true, name: option(args, 'name') })
      return env.unwrap(await api.getProjectInfo({}))
    }
  },
  {
    name: 'import',
    usage: `import DIR FILE [--format ${FORMATS.join('|')}] [--encoding ${ENCODINGS.join('|')}] [--ocr-lang L]… [--ocr off] [--gutenberg trim|keep] [--role ${DOCUMENT_ROLES.join('|')}] [--title T]`,
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const file = positional(args, 1, 'FILE')
      const role = option(args, 'role')
      if (role && !(DOCUMENT_ROLES as readonly string[]).includes(role)) throw new Error(`--role must be one of ${DOCUMENT_ROLES.join(', ')}`)
      const read = readOptions(args)
      const bytes = await env.readFile(file, LIMITS.documentFile)
      const api = await env.open(dir)
      const doc = env.unwrap(await runJob(api, 'importDocument', {
        fileName: file, contentBase64: Buffer.from(bytes).toString('base64'), ...read,
        role: role as DocumentRole | undefined, title: option(args, 'title')
      })) as ImportedDocument
      return {
        id: doc.id, title: doc.title, format: doc.format, role: doc.role, length: doc.length,
        ...pick(doc.metadata, ['author', 'date', 'source', 'language', 'encoding']),
        categories: doc.metadata.categories,
        counts: doc.report
      }
    }
  },
  {
    name: 'reimport',
    usage: 'reimport DIR --doc ID FILE [--encoding E] [--gutenberg trim|keep] [--ocr-lang L]…   (a new version of a document; every annotation is re-anchored)',
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const file = positional(args, 1, 'FILE')
      const bytes = await env.readFile(file, LIMITS.documentFile)
      const api = await env.open(dir)
      const result = env.unwrap(await runJob(api, 'reimportDocument', {
        id: requiredOption(args, 'doc'), fileName: file, contentBase64: Buffer.from(bytes).toString('base64'), ...readOptions(args)
      })) as ReimportResult
      return { id: result.document.id, unchanged: result.unchanged, counts: result.counts, orphans: result.orphans }
    }
  },
  {
    name: 'annotate',
    usage: 'annotate DIR --doc ID --quote TEXT [--occurrence N] [--tag T]… [--note N] [--entity ID]… [--citation ID [--locator L]]… [--color C]',
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const citations = (args.options.citation ?? []).map((citationId, i) => {
        const locator = args.options.locator?.[i]
        return locator ? { citationId, locator } : { citationId }
      })
      if ((args.options.locator?.length ?? 0) > citations.length) throw new Error('--locator needs a --citation before it')
      const api = await env.open(dir)
      return env.unwrap(await api.annotateQuote({
        documentId: requiredOption(args, 'doc'),
        quote: requiredOption(args, 'quote'),
        occurrence: intOption(args, 'occurrence'),
        tags: args.options.tag,
        note: option(args, 'note'),
        color: option(args, 'color'),
        entityIds: args.options.entity,
        citations: citations.length ? citations : undefined
      }))
    }
  },
  {
    name: 'list',
    usage: 'list DIR [--doc ID]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const documentId = option(args, 'doc')
      if (documentId) {
        env.unwrap(await api.getDocument({ id: documentId })) // a clear error for an unknown id
        return { annotations: env.unwrap(await api.listAnnotations({ documentId })) }
      }
      return {
        documents: env.unwrap(await api.listDocuments({})).map(({ structure: _s, ...d }) => d),
        annotations: env.unwrap(await api.listAnnotations({}))
      }
    }
  },
  {
    name: 'restore',
    usage: 'restore DIR   (replaces project.json with the newest valid backup; the current file is kept aside)',
    async run(args) {
      return { restoredFrom: await restoreNewestBackup(positional(args, 0, 'DIR')) }
    }
  }
]

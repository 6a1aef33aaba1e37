/** Documents as records: `doc rename`, `doc meta`, `doc delete`, and `inspect` before importing. */
import type { CliCommand } from '../command'
import { option, positional, requiredOption } from '../parse-args'
import { LIMITS } from '../../shared/limits'

const META_FIELDS = ['title', 'author', 'date', 'language', 'source', 'url'] as const

export const documentCommands: CliCommand[] = [
  {
    name: 'doc rename',
    usage: 'doc rename DIR --doc ID --title T',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const doc = env.unwrap(await api.renameDocument({ id: requiredOption(args, 'doc'), title: requiredOption(args, 'title') }))
      return { id: doc.id, title: doc.title }
    }
  },
  {
    name: 'doc meta',
    usage: `doc meta DIR --doc ID [${META_FIELDS.map((f) => `--${f} V`).join('] [')}] [--citation ID|none]   (an empty value clears a field)`,
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const fields = Object.fromEntries(META_FIELDS.map((f) => [f, option(args, f)]).filter(([, v]) => v !== undefined))
      const citation = option(args, 'citation')
      const doc = env.unwrap(await api.updateDocumentMetadata({
        id: requiredOption(args, 'doc'), ...fields,
        ...(citation === undefined ? {} : { citationId: citation === 'none' ? null : citation })
      }))
      const { structure: _s, marks: _m, ...record } = doc
      return record
    }
  },
  {
    name: 'doc delete',
    usage: 'doc delete DIR --doc ID   (undoable; the source file stays in the project)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.deleteDocument({ id: requiredOption(args, 'doc') }))
    }
  },
  {
    name: 'inspect',
    usage: 'inspect DIR FILE   (format, encoding candidates and Gutenberg header, before importing)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const file = positional(args, 1, 'FILE')
      const bytes = await env.readFile(file, LIMITS.documentFile)
      return env.unwrap(await api.inspectImport({ fileName: file, contentBase64: Buffer.from(bytes).toString('base64') }))
    }
  }
]

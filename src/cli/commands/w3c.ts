/** CLI commands of the w3c domain: `import-annotations`. */
import { LIMITS } from '../../shared/limits'
import type { CliCommand } from '../command'
import { positional, requiredOption } from '../parse-args'

export const w3cCommands: CliCommand[] = [
  {
    name: 'import-annotations',
    usage: 'import-annotations DIR --doc ID FILE [--map SOURCE_IRI=DOC_ID]…   (W3C Web Annotation JSON-LD or Hypothesis API JSON; --map places the annotations of a source the project lacks)',
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const file = positional(args, 1, 'FILE')
      const documentId = requiredOption(args, 'doc')
      const sourceMap: Record<string, string> = {}
      for (const m of args.options.map ?? []) {
        const at = m.lastIndexOf('=')
        if (at <= 0 || at === m.length - 1) throw new Error(`--map must be SOURCE_IRI=DOC_ID (got "${m}")`)
        sourceMap[m.slice(0, at)] = m.slice(at + 1)
      }
      const bytes = await env.readFile(file, LIMITS.w3cFile)
      const api = await env.open(dir)
      const result = env.unwrap(
        await api.importAnnotations({ documentId, fileName: file, contentBase64: Buffer.from(bytes).toString('base64'), sourceMap })
      )
      for (const u of result.unmatched) {
        const hint = u.suggestedDocumentId ? `; its quotes are in "${u.suggestedTitle}": --map ${u.sourceIri}=${u.suggestedDocumentId}` : ''
        process.stderr.write(`marginalia import-annotations: ${u.annotations} annotation(s) of ${u.sourceIri} not imported: that document is not in the project${hint}\n`)
      }
      if (result.orphaned > 0) {
        process.stderr.write(`marginalia import-annotations: ${result.orphaned} orphaned (stored for review, status "orphaned"):\n`)
        for (const o of result.orphans) process.stderr.write(`  #${o.index}${o.externalId ? ` ${o.externalId}` : ''} "${o.exact.slice(0, 60)}": ${o.reason}\n`)
      }
      return result
    }
  }
]

/** CLI commands of the w3c domain: `import-annotations`. */
import { LIMITS } from '../../shared/limits'
import type { CliCommand } from '../command'
import { positional, requiredOption } from '../parse-args'

export const w3cCommands: CliCommand[] = [
  {
    name: 'import-annotations',
    usage: 'import-annotations DIR --doc ID FILE   (W3C Web Annotation JSON-LD or Hypothesis API JSON)',
    async run(args, env) {
      const dir = positional(args, 0, 'DIR')
      const file = positional(args, 1, 'FILE')
      const documentId = requiredOption(args, 'doc')
      const bytes = await env.readFile(file, LIMITS.w3cFile)
      const api = await env.open(dir)
      const result = env.unwrap(
        await api.importAnnotations({ documentId, fileName: file, contentBase64: Buffer.from(bytes).toString('base64') })
      )
      if (result.orphaned > 0) {
        process.stderr.write(`marginalia import-annotations: ${result.orphaned} orphaned (stored for review, status "orphaned"):\n`)
        for (const o of result.orphans) process.stderr.write(`  #${o.index}${o.externalId ? ` ${o.externalId}` : ''} "${o.exact.slice(0, 60)}": ${o.reason}\n`)
      }
      return result
    }
  }
]

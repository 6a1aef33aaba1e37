/** Storage commands: texts edited outside Marginalia, and the store's status. */
import type { CliCommand } from '../command'
import { positional, requiredOption } from '../parse-args'

export const storeCommands: CliCommand[] = [
  {
    name: 'texts accept',
    usage: 'texts accept DIR --doc ID   (take an edited texts/ file as the new version; re-anchors its annotations)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const result = env.unwrap(await api.acceptEditedText({ documentId: requiredOption(args, 'doc') }))
      return { id: result.document.id, counts: result.counts, orphans: result.orphans }
    }
  },
  {
    name: 'texts',
    usage: 'texts DIR   (documents whose texts/ file was edited or removed outside Marginalia)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.listTextProblems({}))
    }
  },
  {
    name: 'status',
    usage: 'status DIR   (read-only or not, and what the store found on open)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.getStoreStatus({}))
    }
  }
]

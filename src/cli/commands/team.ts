/**
 * CLI commands of team work: `sync`, `history`, `restore-version`, `merge`, `conflicts`, `resolve`,
 * `agreement`, `layout`. Credentials for a remote come from MARGINALIA_GIT_USERNAME /
 * MARGINALIA_GIT_PASSWORD, or are asked for on the terminal when the server wants them; they are
 * used for that call only and never written anywhere.
 */
import { stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { readLayoutFolder, writeStoreFileIfMissing } from '../../main/git/layout-folder'
import type { CliCommand, CliEnv } from '../command'
import { option, positional, requiredOption } from '../parse-args'
import { LIMITS } from '../../shared/limits'

interface Credentials {
  username?: string
  password?: string
}

function fromEnv(): Credentials | undefined {
  const username = process.env.MARGINALIA_GIT_USERNAME
  const password = process.env.MARGINALIA_GIT_PASSWORD
  return username || password ? { username, password } : undefined
}

/** Asks on the terminal (the password is not echoed); undefined when there is no terminal. */
async function ask(): Promise<Credentials | undefined> {
  if (!process.stdin.isTTY) return undefined
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true })
  const question = (q: string, hidden = false) =>
    new Promise<string>((resolve) => {
      const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream }
      const write = out._writeToOutput.bind(rl)
      if (hidden) out._writeToOutput = (s: string) => (s.startsWith(q) ? write(s) : undefined)
      rl.question(q, (answer) => {
        out._writeToOutput = write
        if (hidden) process.stderr.write('\n')
        resolve(answer)
      })
    })
  try {
    return { username: await question('git user name: '), password: await question('password or token: ', true) }
  } finally {
    rl.close()
  }
}

const AUTH_FAILED = /401|403|HttpError|authenticat|credentials/i

/** Runs `call` without credentials (or with those from the environment), asking once if refused. */
async function withCredentials<T>(call: (c: Credentials) => Promise<T>): Promise<T> {
  const env = fromEnv()
  try {
    return await call(env ?? {})
  } catch (err) {
    if (env || !AUTH_FAILED.test((err as Error).message)) throw err
    const asked = await ask()
    if (!asked) throw new Error(`${(err as Error).message}. The server wants credentials: set MARGINALIA_GIT_USERNAME and MARGINALIA_GIT_PASSWORD, or run in a terminal`)
    return call(asked)
  }
}

async function sync(dir: string, remote: string | undefined, message: string | undefined, env: CliEnv): Promise<unknown> {
  const exists = await stat(dir).then(() => true, () => false)
  if (!exists) {
    if (!remote) throw new Error(`${dir} does not exist: give --remote URL to clone the project into it`)
    const { cloneProject } = await import('../../main/git/sync') // isomorphic-git only when cloning
    await withCredentials((c) => cloneProject(dir, remote, () => ({ username: c.username, password: c.password })))
    const api = await env.open(dir)
    return { cloned: remote, documents: env.unwrap(await api.listDocuments({})).length, annotations: env.unwrap(await api.listAnnotations({})).length }
  }
  const api = await env.open(dir)
  return withCredentials(async (c) => env.unwrap(await api.syncProject({ remote, message, ...c })))
}

export const teamCommands: CliCommand[] = [
  {
    name: 'sync',
    usage: 'sync DIR [--remote URL] [--message M]   (clones into DIR when it does not exist; else saves a version, pulls, merges, pushes)',
    run: (args, env) => sync(positional(args, 0, 'DIR'), option(args, 'remote'), option(args, 'message'), env)
  },
  {
    name: 'history',
    usage: 'history DIR [--annotation ID | --doc ID]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.recordHistory({ annotationId: option(args, 'annotation'), documentId: option(args, 'doc') }))
    }
  },
  {
    name: 'restore-version',
    usage: 'restore-version DIR --version COMMIT [--annotation ID | --doc ID]   (puts back a record, a document or the project as in a saved version)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.restoreVersion({ commit: requiredOption(args, 'version'), annotationId: option(args, 'annotation'), documentId: option(args, 'doc') }))
    }
  },
  {
    name: 'merge',
    usage: 'merge DIR --theirs PATH   (PATH: another clone of the project on disk)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.mergeFromFolder({ path: requiredOption(args, 'theirs') }))
    }
  },
  {
    name: 'conflicts',
    usage: 'conflicts DIR   (merge conflicts waiting for review)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      return env.unwrap(await api.listMergeConflicts({}))
    }
  },
  {
    name: 'resolve',
    usage: 'resolve DIR --conflict KEY --choose ours|theirs|kept [--record FILE.json]   (--record: a combined record)',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const file = option(args, 'record')
      const choice = file ? 'combined' : requiredOption(args, 'choose')
      if (!['ours', 'theirs', 'kept', 'combined'].includes(choice)) throw new Error('--choose must be ours, theirs or kept')
      const record = file ? (JSON.parse(new TextDecoder().decode(await env.readFile(file, LIMITS.nativeJsonFile))) as Record<string, unknown>) : undefined
      return env.unwrap(await api.resolveMergeConflict({ key: requiredOption(args, 'conflict'), choice: choice as 'ours', record }))
    }
  },
  {
    name: 'agreement',
    usage: 'agreement DIR --doc ID [--by tag|type] [--rater NAME]… [--format json|csv] [--out FILE]',
    async run(args, env) {
      const api = await env.open(positional(args, 0, 'DIR'))
      const by = option(args, 'by') ?? 'tag'
      if (by !== 'tag' && by !== 'type') throw new Error('--by must be tag or type')
      const format = option(args, 'format') ?? 'json'
      if (format !== 'json' && format !== 'csv') throw new Error('--format must be json or csv')
      const query = { documentId: requiredOption(args, 'doc'), by: by as 'tag' | 'type', raters: args.options.rater }
      const content = format === 'csv' ? env.unwrap(await api.agreementCsv(query)).content : JSON.stringify(env.unwrap(await api.agreement(query)), null, 2) + '\n'
      const out = option(args, 'out')
      if (!out) return format === 'csv' ? (process.stdout.write(content), undefined) : JSON.parse(content)
      await env.writeFile(out, content)
      return { written: out }
    }
  },
  {
    name: 'layout',
    usage: 'layout DIR --to git|single   (git: write the one-file-per-document layout; single: read it back into project.json)',
    async run(args, env) {
      const to = requiredOption(args, 'to')
      if (to !== 'git' && to !== 'single') throw new Error('--to must be git or single')
      const dir = positional(args, 0, 'DIR')
      // A plain git checkout has the layout but no project.json yet: make it from the layout first.
      if (to === 'single' && (await writeStoreFileIfMissing(dir, await readLayoutFolder(dir)))) return { created: join(dir, 'project.json') }
      const api = await env.open(dir)
      return to === 'git' ? env.unwrap(await api.writeGitLayout({})) : env.unwrap(await api.readGitLayout({}))
    }
  }
]

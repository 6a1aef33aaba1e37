/**
 * Marginalia's command line: the same services as the app, JSON on stdout, a clear message on
 * stderr and a non-zero exit code on error. `npm run cli -- help` lists the commands.
 */
import { resolve } from 'node:path'
import { readFileWithinLimit } from '../main/read-within-limit'
import { authorOption } from '../main/services/author-config'
import { ExportFolders } from '../main/services/export-folders'
import { ProjectSession } from '../main/services/project-session'
import { writeFileAtomic } from '../main/store/atomic-write'
import type { MarginaliaApi } from '../shared/api'
import type { Person } from '../shared/model'
import { MarginaliaError } from '../shared/result'
import type { CliCommand, CliEnv } from './command'
import { endWhenIdle } from './end-when-idle'
import { citationsCommands } from './commands/citations'
import { compareCommands } from './commands/compare'
import { coreCommands } from './commands/core'
import { documentCommands } from './commands/documents'
import { entitiesCommands } from './commands/entities'
import { exportsCommands } from './commands/exports'
import { searchCommands } from './commands/search'
import { serveCommand } from './commands/serve'
import { teamCommands } from './commands/team'
import { storeCommands } from './commands/store'
import { w3cCommands } from './commands/w3c'
import { option, parseArgs } from './parse-args'
import { flushed, isBrokenPipe, writeOut } from './write-output'

const COMMANDS: CliCommand[] = [
  ...coreCommands, ...documentCommands, serveCommand, ...entitiesCommands, ...citationsCommands, ...exportsCommands, ...compareCommands, ...w3cCommands, ...teamCommands, ...searchCommands, ...storeCommands
]

/** Options that take no value. */
const FLAGS = new Set(['create', 'bom', 'zip', 'help', 'pretty', 'all', 'names', 'desc', 'facets', 'no-variants'])

function usage(): string {
  return ['usage: npm run cli -- <command> … [--author "Name <ORCID>"]', '', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n')
}

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | undefined {
  // Longest match first, so `entity add` wins over a hypothetical `entity`.
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ')
    const command = COMMANDS.find((c) => c.name === name)
    if (command) return { command, rest: argv.slice(words) }
  }
  return undefined
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    await writeOut(process.stdout, usage() + '\n')
    return 0
  }
  const found = findCommand(argv)
  if (!found) {
    process.stderr.write(`marginalia: unknown command "${argv.slice(0, 2).join(' ')}"\n${usage()}\n`)
    return 2
  }
  const sessions: ProjectSession[] = []
  const exportFolders = new ExportFolders()
  let author: Person | undefined // --author "Name <ORCID>" on any command; else the installation's author
  const env: CliEnv = {
    async open(dir, opts = {}): Promise<MarginaliaApi> {
      const session = await ProjectSession.open(dir, { create: opts.create, name: opts.name, exportFolders, author })
      sessions.push(session)
      return session.api
    },
    unwrap(result) {
      if (!result.ok) throw new MarginaliaError(result.error.code as never, result.error.message)
      return result.value
    },
    readFile: (path, limit) => readFileWithinLimit(resolve(path), limit, path),
    writeFile: (path, content) => writeFileAtomic(resolve(path), content),
    stdout: (data) => writeOut(process.stdout, data),
    allowExportFolder: (path) => exportFolders.grant(resolve(path))
  }
  try {
    const args = parseArgs(found.rest, FLAGS)
    // `doc meta --author` is the document's author; everywhere else --author is who is working.
    if (!found.command.usage.includes('[--author ')) {
      const authorText = option(args, 'author')
      if (authorText !== undefined) author = authorOption(authorText)
      delete args.options.author
    }
    const value = await found.command.run(args, env)
    if (value !== undefined) await writeOut(process.stdout, JSON.stringify(value, null, 2) + '\n')
    return 0
  } catch (err) {
    if (isBrokenPipe(err)) return BROKEN_PIPE_EXIT // the reader left (`… | head`): nothing to say
    const message = err instanceof Error ? err.message : String(err)
    const code = err instanceof MarginaliaError ? ` [${err.code}]` : ''
    process.stderr.write(`marginalia ${found.command.name}: ${message}${code}\n`)
    return 1
  } finally {
    for (const s of sessions) await s.close()
  }
}

/** Exit code when the reader of stdout closed the pipe early: 128 + SIGPIPE, as `cat` gives. */
const BROKEN_PIPE_EXIT = 141

// Write errors reach the writers' callbacks; without a listener they would also crash the process.
process.stdout.on('error', () => undefined)

// The process ends on its own once stdout and stderr are handed to the OS (a pipe holds 64 KiB) and
// the services' workers are idle; end-when-idle.ts ends it should a stray handle hold it open.
void main(process.argv.slice(2)).then(async (code) => {
  await flushed(process.stdout)
  await flushed(process.stderr)
  endWhenIdle(code)
})

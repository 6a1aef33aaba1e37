/**
 * Marginalia's command line: the same services as the app, JSON on stdout, a clear message on
 * stderr and a non-zero exit code on error. `npm run cli -- help` lists the commands.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ProjectSession } from '../main/services/project-session'
import { writeFileAtomic } from '../main/store/atomic-write'
import type { MarginaliaApi } from '../shared/api'
import { MarginaliaError } from '../shared/result'
import type { CliCommand, CliEnv } from './command'
import { citationsCommands } from './commands/citations'
import { compareCommands } from './commands/compare'
import { coreCommands } from './commands/core'
import { documentCommands } from './commands/documents'
import { entitiesCommands } from './commands/entities'
import { exportsCommands } from './commands/exports'
import { serveCommand } from './commands/serve'
import { w3cCommands } from './commands/w3c'
import { parseArgs } from './parse-args'

const COMMANDS: CliCommand[] = [
  ...coreCommands, ...documentCommands, serveCommand, ...entitiesCommands, ...citationsCommands, ...exportsCommands, ...compareCommands, ...w3cCommands
]

/** Options that take no value. */
const FLAGS = new Set(['bom', 'zip', 'help', 'pretty', 'all'])

function usage(): string {
  return ['usage: npm run cli -- <command> …', '', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n')
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
    process.stdout.write(usage() + '\n')
    return 0
  }
  const found = findCommand(argv)
  if (!found) {
    process.stderr.write(`marginalia: unknown command "${argv.slice(0, 2).join(' ')}"\n${usage()}\n`)
    return 2
  }
  const sessions: ProjectSession[] = []
  const env: CliEnv = {
    async open(dir, opts = {}): Promise<MarginaliaApi> {
      const session = await ProjectSession.open(dir, { create: opts.create, name: opts.name })
      sessions.push(session)
      return session.api
    },
    unwrap(result) {
      if (!result.ok) throw new MarginaliaError(result.error.code as never, result.error.message)
      return result.value
    },
    readFile: async (path) => {
      try {
        return new Uint8Array(await readFile(resolve(path)))
      } catch (err) {
        throw new Error(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`)
      }
    },
    writeFile: (path, content) => writeFileAtomic(resolve(path), content)
  }
  try {
    const args = parseArgs(found.rest, FLAGS)
    const value = await found.command.run(args, env)
    if (value !== undefined) process.stdout.write(JSON.stringify(value, null, 2) + '\n')
    return 0
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    const code = err instanceof MarginaliaError ? ` [${err.code}]` : ''
    process.stderr.write(`marginalia ${found.command.name}: ${message}${code}\n`)
    return 1
  } finally {
    for (const s of sessions) await s.close()
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code))

/** Runs the CLI as a user does (a real process: the bundled CLI, tests/helpers/cli-command.ts) from the repository root. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { HELD_OPEN_MESSAGE } from '../../src/cli/end-when-idle'
import { cliCommand } from './cli-command'
import { ROOT } from './temp-dir'

const run = promisify(execFile)

export interface CliOutcome {
  stdout: string
  stderr: string
  /** The exit code (0 on success). */
  code: number
}

/**
 * Runs `npm run cli -- …args` (without npm) and returns its output and exit code; never throws on a
 * failed command. It does throw when the finished command had to be ended because a worker, socket
 * or timer still held it open (src/cli/end-when-idle.ts): every command must end on its own.
 */
export async function cli(...args: string[]): Promise<CliOutcome> {
  const outcome = await runCli(args)
  if (outcome.stderr.includes(HELD_OPEN_MESSAGE)) throw new Error(`cli ${args.join(' ')} did not end on its own: ${outcome.stderr}`)
  return outcome
}

async function runCli(args: string[]): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run(...cliCommand(...args), { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 })
    return { stdout, stderr, code: 0 }
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number }
    return { stdout: e.stdout, stderr: e.stderr, code: e.code }
  }
}

/** Runs a command that must succeed and parses its JSON output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function cliJson<T = any>(...args: string[]): Promise<T> {
  const r = await cli(...args)
  if (r.code !== 0) throw new Error(`cli ${args.join(' ')} failed: ${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

/** Starting TypeScript child processes (writers, lock racers, the CLI, `serve`) for the reliability tests. */
import { type ChildProcess, spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { cliCommand } from '../../helpers/cli-command'

export const ROOT = resolve(__dirname, '..', '..', '..')

/** Under CI=true the suite runs fewer rounds (never zero). */
export const rounds = (local: number, ci: number): number => (process.env.CI === 'true' ? ci : local)

/** Runs `script` (a .ts file) with tsx in a new Node process. */
export function spawnTs(script: string, args: string[], env: Record<string, string> = {}, ipc = false): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe']
  })
}

/** Runs the CLI (the bundle the global setup built: tests/helpers/cli-command.ts) in a new Node process. */
export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(...cliCommand(...args), { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Resolves with the exit code (null when killed by a signal). */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((ok) => {
    if (child.exitCode !== null || child.signalCode !== null) return ok(child.exitCode)
    child.once('exit', (code) => ok(code))
  })
}

/** Calls `onLine` for every line the child prints on stdout. */
export function onLines(child: ChildProcess, onLine: (line: string) => void): void {
  let rest = ''
  child.stdout!.setEncoding('utf8')
  child.stdout!.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n')
    rest = parts.pop()!
    parts.forEach(onLine)
  })
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

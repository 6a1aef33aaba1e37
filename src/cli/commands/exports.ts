import type { CliCommand } from '../command'

/** CLI commands of the exports domain. */
export const exportsCommands: CliCommand[] = []

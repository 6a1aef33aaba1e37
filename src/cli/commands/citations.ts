import type { CliCommand } from '../command'

/** CLI commands of the citations domain. */
export const citationsCommands: CliCommand[] = []

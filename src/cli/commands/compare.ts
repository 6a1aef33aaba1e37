import type { CliCommand } from '../command'

/** CLI commands of the compare domain. */
export const compareCommands: CliCommand[] = []

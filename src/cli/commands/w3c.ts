import type { CliCommand } from '../command'

/** CLI commands of the w3c domain. */
export const w3cCommands: CliCommand[] = []

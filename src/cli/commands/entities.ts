import type { CliCommand } from '../command'

/** CLI commands of the entities domain. */
export const entitiesCommands: CliCommand[] = []

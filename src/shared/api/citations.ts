import { method } from './define'

/** Operations of the citations domain; see src/main/services/citations-service.ts. */
export const citationsMethods = {} satisfies Record<string, ReturnType<ReturnType<typeof method>>>

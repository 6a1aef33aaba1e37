import { method } from './define'

/** Operations of the entities domain; see src/main/services/entities-service.ts. */
export const entitiesMethods = {} satisfies Record<string, ReturnType<ReturnType<typeof method>>>

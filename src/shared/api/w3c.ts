import { method } from './define'

/** Operations of the w3c domain; see src/main/services/w3c-service.ts. */
export const w3cMethods = {} satisfies Record<string, ReturnType<ReturnType<typeof method>>>

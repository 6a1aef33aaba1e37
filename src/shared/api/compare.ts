import { method } from './define'

/** Operations of the compare domain; see src/main/services/compare-service.ts. */
export const compareMethods = {} satisfies Record<string, ReturnType<ReturnType<typeof method>>>

import { method } from './define'

/** Operations of the exports domain; see src/main/services/exports-service.ts. */
export const exportsMethods = {} satisfies Record<string, ReturnType<ReturnType<typeof method>>>

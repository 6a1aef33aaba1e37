import type { HandlersOf } from '../../shared/api/define'
import type { w3cMethods } from '../../shared/api/w3c'
import type { ServiceContext } from './context'

/** Handlers of the w3c domain (src/shared/api/w3c.ts). */
export function createW3cHandlers(ctx: ServiceContext): HandlersOf<typeof w3cMethods> {
  void ctx
  return {}
}

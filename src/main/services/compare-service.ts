import type { HandlersOf } from '../../shared/api/define'
import type { compareMethods } from '../../shared/api/compare'
import type { ServiceContext } from './context'

/** Handlers of the compare domain (src/shared/api/compare.ts). */
export function createCompareHandlers(ctx: ServiceContext): HandlersOf<typeof compareMethods> {
  void ctx
  return {}
}

import type { HandlersOf } from '../../shared/api/define'
import type { exportsMethods } from '../../shared/api/exports'
import type { ServiceContext } from './context'

/** Handlers of the exports domain (src/shared/api/exports.ts). */
export function createExportsHandlers(ctx: ServiceContext): HandlersOf<typeof exportsMethods> {
  void ctx
  return {}
}

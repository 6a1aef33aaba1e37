import type { HandlersOf } from '../../shared/api/define'
import type { entitiesMethods } from '../../shared/api/entities'
import type { ServiceContext } from './context'

/** Handlers of the entities domain (src/shared/api/entities.ts). */
export function createEntitiesHandlers(ctx: ServiceContext): HandlersOf<typeof entitiesMethods> {
  void ctx
  return {}
}

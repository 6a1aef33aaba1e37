import type { HandlersOf } from '../../shared/api/define'
import type { entitiesMethods } from '../../shared/api/entities'
import type { ServiceContext } from './context'
import { createRegistryHandlers } from './entities/registry'
import { createRelationHandlers } from './entities/relations'
import { createSuggestionHandlers } from './entities/suggestions'

/**
 * Handlers of the entities domain (src/shared/api/entities.ts): the registry, suggestions and
 * relations, each in its own module under ./entities/. Every edit is one `store.transact`.
 */
export function createEntitiesHandlers(ctx: ServiceContext): HandlersOf<typeof entitiesMethods> {
  return {
    ...createRegistryHandlers(ctx),
    ...createSuggestionHandlers(ctx),
    ...createRelationHandlers(ctx)
  }
}

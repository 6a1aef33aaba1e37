import type { HandlersOf } from '../../shared/api/define'
import type { citationsMethods } from '../../shared/api/citations'
import type { ServiceContext } from './context'

/** Handlers of the citations domain (src/shared/api/citations.ts). */
export function createCitationsHandlers(ctx: ServiceContext): HandlersOf<typeof citationsMethods> {
  void ctx
  return {}
}

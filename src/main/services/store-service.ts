/** The storage domain: texts edited outside the app, and the store's own status. */
import type { HandlersOf } from '../../shared/api/define'
import type { storeMethods } from '../../shared/api/store'
import { acceptEditedText } from './accept-edited-text'
import type { ServiceContext } from './context'

export function createStoreHandlers(ctx: ServiceContext): HandlersOf<typeof storeMethods> {
  return {
    listTextProblems: () => ctx.store.checkTexts(),
    acceptEditedText: ({ documentId }, call) => acceptEditedText(ctx, documentId, call),
    getStoreStatus: () => ({ ...(ctx.store.readOnly ? { readOnly: ctx.store.readOnly } : {}), warnings: [...ctx.store.warnings] })
  }
}

import { z } from 'zod'
import type { Annotation } from '../model'
import { method } from './define'
import { id, tagName, verificationStatus } from './schemas'

/** What one batch edit did: the annotations as they now are, and the ids it deleted. */
export interface AnnotationBatchResult {
  updated: Annotation[]
  deleted: string[]
}

/** Most annotations one batch edit takes (a whole filtered table of a large project). */
export const BATCH_LIMIT = 20_000

export const annotationBatchMethods = {
  /**
   * One edit of many annotations — the annotation table's bulk actions: add and remove tags (both
   * at once renames a tag on these rows), link and unlink entities, record a verdict on every
   * citation link, or delete. One store write, one undo step, one redo step. Every row is checked
   * inside the edit: an unknown annotation or entity, or a verdict for an annotation that cites
   * nothing, fails the whole batch and changes nothing. Rows that already are as asked are left
   * as they are (not re-stamped).
   */
  editAnnotations: method<AnnotationBatchResult>()(
    z.object({
      ids: z.array(id).min(1).max(BATCH_LIMIT),
      addTags: z.array(tagName).max(50).optional(),
      removeTags: z.array(tagName).max(50).optional(),
      addEntityIds: z.array(id).max(100).optional(),
      removeEntityIds: z.array(id).max(100).optional(),
      verdict: verificationStatus.optional(),
      delete: z.literal(true).optional()
    }),
    { mutates: true }
  )
}

import { z } from 'zod'
import type { Annotation, DocumentRecord, Tag } from '../model'
import { method } from './define'
import { citationLink, cssColor, id, offset, tagName } from './schemas'

const annotationBody = {
  tags: z.array(tagName).max(50).optional(),
  note: z.string().max(100_000).optional(),
  color: cssColor.optional(),
  entityIds: z.array(id).max(100).optional(),
  citations: z.array(citationLink).max(100).optional()
}

export interface HistoryState {
  canUndo: boolean
  canRedo: boolean
  /** Label of the edit undo would revert, e.g. `Create annotation`. */
  undoLabel?: string
  redoLabel?: string
}

/**
 * What a window shows first of a document (`getFirstScreens`): its record, the first part of its
 * text and that part's annotations. The rest of the text follows with `getDocument`: on a book
 * (Gibbon vol. 2, 2 MB) sending, reading and putting in the whole text held the first paint back
 * by 0.4–0.9 s (bench/profile-open-trace.ts, load 4–6).
 */
export interface FirstScreens {
  /** The record: its structure and length let the window lay out the whole text before it is in. */
  document: DocumentRecord
  /**
   * Code points [0, `textEnd`) of the text, `textEnd` being the `end` asked for moved on to the end
   * of the reading block it falls in (shared/structure/first-screens-end.ts); the whole text when
   * that reaches its end.
   */
  text: string
  /** True when `text` is the whole text (`textEnd` is the document's length). */
  whole: boolean
  /** Annotations overlapping [0, `end`) code points, in document order. */
  annotations: Annotation[]
}

export const annotationMethods = {
  /**
   * Annotations in document order (start, then end); all documents when `documentId` is absent.
   * With `start`/`end` (code points), only those overlapping [start, end) (touching `start` counts):
   * the first screens of a document, read before the rest.
   */
  listAnnotations: method<Annotation[]>()(z.object({ documentId: id.optional(), start: offset.optional(), end: offset.optional() })),
  /**
   * What a window shows first, in one answer: the document `id` (when absent or gone, the first
   * text in import order, else the first document) with the first part of its text (through
   * `end` code points, to the end of a block) and its annotations overlapping [0, `end`) (its first
   * screens); null when the project has no document. See FirstScreens. The window need not read
   * the document list (every document's structure) before its text.
   */
  getFirstScreens: method<FirstScreens | null>()(z.object({ id: id.optional(), end: offset })),
  /** One annotation by id (e.g. to open the document of a passage another panel links to). */
  getAnnotation: method<Annotation>()(z.object({ id })),
  /** Highlights code points [start, end) of a document. The range is widened to whole grapheme clusters. */
  createAnnotation: method<Annotation>()(
    z.object({ documentId: id, start: offset, end: offset, ...annotationBody }),
    { mutates: true }
  ),
  /**
   * Highlights the `occurrence`-th (1-based) exact occurrence of `quote`. A quote that is not found,
   * or found more than once without `occurrence`, is an error, never a guess.
   */
  annotateQuote: method<Annotation>()(
    z.object({ documentId: id, quote: z.string().min(1), occurrence: z.number().int().positive().optional(), ...annotationBody }),
    { mutates: true }
  ),
  /** Changes the given fields only. */
  updateAnnotation: method<Annotation>()(z.object({ id, ...annotationBody }), { mutates: true }),
  deleteAnnotation: method<{ id: string }>()(z.object({ id }), { mutates: true }),
  /** Tags in use or defined, with their colours. */
  listTags: method<Tag[]>()(z.object({})),
  setTagColor: method<Tag>()(z.object({ tag: tagName, color: cssColor }), { mutates: true }),
  /** Reverts the last edit of any kind (create, edit, delete, link…). */
  undo: method<HistoryState>()(z.object({}), { mutates: true }),
  redo: method<HistoryState>()(z.object({}), { mutates: true }),
  getHistory: method<HistoryState>()(z.object({}))
}

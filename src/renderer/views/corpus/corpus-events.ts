/**
 * The events by which corpus views send the historian back to the text (bubbling, composed; the
 * shell acts on them): `passage-open` `{ documentId, start, end, hits? }` for a span of a document
 * (code points of its normalised text; `hits` are that document's other search hits to draw), and
 * the app's `annotation-select` `{ id, documentId }` for an annotation.
 */

export interface PassageOpenDetail {
  documentId: string
  /** Code point offsets in the document's normalised text. */
  start: number
  end: number
  /** Search hits of the same document to draw in the text (code point spans). */
  hits?: { start: number; end: number }[]
}

/** Opens a span of a document in the document view. */
export function openPassage(from: EventTarget, detail: PassageOpenDetail): void {
  from.dispatchEvent(new CustomEvent<PassageOpenDetail>('passage-open', { detail, bubbles: true, composed: true }))
}

/** Opens an annotation's passage (its document first when another is open). */
export function openAnnotation(from: EventTarget, id: string, documentId?: string): void {
  from.dispatchEvent(new CustomEvent('annotation-select', { detail: { id, documentId }, bubbles: true, composed: true }))
}

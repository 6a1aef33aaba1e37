/**
 * Operations on the project's storage itself: texts edited outside Marginalia, and whether the
 * project is writable. See docs/storage.md.
 */
import { z } from 'zod'
import type { ReimportResult } from './documents'
import { method } from './define'
import { id } from './schemas'

/** A document whose file under texts/ is not the text the store wrote (sha256 differs) or is gone. */
export interface TextProblem {
  documentId: string
  title: string
  /** Path of the text file. */
  file: string
  problem: 'changed' | 'missing'
  /** sha256 (hex) the document records, and of the file as it is now (absent when missing). */
  expected: string
  actual?: string
}

export interface StoreStatus {
  /** Why edits are refused (full disk, read-only medium, opened read-only), or absent when writable. */
  readOnly?: string
  /** What the store found and did on open or since (torn journal line dropped, temp files removed…). */
  warnings: string[]
}

export const storeMethods = {
  /** Documents whose text files were edited or removed outside Marginalia (every file is read again). */
  listTextProblems: method<TextProblem[]>()(z.object({})),
  /**
   * Takes an edited text file as the document's new version: the annotations on it are re-anchored
   * (as a re-import does; undoable), the document's structure is re-derived from the plain text.
   */
  acceptEditedText: method<ReimportResult>()(z.object({ documentId: id }), { mutates: true }),
  getStoreStatus: method<StoreStatus>()(z.object({}))
}

/**
 * Undo/redo over record-level changes. Every transaction records, per touched record, its value
 * before and after; undo puts the befores back, redo the afters. Kept in memory for the session.
 */
import type { CollectionName } from '../../shared/model'

export interface RecordChange {
  collection: CollectionName
  id: string
  /** undefined = the record did not exist. */
  before: unknown
  after: unknown
}

export interface Edit {
  label: string
  changes: RecordChange[]
}

/** Edits remembered for undo; older ones are forgotten past this count. */
export const HISTORY_LIMIT = 500

export class History {
  private readonly undoStack: Edit[] = []
  private readonly redoStack: Edit[] = []

  record(edit: Edit): void {
    if (edit.changes.length === 0) return
    this.undoStack.push(edit)
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift()
    this.redoStack.length = 0
  }

  /** Forgets `edit` (it was rolled back because it could not be saved). */
  forget(edit: Edit): void {
    const i = this.undoStack.lastIndexOf(edit)
    if (i >= 0) this.undoStack.splice(i, 1)
  }

  popUndo(): Edit | undefined {
    return this.undoStack.pop()
  }
  pushRedo(edit: Edit): void {
    this.redoStack.push(edit)
  }
  popRedo(): Edit | undefined {
    return this.redoStack.pop()
  }
  pushUndo(edit: Edit): void {
    this.undoStack.push(edit)
  }

  /** Forgets every edit (e.g. after setting up a new project). */
  clear(): void {
    this.undoStack.length = 0
    this.redoStack.length = 0
  }

  state(): { canUndo: boolean; canRedo: boolean; undoLabel?: string; redoLabel?: string } {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack.at(-1)?.label,
      redoLabel: this.redoStack.at(-1)?.label
    }
  }
}

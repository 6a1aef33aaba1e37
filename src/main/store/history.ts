/**
 * Undo/redo over record-level changes. Every transaction records, per touched record, its value
 * before and after; undo puts the befores back, redo the afters. The stacks are saved with each
 * snapshot and rebuilt from the journal on open, so undo survives closing the project.
 */
import type { HistoryState } from '../../shared/api/annotations'
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

/** An edit as saved in a snapshot: `b`/`a` are the records before/after (null: absent). */
export interface StoredEdit {
  stack: 'undo' | 'redo'
  label: string
  changes: { c: CollectionName; id: string; b: unknown; a: unknown }[]
}

/** Edits remembered for undo in a session; older ones are forgotten past this count. */
export const HISTORY_LIMIT = 500
/** Edits saved with a snapshot (newest first), and at most this many changed records in all. */
export const SAVED_HISTORY_EDITS = 100
export const SAVED_HISTORY_RECORDS = 20_000

export class History {
  private undoStack: Edit[] = []
  private redoStack: Edit[] = []
  /** Called when `clear()` forgets everything (the store journals it). */
  onClear: (() => void) | undefined

  record(edit: Edit): void {
    if (edit.changes.length === 0) return
    this.undoStack.push(edit)
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift()
    this.redoStack.length = 0
  }

  /** Forgets `edit` and restores the redo stack it cleared (it was rolled back because it could not be saved). */
  forget(edit: Edit, redo: Edit[]): void {
    const i = this.undoStack.lastIndexOf(edit)
    if (i >= 0) this.undoStack.splice(i, 1)
    this.redoStack = redo
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
  /** The redo stack as it is (for rolling back an edit that cleared it). */
  redoEdits(): Edit[] {
    return [...this.redoStack]
  }

  /** Forgets every edit (e.g. after setting up a new project); saved like any other edit. */
  clear(): void {
    this.undoStack.length = 0
    this.redoStack.length = 0
    this.onClear?.()
  }

  state(): HistoryState {
    return {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      undoLabel: this.undoStack.at(-1)?.label,
      redoLabel: this.redoStack.at(-1)?.label
    }
  }

  /** The newest edits of both stacks, bounded by SAVED_HISTORY_EDITS and SAVED_HISTORY_RECORDS, oldest first. */
  toStored(): StoredEdit[] {
    const out: StoredEdit[] = []
    let records = 0
    const take = (stack: Edit[], name: 'undo' | 'redo') => {
      const kept: StoredEdit[] = []
      for (let i = stack.length - 1; i >= 0 && out.length + kept.length < SAVED_HISTORY_EDITS; i--) {
        records += stack[i].changes.length
        if (records > SAVED_HISTORY_RECORDS) break
        kept.unshift({
          stack: name, label: stack[i].label,
          changes: stack[i].changes.map((c) => ({ c: c.collection, id: c.id, b: c.before ?? null, a: c.after ?? null }))
        })
      }
      out.push(...kept)
    }
    take(this.redoStack, 'redo') // the next redo matters more than the oldest undo
    take(this.undoStack, 'undo')
    return [...out.filter((e) => e.stack === 'undo'), ...out.filter((e) => e.stack === 'redo')]
  }

  /** Replaces both stacks with saved edits (oldest first). */
  load(stored: readonly StoredEdit[]): void {
    const toEdit = (s: StoredEdit): Edit => ({
      label: s.label,
      changes: s.changes.map((c) => ({ collection: c.c, id: c.id, before: c.b ?? undefined, after: c.a ?? undefined }))
    })
    this.undoStack = stored.filter((s) => s.stack === 'undo').map(toEdit)
    this.redoStack = stored.filter((s) => s.stack === 'redo').map(toEdit)
  }
}

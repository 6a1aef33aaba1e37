/**
 * The undo history a historian relies on: a fresh project has nothing to undo; an edit that changed
 * nothing is no undo step; only the 500 newest edits are kept in a session; an edit rolled back
 * because it could not be saved is forgotten and the redo steps it cleared come back; and what is
 * saved with a project (the newest 100 edits, at most 20,000 changed records, the next redo before
 * the oldest undo) comes back on reopen in the same order and on the same stacks.
 */
import { describe, expect, it } from 'vitest'
import { type Edit, History, HISTORY_LIMIT, SAVED_HISTORY_EDITS, SAVED_HISTORY_RECORDS } from '../../../../src/main/store/history'

const edit = (label: string, records = 1): Edit => ({
  label,
  changes: Array.from({ length: records }, (_, i) => ({ collection: 'tags' as const, id: `${label}-${i}`, before: undefined, after: { id: `${label}-${i}` } }))
})

/** Undoes everything: the labels from the newest edit back. */
function undoAll(h: History): string[] {
  const labels: string[] = []
  for (let e = h.popUndo(); e; e = h.popUndo()) labels.push(e.label)
  return labels
}

/** `n` edits labelled `e0`… recorded in order. */
function recorded(n: number, records = 1): History {
  const h = new History()
  for (let i = 0; i < n; i++) h.record(edit(`e${i}`, records))
  return h
}

const reopened = (h: History): History => {
  const again = new History()
  again.load(h.toStored())
  return again
}

describe('undo history in a session', () => {
  it('a fresh project has nothing to undo or redo', () => {
    const h = new History()
    expect(h.state()).toEqual({ canUndo: false, canRedo: false, undoLabel: undefined, redoLabel: undefined })
    expect(h.toStored()).toEqual([])
  })

  it('an edit that changed nothing is no undo step, and does not clear the redo', () => {
    const h = recorded(1)
    h.pushRedo(h.popUndo()!)
    h.record({ label: 'nothing', changes: [] })
    expect(h.state()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'e0' })
  })

  it(`keeps the ${HISTORY_LIMIT} newest edits and forgets the oldest`, () => {
    const h = recorded(HISTORY_LIMIT + 1)
    const labels = undoAll(h)
    expect(labels).toHaveLength(HISTORY_LIMIT)
    expect(labels.at(0)).toBe(`e${HISTORY_LIMIT}`)
    expect(labels.at(-1)).toBe('e1') // e0 forgotten
  })

  it('an edit that could not be saved is forgotten, the redo steps it cleared come back, and nothing else is lost', () => {
    const h = recorded(3)
    h.pushRedo(h.popUndo()!) // undo e2
    const redo = h.redoEdits()
    expect(redo.map((e) => e.label)).toEqual(['e2'])
    const failed = edit('failed')
    h.record(failed) // clears the redo
    expect(h.state().canRedo).toBe(false)
    h.forget(failed, redo)
    expect(h.state()).toMatchObject({ undoLabel: 'e1', redoLabel: 'e2' })
    expect(undoAll(h)).toEqual(['e1', 'e0'])
  })

  it('forgetting the first edit removes it, and forgetting one that is not there removes nothing', () => {
    const h = recorded(1)
    const first = h.popUndo()!
    h.pushUndo(first)
    h.forget(first, [])
    expect(h.state().canUndo).toBe(false)
    const k = recorded(2)
    k.forget(edit('elsewhere'), [])
    expect(undoAll(k)).toEqual(['e1', 'e0'])
  })

  it('the redo stack handed out is a copy', () => {
    const h = recorded(1)
    h.pushRedo(h.popUndo()!)
    h.redoEdits().length = 0
    expect(h.state().canRedo).toBe(true)
  })
})

describe('undo history saved with the project', () => {
  it('comes back on reopen on the same stacks and in the same order', () => {
    const h = recorded(4)
    h.pushRedo(h.popUndo()!) // undo e3
    h.pushRedo(h.popUndo()!) // undo e2
    const stored = h.toStored()
    expect(stored.map((s) => `${s.stack} ${s.label}`)).toEqual(['undo e0', 'undo e1', 'redo e3', 'redo e2'])
    const again = reopened(h)
    expect(again.state()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'e1', redoLabel: 'e2' })
    expect(again.popRedo()!.label).toBe('e2')
    expect(again.popRedo()!.label).toBe('e3')
    expect(again.popRedo()).toBeUndefined()
    expect(undoAll(again)).toEqual(['e1', 'e0'])
  })

  it('keeps a record that was absent before as absent (not null) after reopening', () => {
    const again = reopened(recorded(1))
    expect(again.popUndo()!.changes[0]).toEqual({ collection: 'tags', id: 'e0-0', before: undefined, after: { id: 'e0-0' } })
  })

  it(`keeps the ${SAVED_HISTORY_EDITS} newest edits`, () => {
    const labels = undoAll(reopened(recorded(SAVED_HISTORY_EDITS + 20)))
    expect(labels).toHaveLength(SAVED_HISTORY_EDITS)
    expect(labels.at(0)).toBe(`e${SAVED_HISTORY_EDITS + 19}`)
    expect(labels.at(-1)).toBe('e20')
  })

  it('keeps the next redo steps before the oldest undo steps when there are too many', () => {
    const h = recorded(SAVED_HISTORY_EDITS + 5)
    for (let i = 0; i < 5; i++) h.pushRedo(h.popUndo()!)
    const again = reopened(h)
    const redo: string[] = []
    for (let e = again.popRedo(); e; e = again.popRedo()) redo.push(e.label)
    expect(redo).toEqual(['e100', 'e101', 'e102', 'e103', 'e104'])
    const undo = undoAll(again)
    expect(undo).toHaveLength(SAVED_HISTORY_EDITS - 5)
    expect(undo.at(0)).toBe('e99')
    expect(undo.at(-1)).toBe('e5')
  })

  it(`keeps at most ${SAVED_HISTORY_RECORDS.toLocaleString('en')} changed records, whole edits only, the newest first`, () => {
    const per = SAVED_HISTORY_RECORDS / 4 // four edits fill the limit exactly, a fifth does not fit
    expect(undoAll(reopened(recorded(5, per)))).toEqual(['e4', 'e3', 'e2', 'e1'])
  })
})

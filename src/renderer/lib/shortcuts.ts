/**
 * Keyboard shortcuts of the whole window. Pure decisions over a minimal key event shape so they
 * are unit-tested without a browser.
 */

/** The parts of a KeyboardEvent the decisions read. */
export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

export type HistoryShortcut = 'undo' | 'redo' | undefined

/**
 * Undo is Ctrl+Z; redo is Ctrl+Shift+Z or Ctrl+Y. On macOS the Command key plays Ctrl's part
 * (Ctrl+Z is also accepted there, as some historians use PC keyboards with a Mac).
 */
export function historyShortcut(e: KeyLike, isMac: boolean): HistoryShortcut {
  const mod = isMac ? e.metaKey || e.ctrlKey : e.ctrlKey && !e.metaKey
  if (!mod || e.altKey) return undefined
  const key = e.key.toLowerCase()
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && !e.shiftKey) return 'redo'
  return undefined
}

/**
 * True when keyboard focus is somewhere typing happens, where Ctrl+Z must undo the typing and not
 * an edit of the project. `path` is the event's composed path (focus may sit inside a shadow root).
 */
export function isTypingTarget(path: readonly EventTarget[]): boolean {
  for (const t of path) {
    const el = t as { tagName?: string; isContentEditable?: boolean; type?: string }
    if (!el.tagName) continue
    const tag = el.tagName.toUpperCase()
    if (tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable) return true
    if (tag === 'INPUT') {
      const type = (el.type ?? 'text').toLowerCase()
      return !['button', 'submit', 'reset', 'checkbox', 'radio', 'color', 'file', 'range'].includes(type)
    }
  }
  return false
}

/** True on Apple platforms, where Command is the shortcut modifier. */
export function isMacPlatform(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform)
}

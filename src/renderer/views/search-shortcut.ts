/**
 * The search shortcuts: Ctrl+F finds in the open document, Ctrl+Shift+F searches the whole
 * project (Command instead of Ctrl on macOS). Pure, over the key event's shape, so it is
 * unit-tested without a browser.
 */
import type { KeyLike } from '../lib/shortcuts'

export type SearchShortcut = 'document' | 'project' | undefined

export function searchShortcut(e: KeyLike, isMac: boolean): SearchShortcut {
  const mod = isMac ? e.metaKey || e.ctrlKey : e.ctrlKey && !e.metaKey
  if (!mod || e.altKey || e.key.toLowerCase() !== 'f') return undefined
  return e.shiftKey ? 'project' : 'document'
}

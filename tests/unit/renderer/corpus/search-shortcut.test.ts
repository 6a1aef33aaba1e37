/** Ctrl+F finds in the document, Ctrl+Shift+F searches the project; Command on macOS. */
import { describe, expect, it } from 'vitest'
import { searchShortcut } from '../../../../src/renderer/views/search-shortcut'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('search shortcuts', () => {
  it('Ctrl+F and Ctrl+Shift+F on Windows and Linux', () => {
    expect(searchShortcut(key('f', { ctrlKey: true }), false)).toBe('document')
    expect(searchShortcut(key('F', { ctrlKey: true, shiftKey: true }), false)).toBe('project')
    expect(searchShortcut(key('f', { metaKey: true }), false)).toBeUndefined()
    expect(searchShortcut(key('f'), false)).toBeUndefined()
    expect(searchShortcut(key('f', { ctrlKey: true, altKey: true }), false)).toBeUndefined()
    expect(searchShortcut(key('g', { ctrlKey: true }), false)).toBeUndefined()
  })
  it('Command+F on macOS', () => {
    expect(searchShortcut(key('f', { metaKey: true }), true)).toBe('document')
    expect(searchShortcut(key('f', { metaKey: true, shiftKey: true }), true)).toBe('project')
  })
})

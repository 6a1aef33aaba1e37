import { describe, expect, it } from 'vitest'
import { historyShortcut, isMacPlatform, isTypingTarget, type KeyLike } from '../../../../src/renderer/lib/shortcuts'

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('historyShortcut', () => {
  it('maps Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y off macOS', () => {
    expect(historyShortcut(key('z', { ctrlKey: true }), false)).toBe('undo')
    expect(historyShortcut(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo')
    expect(historyShortcut(key('y', { ctrlKey: true }), false)).toBe('redo')
  })
  it('uses Command on macOS', () => {
    expect(historyShortcut(key('z', { metaKey: true }), true)).toBe('undo')
    expect(historyShortcut(key('z', { metaKey: true, shiftKey: true }), true)).toBe('redo')
    expect(historyShortcut(key('z', { metaKey: true }), false)).toBeUndefined()
  })
  it('ignores other keys and modifiers', () => {
    expect(historyShortcut(key('z'), false)).toBeUndefined()
    expect(historyShortcut(key('z', { ctrlKey: true, altKey: true }), false)).toBeUndefined()
    expect(historyShortcut(key('x', { ctrlKey: true }), false)).toBeUndefined()
  })
})

describe('isTypingTarget', () => {
  it('is true inside text inputs, text areas and editable content', () => {
    expect(isTypingTarget([{ tagName: 'INPUT', type: 'text' } as unknown as EventTarget])).toBe(true)
    expect(isTypingTarget([{ tagName: 'TEXTAREA' } as unknown as EventTarget])).toBe(true)
    expect(isTypingTarget([{ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget])).toBe(true)
  })
  it('is false on buttons, checkboxes and the document text', () => {
    expect(isTypingTarget([{ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget])).toBe(false)
    expect(isTypingTarget([{ tagName: 'BUTTON' }, { tagName: 'BODY' }] as unknown as EventTarget[])).toBe(false)
    expect(isTypingTarget([{ tagName: 'ARTICLE' }, {}] as unknown as EventTarget[])).toBe(false)
  })
})

describe('isMacPlatform', () => {
  it('recognises Apple platforms only', () => {
    expect(isMacPlatform('MacIntel')).toBe(true)
    expect(isMacPlatform('Linux x86_64')).toBe(false)
    expect(isMacPlatform('Win32')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { isTypingTarget, SHORTCUTS, shortcutFor, stepIndex, type KeyLike } from '../../src/core/reader/shortcuts'

const body = { tagName: 'BODY', closest: () => null }
const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, target: body, ...extra })

describe('shortcuts', () => {
  it('maps each key to its action', () => {
    expect(['j', 'k', 'n', 'p', '/', 'c', '?'].map((k) => shortcutFor(key(k)))).toEqual([
      'next-turn', 'prev-turn', 'next-section', 'prev-section', 'focus-search', 'copy-link', 'help',
    ])
    expect(shortcutFor(key('x'))).toBeNull()
    expect(shortcutFor(key('J'))).toBeNull()
  })

  it('is ignored with Ctrl, Alt or Meta (browser and OS keys: Ctrl+C, Alt+N, Cmd+K…)', () => {
    for (const mod of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      for (const { keys } of SHORTCUTS) expect(shortcutFor(key(keys[0]!, { [mod]: true }))).toBeNull()
    }
  })

  it('is ignored while typing in a field, while composing (IME), or when already handled', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT', 'input']) {
      expect(shortcutFor(key('j', { target: { tagName, closest: () => null } }))).toBeNull()
    }
    expect(shortcutFor(key('j', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull()
    expect(shortcutFor(key('j', { target: { tagName: 'SPAN', closest: (s: string) => (s.includes('role="textbox"') ? {} : null) } }))).toBeNull()
    expect(shortcutFor(key('n', { isComposing: true }))).toBeNull()
    expect(shortcutFor(key('n', { defaultPrevented: true }))).toBeNull()
    expect(isTypingTarget(null)).toBe(false)
    expect(isTypingTarget(body)).toBe(false)
  })

  it('steps between items without wrapping', () => {
    expect(stepIndex(-1, 5, 1)).toBe(0)
    expect(stepIndex(-1, 5, -1)).toBe(-1)
    expect(stepIndex(4, 5, 1)).toBe(4)
    expect(stepIndex(0, 5, -1)).toBe(0)
    expect(stepIndex(2, 5, -1)).toBe(1)
    expect(stepIndex(0, 0, 1)).toBe(-1)
  })
})

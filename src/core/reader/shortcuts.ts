/**
 * Reader keyboard shortcuts. Single printable keys, like GitHub's and Gmail's: screen readers in
 * browse mode consume letter keys before the page sees them, and none of these is a browser key
 * without a modifier. They are off while typing and whenever Ctrl, Alt or Meta is held (those are
 * the browser's and the OS's), and the help dialog can switch them off (WCAG 2.1.4).
 */

export type ShortcutAction = 'next-turn' | 'prev-turn' | 'next-section' | 'prev-section' | 'focus-search' | 'copy-link' | 'help'

/** In display order; `keys` as `KeyboardEvent.key`. */
export const SHORTCUTS: readonly { action: ShortcutAction; keys: readonly string[] }[] = [
  { action: 'next-turn', keys: ['j'] },
  { action: 'prev-turn', keys: ['k'] },
  { action: 'next-section', keys: ['n'] },
  { action: 'prev-section', keys: ['p'] },
  { action: 'focus-search', keys: ['/'] },
  { action: 'copy-link', keys: ['c'] },
  { action: 'help', keys: ['?'] },
]

/** The parts of a keydown the decision needs; a real KeyboardEvent fits. */
export interface KeyLike {
  key: string
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  isComposing?: boolean
  defaultPrevented?: boolean
  target: unknown
}

/** The parts of an element the decision needs (so tests need no DOM). */
interface ElementLike {
  tagName?: string
  isContentEditable?: boolean
  closest?: (selector: string) => unknown
}

const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT'])

export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false
  const el = target as ElementLike
  if (el.isContentEditable) return true
  if (el.tagName && FIELDS.has(el.tagName.toUpperCase())) return true
  // Widgets that handle their own letters (a listbox's type-ahead) are off limits too.
  return Boolean(el.closest?.('[contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"], [role="listbox"]'))
}

/** The action for a keydown, or null when the page should leave the key alone. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing || event.defaultPrevented) return null
  if (isTypingTarget(event.target)) return null
  return SHORTCUTS.find((s) => s.keys.includes(event.key))?.action ?? null
}

/**
 * The index to move to from `current` (-1 when nothing is current yet) among `count` items,
 * stopping at either end rather than wrapping: wrapping would jump across the whole article.
 */
export function stepIndex(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1
  if (current < 0) return step === 1 ? 0 : -1
  return Math.min(count - 1, Math.max(0, current + step))
}

import { toRef, type Ref } from 'vue'
import { useEventListener } from '@vueuse/core'
import { shortcutFor, stepIndex, type ShortcutAction } from '../core/reader/shortcuts'
import { stickyBarsBottom } from './use-active-section'
import { useShortcutsStore } from '../stores/shortcuts'

/** The sticky bars' bottom edge: an item above it has been read past. */
function readLine(doc: Document): number {
  return stickyBarsBottom(doc) + 8
}

/**
 * The item the reader is at: the one holding focus, else the last one whose top is above the
 * sticky bars. Items are in document order, so their tops increase: binary search keeps this cheap
 * on a 5,000-turn page.
 */
export function currentIndex(items: readonly Element[], doc: Document, line = readLine(doc)): number {
  const focused = focusedIndex(items, doc)
  if (focused >= 0) return focused
  let lo = 0
  let hi = items.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.getBoundingClientRect().top <= line) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The index of the item holding focus, else -1: looked up from the focus upwards (a page may hold 5,000 items). */
function focusedIndex(items: readonly Element[], doc: Document): number {
  for (let el = doc.activeElement; el; el = el.parentElement) {
    const at = items.indexOf(el)
    if (at >= 0) return at
  }
  return -1
}

export function neighbour(items: readonly Element[], doc: Document, dir: 1 | -1): Element | null {
  const at = currentIndex(items, doc)
  // Between items (nothing focused): "previous" is the one being read, not the one before it.
  const focused = focusedIndex(items, doc) >= 0
  const next = !focused && dir === -1 && at >= 0 ? at : stepIndex(at, items.length, dir)
  return items[next] ?? null
}

/** Listen for the reader's shortcuts on `doc` and hand each action to `run`, unless the app's setting turned them off. */
export function useReaderKeys(run: (action: ShortcutAction, event: KeyboardEvent) => void, doc: Document = globalThis.document): { enabled: Ref<boolean> } {
  const setting = useShortcutsStore()
  const enabled = toRef(setting, 'enabled')
  useEventListener(doc, 'keydown', (event: KeyboardEvent) => {
    if (!enabled.value) return
    const action = shortcutFor(event)
    if (!action) return
    event.preventDefault()
    run(action, event)
  })
  return { enabled }
}

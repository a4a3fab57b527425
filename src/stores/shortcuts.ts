import { defineStore } from 'pinia'
import { ref } from 'vue'
import { defaultStorage } from '../composables/browser'

const STORAGE_KEY = 'parley-shortcuts'

/**
 * The off switch for single-key shortcuts (WCAG 2.1.4), kept across visits in `storage`. Per app:
 * the setting of one app (or one test) never leaks into another created in the same process.
 */
export const useShortcutsStore = defineStore('shortcuts', () => {
  // On until restore() runs (main.ts, after hydration): the prerendered page shows the default,
  // and reading storage during the first render would not match it.
  const enabled = ref(true)

  function restore(storage: Storage | undefined = defaultStorage()): void {
    try {
      enabled.value = storage?.getItem(STORAGE_KEY) !== 'off'
    } catch {
      enabled.value = true
    }
  }

  function set(on: boolean, storage: Storage | undefined = defaultStorage()): void {
    enabled.value = on
    try {
      storage?.setItem(STORAGE_KEY, on ? 'on' : 'off')
    } catch {
      // Storage may be disabled; the choice then lasts for this page.
    }
  }

  return { enabled, restore, set }
})

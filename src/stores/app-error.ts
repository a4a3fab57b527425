import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * The app's last uncaught error, which App.vue shows instead of a blank page. Held by the app (its
 * Pinia), not the module: two apps in one process (the prerender renders page after page) never
 * show each other's errors.
 */
export const useAppErrorStore = defineStore('app-error', () => {
  const message = ref<string | null>(null)
  function report(error: unknown): void {
    console.error(error)
    message.value = error instanceof Error ? error.message : String(error)
  }
  function clear(): void {
    message.value = null
  }
  return { message, report, clear }
})

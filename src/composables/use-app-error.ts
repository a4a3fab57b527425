import { ref, type Ref } from 'vue'

const message = ref<string | null>(null)

export function reportError(error: unknown): void {
  console.error(error)
  message.value = error instanceof Error ? error.message : String(error)
}

export function useAppError(): { message: Ref<string | null>; clear: () => void } {
  return { message, clear: () => (message.value = null) }
}

import { onScopeDispose, ref, type Ref } from 'vue'

const SHOWN_MS = 4000

/**
 * The reader's one feedback message (copied, shared, failed), shown in a single live region that
 * floats over the page, so a message never moves the text or the buttons under the pointer.
 */
export function useToast(): { text: Ref<string>; show: (text: string) => void } {
  const text = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  function show(message: string): void {
    clearTimeout(timer)
    text.value = message
    timer = setTimeout(() => (text.value = ''), SHOWN_MS)
  }
  onScopeDispose(() => clearTimeout(timer))
  return { text, show }
}

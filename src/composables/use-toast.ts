import { onScopeDispose, ref, type Ref } from 'vue'

const SHOWN_MS = 4000
/**
 * A live region announces changes: the same message set again is no change, so a second "Link
 * copied" would be silent. The region is emptied first and refilled after a frame or two, long
 * enough for the accessibility tree to see it empty.
 */
export const REPEAT_GAP_MS = 100

/**
 * The reader's one feedback message (copied, shared, failed), shown in a single live region that
 * floats over the page, so a message never moves the text or the buttons under the pointer.
 */
export function useToast(): { text: Ref<string>; show: (text: string) => void } {
  const text = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  function show(message: string): void {
    clearTimeout(timer)
    const repeat = text.value === message
    text.value = repeat ? '' : message
    timer = repeat ? setTimeout(show, REPEAT_GAP_MS, message) : setTimeout(() => (text.value = ''), SHOWN_MS)
  }
  onScopeDispose(() => clearTimeout(timer))
  return { text, show }
}

import { inject, nextTick, onScopeDispose, provide, ref, type InjectionKey, type Ref } from 'vue'

export interface Toast {
  text: Ref<string>
  show: (text: string) => void
}

const KEY: InjectionKey<Toast> = Symbol('parley-toast')
const SHOWN_MS = 4000

/**
 * The reader's one feedback region (copied, shared, failed): a single live region floating over the
 * page, so a message never moves the text or the buttons under the pointer.
 */
export function provideToast(): Toast {
  const text = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  function show(message: string): void {
    clearTimeout(timer)
    // The same message again (a second copy) is cleared first, so screen readers announce it again.
    text.value = ''
    void nextTick(() => {
      text.value = message
      timer = setTimeout(() => (text.value = ''), SHOWN_MS)
    })
  }
  onScopeDispose(() => clearTimeout(timer))
  const toast = { text, show }
  provide(KEY, toast)
  return toast
}

export function useToast(): Toast {
  const toast = inject(KEY)
  if (!toast) throw new Error('useToast() needs provideToast() in an ancestor')
  return toast
}

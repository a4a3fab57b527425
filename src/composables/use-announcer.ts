import { inject, provide, type InjectionKey, type Ref } from 'vue'
import { useToast } from './use-toast'

const KEY: InjectionKey<(text: string) => void> = Symbol('parley-announce')

/**
 * A page's one live region: its parts say what happened through `useAnnounce()` and show their
 * messages where they belong, without live regions of their own (several regions announcing at
 * once interrupt each other). The same message said twice is announced twice (see useToast).
 */
export function provideAnnouncer(): Ref<string> {
  const { text, show } = useToast()
  provide(KEY, show)
  return text
}

/** Say something through the page's live region (nothing outside a page that has one). */
export function useAnnounce(): (text: string) => void {
  return inject(KEY, () => undefined)
}

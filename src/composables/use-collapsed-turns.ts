import { watch, type Ref } from 'vue'
import { useReaderStore } from '../stores/reader'

/**
 * Marks each turn the speaker filter hides with `data-collapsed` (CSS shows it as a one-line
 * preview). The attribute is set on the rendered articles rather than through the sections'
 * templates: a filter change then re-renders no component and costs one pass over the turns, which
 * a 5,000-turn interview needs. Vue never owns the attribute, so its patches leave it alone.
 */
export function useCollapsedTurns(root: Ref<HTMLElement | null>): void {
  const store = useReaderStore()
  function apply(): void {
    for (const el of root.value?.querySelectorAll<HTMLElement>('article.turn') ?? []) {
      el.toggleAttribute('data-collapsed', !store.isShown(el.id, el.dataset.speaker ?? ''))
    }
  }
  watch([() => store.filter, () => store.forcedTurnId, () => store.expanded, () => store.interview, root], apply, { flush: 'post', immediate: true })
}

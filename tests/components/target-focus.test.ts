import { afterEach, describe, expect, it, vi } from 'vitest'
import { useTargetFocus } from '../../src/composables/use-target-focus'

function target(): { el: HTMLElement; scrolls: ScrollIntoViewOptions[] } {
  const el = document.createElement('article')
  el.id = 'turn-3'
  document.body.append(el)
  const scrolls: ScrollIntoViewOptions[] = []
  el.scrollIntoView = (options?: boolean | ScrollIntoViewOptions) => void scrolls.push(options as ScrollIntoViewOptions)
  return { el, scrolls }
}

function prefersReducedMotion(reduce: boolean): void {
  vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) => ({ matches: reduce && query.includes('prefers-reduced-motion: reduce'), media: query }) as MediaQueryList,
  )
}

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

describe('deep-link target focus', () => {
  it('scrolls a near target smoothly, and focuses it', () => {
    prefersReducedMotion(false)
    const { el, scrolls } = target()
    expect(useTargetFocus(document).focusTarget('turn-3')).toBe(true)
    expect(scrolls[0]).toEqual({ block: 'start', behavior: 'smooth' })
    expect(document.activeElement).toBe(el)
  })

  it('jumps without animation when the reader asked for reduced motion', () => {
    prefersReducedMotion(true)
    const { el, scrolls } = target()
    useTargetFocus(document).focusTarget('turn-3')
    expect(scrolls[0]).toEqual({ block: 'start', behavior: 'instant' })
    expect(document.activeElement).toBe(el)
  })

  it('reports a missing target instead of throwing', () => {
    expect(useTargetFocus(document).focusTarget('turn-404')).toBe(false)
  })
})

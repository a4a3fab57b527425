import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { REPEAT_GAP_MS, useToast } from '../../src/composables/use-toast'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('the reader\'s one toast', () => {
  it('shows a new message at once and clears it after a while', () => {
    const scope = effectScope()
    const toast = scope.run(() => useToast())!
    toast.show('Link copied')
    expect(toast.text.value).toBe('Link copied')
    vi.advanceTimersByTime(4000)
    expect(toast.text.value).toBe('')
    scope.stop()
  })

  it('announces the same message again: the live region is emptied, then refilled', () => {
    const scope = effectScope()
    const toast = scope.run(() => useToast())!
    toast.show('Link copied')
    vi.advanceTimersByTime(3000)
    toast.show('Link copied')
    expect(toast.text.value).toBe('')
    vi.advanceTimersByTime(REPEAT_GAP_MS)
    expect(toast.text.value).toBe('Link copied')
    // Shown for its full time again, counted from the repeat.
    vi.advanceTimersByTime(3000)
    expect(toast.text.value).toBe('Link copied')
    vi.advanceTimersByTime(1000)
    expect(toast.text.value).toBe('')
    scope.stop()
  })

  it('a different message replaces a pending repeat', () => {
    const scope = effectScope()
    const toast = scope.run(() => useToast())!
    toast.show('Link copied')
    toast.show('Link copied')
    toast.show('Copy failed')
    expect(toast.text.value).toBe('Copy failed')
    vi.advanceTimersByTime(REPEAT_GAP_MS)
    expect(toast.text.value).toBe('Copy failed')
    scope.stop()
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { yieldToMain } from '../../src/composables/yield-to-main'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('yieldToMain', () => {
  it('yields through scheduler.yield where the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve())
    vi.stubGlobal('scheduler', { yield: yieldFn })
    await yieldToMain()
    expect(yieldFn).toHaveBeenCalledTimes(1)
  })

  it('else goes on in a new task, after the microtasks already queued', async () => {
    vi.stubGlobal('scheduler', undefined)
    const order: string[] = []
    const yielded = yieldToMain().then(() => order.push('after the yield'))
    queueMicrotask(() => order.push('microtask'))
    await yielded
    expect(order).toEqual(['microtask', 'after the yield'])
  })
})

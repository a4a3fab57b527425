import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import SpeakerFilter from '../../src/components/SpeakerFilter.vue'
import { mountReader, type Harness } from './harness'

let h: Harness | undefined
afterEach(() => h?.wrapper.unmount())

describe('SpeakerFilter', () => {
  it('toggles speakers with router.replace, keeping the hash', async () => {
    h = await mountReader(SpeakerFilter, '/seed#导言')
    const { wrapper, router } = h
    const before = router.options.history.state.back
    const toggles = wrapper.findAll('button.speaker-toggle')
    expect(toggles.map((b) => b.attributes('aria-pressed'))).toEqual(['true', 'true'])

    await toggles[0]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/seed?speaker=michael#%E5%AF%BC%E8%A8%80')
    expect(router.currentRoute.value.hash).toBe('#导言')
    // replace, not push: no new history entry.
    expect(router.options.history.state.back).toBe(before)
    expect(wrapper.findAll('button.speaker-toggle').map((b) => b.attributes('aria-pressed'))).toEqual(['false', 'true'])

    await wrapper.findAll('button.speaker-toggle')[1]!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/seed?speaker=#%E5%AF%BC%E8%A8%80')
  })

  it('has Questions, Answers and Show everyone shortcuts', async () => {
    h = await mountReader(SpeakerFilter, '/seed')
    const { wrapper, router } = h
    const [questions, answers, all] = wrapper.findAll('.speaker-filter__shortcuts button')
    expect(all!.attributes('disabled')).toBeDefined()
    await questions!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/seed?speaker=arujjwal')
    await answers!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/seed?speaker=michael')
    await all!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/seed')
  })

  it('shows the Questions / Answers preset in use as pressed', async () => {
    h = await mountReader(SpeakerFilter, '/seed')
    const pressed = (): (string | undefined)[] => h!.wrapper.findAll('.speaker-filter__shortcuts button').slice(0, 2).map((b) => b.attributes('aria-pressed'))
    expect(pressed()).toEqual(['false', 'false'])
    await h.router.replace('/seed?speaker=arujjwal')
    await flushPromises()
    expect(pressed()).toEqual(['true', 'false'])
    await h.router.replace('/seed?speaker=michael')
    await flushPromises()
    expect(pressed()).toEqual(['false', 'true'])
    await h.router.replace('/seed?speaker=')
    await flushPromises()
    expect(pressed()).toEqual(['false', 'false'])
  })

  it('accepts a displayed name or alias in any case, and rewrites the URL to the id', async () => {
    h = await mountReader(SpeakerFilter, '/seed?speaker=Michael#turn-2')
    await flushPromises()
    expect(h.router.currentRoute.value.fullPath).toBe('/seed?speaker=michael#turn-2')
    expect(h.wrapper.findAll('button.speaker-toggle').map((b) => b.attributes('aria-pressed'))).toEqual(['false', 'true'])
    await h.router.replace('/seed?speaker=ARUJJWAL%20NEGI')
    await flushPromises()
    expect(h.router.currentRoute.value.fullPath).toBe('/seed?speaker=arujjwal')
  })

  it('shows each speaker with role and turn count', async () => {
    h = await mountReader(SpeakerFilter, '/seed')
    const text = h.wrapper.get('button[data-speaker="michael"]').text()
    expect(text).toContain('Michael')
    expect(text).toContain('受访者')
    expect(text).toContain('4 段发言')
  })
})

import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import App from '../../src/App.vue'
import ReaderSidebar from '../../src/components/ReaderSidebar.vue'
import { useAppErrorStore } from '../../src/stores/app-error'
import { useI18n } from '../../src/i18n'
import { makeInterview } from './fixture'
import { mountReader, type Harness } from './harness'

let harness: Harness | undefined
afterEach(() => {
  harness?.wrapper.unmount()
  vi.restoreAllMocks()
})

describe('App shell', () => {
  it('has a skip link that focuses main without touching the route hash', async () => {
    harness = await mountReader(App, '/seed')
    await flushPromises()
    await harness.wrapper.get('a.skip-link').trigger('click')
    expect(document.activeElement?.id).toBe('parley-main')
    expect(harness.router.currentRoute.value.hash).toBe('')
  })

  it('sets <html lang> to the UI language, keeping a prerendered tag that differs only in case', async () => {
    const root = document.documentElement
    const observed: string[] = []
    const observer = new MutationObserver((records) => observed.push(...records.map(() => root.lang)))
    root.lang = 'zh-cn'
    observer.observe(root, { attributes: true, attributeFilter: ['lang'] })
    harness = await mountReader(App, '/seed')
    await flushPromises()
    expect(useI18n().locale.value).toBe('zh')
    expect(root.lang).toBe('zh-cn')
    useI18n().chosen.value = 'en'
    await flushPromises()
    expect(root.lang).toBe('en')
    observer.disconnect()
    useI18n().chosen.value = null
    expect(observed).toEqual(['en'])
  })

  it('turns an uncaught error into a visible alert instead of a blank page', async () => {
    harness = await mountReader(App, '/')
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    useAppErrorStore().report(new Error('chunk failed'))
    await flushPromises()
    expect(harness.wrapper.get('[role="alert"]').text()).toContain('chunk failed')
  })
})

describe('ReaderSidebar (mobile menu)', () => {
  it('opens, closes on Escape with focus back on the toggle, and closes after a jump', async () => {
    harness = await mountReader(ReaderSidebar, '/seed', { sections: makeInterview().sections.slice(1), activeId: null })
    const { wrapper } = harness
    const toggle = wrapper.get('button.sidebar__toggle')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    await wrapper.get('aside').trigger('keydown', { key: 'Escape' })
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(toggle.element)
    await toggle.trigger('click')
    await wrapper.get('nav a').trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(wrapper.emitted('jump')).toEqual([['导言']])
  })
})

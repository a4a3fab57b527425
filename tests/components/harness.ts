import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, type Router } from 'vue-router'
import type { Component } from 'vue'
import { createAppRouter } from '../../src/router'
import { useReaderStore } from '../../src/stores/reader'
import { makeInterview } from './fixture'
import { applyReaderLocale, useI18n } from '../../src/i18n'
import { preloadParts } from '../../src/ssr/lazy-hydration'

export interface Harness {
  wrapper: VueWrapper
  router: Router
  store: ReturnType<typeof useReaderStore>
}

/** Mount a component inside the real router (memory history) and store, with the fixture loaded. */
export async function mountReader(component: Component, url: string, props: Record<string, unknown> = {}): Promise<Harness> {
  // The locale is app-wide state: start every test as a reader whose browser prefers Chinese.
  globalThis.localStorage?.removeItem('parley-ui-lang')
  useI18n().chosen.value = null
  await applyReaderLocale(['zh-CN'])
  const router = createAppRouter(createMemoryHistory())
  const pinia = createPinia()
  setActivePinia(pinia)
  await router.push(url)
  await router.isReady()
  // As main.ts does before rendering a page in the browser: the parts' code is there, nothing shows late.
  await preloadParts()
  const wrapper = mount(component, { props, global: { plugins: [router, pinia] }, attachTo: document.body })
  const store = useReaderStore()
  store.setInterview(makeInterview())
  await wrapper.vm.$nextTick()
  return { wrapper, router, store }
}

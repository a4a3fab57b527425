import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import UpdateNotice from '../../src/components/UpdateNotice.vue'
import { loadMessages, useI18n } from '../../src/i18n'
import type { SwUpdateOptions } from '../../src/pwa/update'

/** Just enough of ServiceWorker / ServiceWorkerRegistration / ServiceWorkerContainer. */
class FakeWorker extends EventTarget {
  state: ServiceWorkerState = 'installing'
  messages: unknown[] = []
  postMessage(message: unknown): void {
    this.messages.push(message)
  }
  become(state: ServiceWorkerState): void {
    this.state = state
    this.dispatchEvent(new Event('statechange'))
  }
}
class FakeRegistration extends EventTarget {
  installing: FakeWorker | null = null
  waiting: FakeWorker | null = null
  update = vi.fn(async () => undefined)
  unregister = vi.fn(async () => true)
  /** The browser found a new sw.js and starts installing it. */
  found(): FakeWorker {
    this.installing = new FakeWorker()
    this.dispatchEvent(new Event('updatefound'))
    return this.installing
  }
}
class FakeContainer extends EventTarget {
  controller: object | null
  registration = new FakeRegistration()
  register = vi.fn(async (..._args: unknown[]) => this.registration as unknown)
  getRegistrations = vi.fn(async () => [this.registration])
  constructor(controlled: boolean) {
    super()
    this.controller = controlled ? {} : null
  }
}

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  useI18n().chosen.value = null
})

async function mountWith(container: FakeContainer, extra: Partial<SwUpdateOptions> = {}) {
  const reload = vi.fn()
  const options: SwUpdateOptions = { container: container as unknown as ServiceWorkerContainer, enabled: true, reload, ...extra }
  wrapper = mount(UpdateNotice, { props: { options }, attachTo: document.body })
  await flushPromises()
  return { wrapper, reload }
}

describe('UpdateNotice', () => {
  it('registers the worker at the base URL and stays silent on a first install', async () => {
    const container = new FakeContainer(false)
    const { wrapper } = await mountWith(container)
    expect(container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' })
    container.registration.found().become('installed')
    await flushPromises()
    // The live region is there from the start (so screen readers announce what appears in it), but empty.
    expect(wrapper.get('[role="status"]').text()).toBe('')
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('offers a waiting new version; Reload activates it and reloads once it takes over', async () => {
    const container = new FakeContainer(true)
    const { wrapper, reload } = await mountWith(container)
    const next = container.registration.found()
    next.become('installed')
    await flushPromises()
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toContain('A new version of Parley is available.')
    const button = status.get('button[type="button"]')
    expect(button.text()).toBe('Reload')
    await button.trigger('click')
    expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }])
    expect(reload).not.toHaveBeenCalled()
    container.dispatchEvent(new Event('controllerchange'))
    container.dispatchEvent(new Event('controllerchange'))
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('shows a version that was already waiting from an earlier visit, in Chinese too, and can be dismissed', async () => {
    useI18n().chosen.value = 'zh'
    await loadMessages('zh')
    const container = new FakeContainer(true)
    container.registration.waiting = new FakeWorker()
    const { wrapper } = await mountWith(container)
    expect(wrapper.get('.update-notice').text()).toContain('Parley 有新版本可用。')
    expect(wrapper.get('.update-notice button').text()).toBe('重新加载')
    await wrapper.get('button[aria-label="关闭提示"]').trigger('click')
    expect(wrapper.find('.update-notice').exists()).toBe(false)
  })

  it('a claim on first install does not reload the page', async () => {
    const container = new FakeContainer(false)
    const { reload } = await mountWith(container)
    container.registration.found().become('installed')
    container.controller = {}
    container.dispatchEvent(new Event('controllerchange'))
    expect(reload).not.toHaveBeenCalled()
  })

  it('in dev it registers nothing and removes a worker left on this origin', async () => {
    const container = new FakeContainer(true)
    await mountWith(container, { enabled: false })
    expect(container.register).not.toHaveBeenCalled()
    expect(container.registration.unregister).toHaveBeenCalled()
  })

  it('a refused registration (or no service worker support) leaves the app as it is', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const container = new FakeContainer(false)
    container.register.mockRejectedValueOnce(new Error('insecure origin'))
    const { wrapper } = await mountWith(container)
    expect(warn).toHaveBeenCalled()
    expect(wrapper.get('[role="status"]').text()).toBe('')
    warn.mockRestore()
    wrapper.unmount()
    const none = mount(UpdateNotice, { props: { options: { container: undefined, enabled: true } } })
    await flushPromises()
    expect(none.get('[role="status"]').text()).toBe('')
    none.unmount()
  })
})

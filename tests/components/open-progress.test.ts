import { IDBFactory } from 'fake-indexeddb'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { useOpenInterview } from '../../src/composables/use-open-interview'
import { openRecordStore } from '../../src/local/idb'
import type { LocalRecord } from '../../src/local/record'
import { createAppRouter } from '../../src/router'
import { useLocalStore } from '../../src/stores/local'

const TALK = '---\ntitle: A talk\nslug: talk\n---\n\n**Ada**: Why?\n\n**Grace**: Because.\n\n**Ada**: And?\n\n**Grace**: Fine.\n'

async function host(fetcher: typeof fetch) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useLocalStore().setBackend(openRecordStore<LocalRecord>(new IDBFactory()))
  const router = createAppRouter(createMemoryHistory())
  await router.push('/')
  await router.isReady()
  let api!: ReturnType<typeof useOpenInterview>
  const Host = defineComponent({
    setup() {
      api = useOpenInterview({ fetcher })
      return () => null
    },
  })
  mount(Host, { global: { plugins: [router, pinia] } })
  return { api, router }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('useOpenInterview', () => {
  it('shows progress only once opening takes longer than a moment, and hides it when done', async () => {
    vi.useFakeTimers()
    let answer!: (response: Response) => void
    const fetcher = (() => new Promise<Response>((resolve) => (answer = resolve))) as typeof fetch
    const { api, router } = await host(fetcher)

    const opening = api.openUrl('https://x.org/talk.md')
    expect(api.busy.value).toBe('https://x.org/talk.md')
    await vi.advanceTimersByTimeAsync(299)
    expect(api.showProgress.value).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(api.showProgress.value).toBe(true)

    vi.useRealTimers()
    answer(new Response(TALK))
    await opening
    expect(api.busy.value).toBeNull()
    expect(api.showProgress.value).toBe(false)
    expect(router.currentRoute.value.fullPath).toBe('/talk')
  })

  it('a quick failure never shows progress and names the URL in its message', async () => {
    const fetcher = (async () => new Response('gone', { status: 410 })) as typeof fetch
    const { api, router } = await host(fetcher)
    await api.openUrl('https://x.org/old.md')
    expect(api.showProgress.value).toBe(false)
    expect(api.messages.value.map((m) => [m.tone, m.text])).toEqual([['error', 'The server answered 410 for https://x.org/old.md; nothing was opened.']])
    expect(router.currentRoute.value.fullPath).toBe('/')
  })
})

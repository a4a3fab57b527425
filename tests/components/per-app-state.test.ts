/**
 * State that belongs to one app lives in that app (its Pinia), not in a module: two apps created in
 * one process (the prerender renders page after page; tests mount app after app) share none of it.
 */
import { IDBFactory } from 'fake-indexeddb'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, type App as VueApp } from 'vue'
import { createMemoryHistory } from 'vue-router'
import ShortcutHelp from '../../src/components/ShortcutHelp.vue'
import { createParley } from '../../src/app'
import { useReaderKeys } from '../../src/composables/use-reader-keys'
import { openRecordStore, type RecordStore } from '../../src/local/idb'
import type { LocalRecord } from '../../src/local/record'
import { useLocalStore } from '../../src/stores/local'
import { useShortcutsStore } from '../../src/stores/shortcuts'

const mounted: Array<{ unmount: () => void }> = []
afterEach(() => {
  for (const m of mounted.splice(0)) m.unmount()
  globalThis.localStorage?.removeItem('parley-shortcuts')
  vi.restoreAllMocks()
})

async function startApp(): Promise<{ app: VueApp; root: HTMLElement }> {
  const { app, router } = createParley(createMemoryHistory())
  await router.push('/')
  await router.isReady()
  const root = document.body.appendChild(document.createElement('div'))
  app.mount(root)
  mounted.push({ unmount: () => (app.unmount(), root.remove()) })
  await flushPromises()
  return { app, root }
}

/** A component of `pinia`'s app that listens for the reader's shortcuts; the actions it got. */
function keysOf(pinia: ReturnType<typeof createPinia>): string[] {
  const got: string[] = []
  const Host = defineComponent({
    setup() {
      useReaderKeys((action) => got.push(action))
      return () => null
    },
  })
  mounted.push(mount(Host, { global: { plugins: [pinia] }, attachTo: document.body }))
  return got
}

describe('state held per app', () => {
  it('an error in one app shows in that app only', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const a = await startApp()
    const b = await startApp()
    a.app.config.errorHandler?.(new Error('chunk failed'), null, 'test')
    await flushPromises()
    expect(a.root.querySelector('.app-error')?.textContent).toContain('chunk failed')
    expect(b.root.querySelector('.app-error')).toBeNull()
  })

  it('turning shortcuts off in one app leaves another app listening', async () => {
    const a = createPinia()
    const b = createPinia()
    const help = mount(ShortcutHelp, { props: { enabled: true }, global: { plugins: [a] } })
    mounted.push(help)
    const inA = keysOf(a)
    const inB = keysOf(b)
    await help.get('input[type="checkbox"]').setValue(false)
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }))
    expect(inA).toEqual([])
    expect(inB).toEqual(['next-turn'])
  })

  it('the shortcuts setting is read from and written to the storage it is given', () => {
    const saved = new Map<string, string>()
    const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) } as Storage
    const setting = useShortcutsStore(createPinia())
    setting.set(false, storage)
    expect(saved.get('parley-shortcuts')).toBe('off')
    const later = useShortcutsStore(createPinia())
    expect(later.enabled).toBe(true)
    later.restore(storage)
    expect(later.enabled).toBe(false)
    const refusing = { getItem: () => { throw new DOMException('denied', 'SecurityError') } } as unknown as Storage
    later.restore(refusing)
    expect(later.enabled).toBe(true)
  })

  it('each app keeps interviews in the storage it was given', async () => {
    const full: RecordStore<LocalRecord> = (() => {
      const fail = (): Promise<never> => Promise.reject(new DOMException('QuotaExceededError', 'QuotaExceededError'))
      return { all: fail, claim: fail, put: fail, remove: fail }
    })()
    const a = useLocalStore(createPinia())
    const b = useLocalStore(createPinia())
    a.setBackend(full)
    b.setBackend(openRecordStore<LocalRecord>(new IDBFactory()))
    const talk = '---\ntitle: A talk\nslug: talk\n---\n\n**Ada**: Why?\n\n**Grace**: Because.\n\n**Ada**: And?\n\n**Grace**: Fine.\n'
    expect(await a.open(talk, null)).toMatchObject({ ok: true, storage: 'full' })
    expect(await b.open(talk, null)).toMatchObject({ ok: true, storage: null })
  })
})

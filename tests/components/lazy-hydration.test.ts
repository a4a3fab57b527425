// Test pages are built from small inline components; one file per component would hide the setup.
/* eslint-disable vue/one-component-per-file */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h, inject, nextTick, onMounted, provide, ref, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { enableLazyHydration, hydrateAll, lazyLoaded, preloadParts, whenHydrated } from '../../src/ssr/lazy-hydration'

/** A part that shows its prop and records when it is hydrated (mounted on the client). */
function part(name: string, hydrated: string[], roots: 'one' | 'two' = 'one'): Component {
  return defineComponent({
    props: { label: { type: String, required: true } },
    setup(props) {
      onMounted(() => hydrated.push(name))
      return () =>
        roots === 'one'
          ? h('p', { class: name }, props.label)
          : [h('p', { class: name }, props.label), h('p', { class: `${name}-more` }, 'more')]
    },
  })
}

/** A lazy part whose code is already loaded (as after preloadParts). */
async function loaded(name: string, component: Component): Promise<Component> {
  const lazy = lazyLoaded(name, async () => ({ default: component }))
  await preloadParts()
  return lazy
}

/**
 * Server-renders a page of two lazy parts, then hydrates it lazily like main.ts does, on a paused
 * clock: Vue has taken both parts over (their code is there), and their idle callbacks wait.
 */
async function hydratePage(roots: 'one' | 'two'): Promise<{ hydrated: string[]; label: ReturnType<typeof ref<string>>; container: HTMLElement }> {
  const hydrated: string[] = []
  const First = await loaded('first', part('first', hydrated, roots))
  const Second = await loaded('second', part('second', hydrated))
  const label = ref('server')
  const Page = defineComponent({ setup: () => () => h('div', [h(First, { label: label.value }), h(Second, { label: 'still' })]) })
  const container = document.createElement('div')
  container.innerHTML = await renderToString(createSSRApp(Page))
  document.body.append(container)
  vi.useFakeTimers()
  enableLazyHydration(document)
  createSSRApp(Page).mount(container)
  await vi.advanceTimersByTimeAsync(0)
  return { hydrated, label, container }
}

/** Let the idle callbacks run. */
async function idle(): Promise<void> {
  const done = whenHydrated()
  await vi.runAllTimersAsync()
  await done
}

afterEach(() => {
  vi.useRealTimers()
  document.body.innerHTML = ''
})

describe('lazy hydration', () => {
  it('hydrates a waiting part alone when its parent passes it new props; the others wait for an idle moment', async () => {
    const page = await hydratePage('one')
    expect(page.hydrated).toEqual([])

    page.label.value = 'client'
    await nextTick()
    expect(page.container.querySelector('.first')?.textContent).toBe('client')
    expect(page.hydrated).toEqual(['first'])

    await idle()
    expect(page.hydrated).toEqual(['first', 'second'])
    expect(page.container.querySelector('.second')?.textContent).toBe('still')
  })

  it('finds a waiting part with several root nodes by its first element, and hydrates it alone too', async () => {
    const page = await hydratePage('two')
    page.label.value = 'client'
    await nextTick()
    expect(page.container.querySelector('.first')?.textContent).toBe('client')
    expect(page.hydrated).toEqual(['first'])
    await idle()
    expect(page.hydrated).toEqual(['first', 'second'])
  })

  it('hydrates a part inside a part after it, and at once too when everything must hydrate at once', async () => {
    const hydrated: string[] = []
    const Inner = await loaded('inner', part('inner', hydrated))
    const Outer = await loaded(
      'outer',
      defineComponent({
        setup() {
          onMounted(() => hydrated.push('outer'))
          return () => h('section', [h(Inner, { label: 'nested' })])
        },
      }),
    )
    const Page = defineComponent({ setup: () => () => h('div', [h(Outer)]) })
    const render = async (): Promise<HTMLElement> => {
      const container = document.createElement('div')
      container.innerHTML = await renderToString(createSSRApp(Page))
      document.body.append(container)
      return container
    }

    const idle = await render()
    enableLazyHydration(document)
    createSSRApp(Page).mount(idle)
    await whenHydrated()
    expect(hydrated).toEqual(['outer', 'inner'])

    hydrated.length = 0
    const atOnce = await render()
    enableLazyHydration(document)
    createSSRApp(Page).mount(atOnce)
    await hydrateAll()
    await nextTick()
    // Together, in one pass: Vue runs the inner part's mounted hook first, as in any mount.
    expect(hydrated).toEqual(['inner', 'outer'])
    expect(atOnce.querySelector('.inner')?.textContent).toBe('nested')
  })

  it('hydrates parts that inject from their ancestors when asked from a router guard (inside app.runWithContext)', async () => {
    const Injecting = await loaded('injecting', defineComponent({ setup: () => () => h('p', { class: 'injecting' }, inject<string>('from-page', 'app level')) }))
    const Page = defineComponent({
      setup() {
        provide('from-page', 'from the page')
        return () => h('div', [h(Injecting)])
      },
    })
    const container = document.createElement('div')
    container.innerHTML = await renderToString(createSSRApp(Page))
    expect(container.querySelector('.injecting')?.textContent).toBe('from the page')
    document.body.append(container)
    vi.useFakeTimers()
    enableLazyHydration(document)
    const app = createSSRApp(Page)
    app.mount(container)
    await vi.advanceTimersByTimeAsync(0)

    await app.runWithContext(() => hydrateAll())
    await nextTick()
    expect(container.querySelector('.injecting')?.textContent).toBe('from the page')
    expect(hydrateAll()).toBeNull()
  })

  it('keeps a part whose code is still loading as the server wrote it, even when its props change, then hydrates and updates it', async () => {
    const hydrated: string[] = []
    const Late = lazyLoaded('late', async () => ({ default: part('late', hydrated) }))
    const label = ref('server')
    const Page = defineComponent({ setup: () => () => h('div', [h(Late, { label: label.value })]) })
    const container = document.createElement('div')
    container.innerHTML = await renderToString(createSSRApp(Page))
    document.body.append(container)

    // In the browser the code arrives after the mount: a fresh definition whose loader waits.
    let arrive = (): void => {}
    const later = new Promise<void>((resolve) => (arrive = resolve))
    const Waiting = lazyLoaded('late', () => later.then(() => ({ default: part('late', hydrated) })))
    const Client = defineComponent({ setup: () => () => h('div', [h(Waiting, { label: label.value })]) })
    enableLazyHydration(document)
    createSSRApp(Client).mount(container)
    const done = whenHydrated()
    label.value = 'client'
    await nextTick()
    // Not replaced by an empty placeholder: the server's markup stays until the code is there.
    expect(container.querySelector('.late')?.textContent).toBe('server')
    expect(hydrated).toEqual([])

    arrive()
    await done
    await nextTick()
    expect(hydrated).toEqual(['late'])
    expect(container.querySelector('.late')?.textContent).toBe('client')
    expect(hydrateAll()).toBeNull()
    // And later props reach it as they reach any component.
    label.value = 'again'
    await nextTick()
    expect(container.querySelector('.late')?.textContent).toBe('again')
  })
})

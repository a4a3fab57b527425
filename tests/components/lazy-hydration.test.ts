// Test pages are built from small inline components; one file per component would hide the setup.
/* eslint-disable vue/one-component-per-file */
import { afterEach, describe, expect, it } from 'vitest'
import { createSSRApp, defineComponent, h, nextTick, onMounted, ref, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { enableLazyHydration, hydrateAll, hydrateNow, lazyLoaded, preloadParts, whenHydrated } from '../../src/ssr/lazy-hydration'

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

/** Server-renders a page of two lazy parts, then hydrates it lazily like main.ts does. */
async function hydratePage(roots: 'one' | 'two'): Promise<{ hydrated: string[]; label: ReturnType<typeof ref<string>>; container: HTMLElement; startSlices: () => void }> {
  const hydrated: string[] = []
  const First = await loaded('first', part('first', hydrated, roots))
  const Second = await loaded('second', part('second', hydrated))
  const label = ref('server')
  const Page = defineComponent({ setup: () => () => h('div', [h(First, { label: label.value }), h(Second, { label: 'still' })]) })
  const container = document.createElement('div')
  container.innerHTML = await renderToString(createSSRApp(Page))
  document.body.append(container)
  const startSlices = enableLazyHydration(document)
  createSSRApp(Page).mount(container)
  return { hydrated, label, container, startSlices }
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('lazy hydration', () => {
  it('hydrates a waiting part alone when its parent passes it new props; the others wait for their slice', async () => {
    const page = await hydratePage('one')
    expect(page.hydrated).toEqual([])

    page.label.value = 'client'
    await nextTick()
    expect(page.container.querySelector('.first')?.textContent).toBe('client')
    expect(page.hydrated).toEqual(['first'])

    page.startSlices()
    await whenHydrated()
    expect(page.hydrated).toEqual(['first', 'second'])
    expect(page.container.querySelector('.second')?.textContent).toBe('still')
  })

  it('hydrates every waiting part when the changed part has several root nodes', async () => {
    const page = await hydratePage('two')
    page.label.value = 'client'
    await nextTick()
    expect(page.container.querySelector('.first')?.textContent).toBe('client')
    expect(page.hydrated.sort()).toEqual(['first', 'second'])
    page.startSlices()
    await whenHydrated()
  })

  it('gives a part inside a part a slice of its own, and hydrates it too when everything must hydrate at once', async () => {
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

    const sliced = await render()
    const startSlices = enableLazyHydration(document)
    createSSRApp(Page).mount(sliced)
    startSlices()
    await whenHydrated()
    expect(hydrated).toEqual(['outer', 'inner'])

    hydrated.length = 0
    const atOnce = await render()
    const start = enableLazyHydration(document)
    createSSRApp(Page).mount(atOnce)
    hydrateNow()
    start()
    await whenHydrated()
    await nextTick()
    expect(hydrated).toEqual(['outer', 'inner'])
    expect(atOnce.querySelector('.inner')?.textContent).toBe('nested')
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
    const startSlices = enableLazyHydration(document)
    createSSRApp(Client).mount(container)
    startSlices()
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

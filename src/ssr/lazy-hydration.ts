import { defineAsyncComponent, defineComponent, getCurrentInstance, h, onBeforeUpdate, ref, type Component } from 'vue'

/**
 * Hydration in slices. Hydrating a whole prerendered page is one long task (~100 ms on a laptop,
 * ×4 on a phone), which is what Lighthouse's Total Blocking Time counts. Parts wrapped with
 * `lazyLoaded` keep their server markup (readable, scrollable, focusable) and are hydrated one
 * after another in their own short tasks, in document order, right after the eager part mounts.
 *
 * A part must be hydrated before anything it renders changes, or its first client render would
 * differ from the server's markup (a hydration mismatch). `hydrateNow()` hydrates every pending
 * part synchronously; it runs before a route change (filters, search, jumps: main.ts), before a
 * UI language change (i18n), and on the first pointer, key or input event of the page (capture
 * phase, so the handlers that event reaches are already there). A waiting part whose parent passes
 * it new props (the outline's current section, set as soon as the page has mounted) hydrates alone,
 * first: the other parts render nothing that changed, so they keep waiting for their slice.
 * Lazy mode is only switched on (`enableLazyHydration`) for a prerendered page; otherwise parts
 * hydrate with their parent.
 *
 * The parts also load their code only then: the entry holds the page's frame,
 * and each part's chunk is requested as hydration reaches it (Vue hydrates an async component when
 * its code arrives, keeping the server markup meanwhile). Until its code is there a part keeps the
 * props it was first rendered with, so a parent's update cannot replace its markup with nothing;
 * it is updated once it has hydrated. `hydrateAll()` waits for the code still on its way, and
 * `preloadParts()` loads every part before a page is rendered without server markup (the 404
 * shell, a move to another page), so nothing appears late or shifts the layout.
 */

type Hydrate = () => void

const pending = new Set<Hydrate>()
/** The waiting part a server element belongs to, so new props can hydrate that part alone. */
const partOf = new WeakMap<Element, Hydrate>()
/** off: parts hydrate with their parent; collecting: during the lazy mount; running: slices after it. */
let state: 'off' | 'collecting' | 'running' = 'off'
let listening: Document | null = null
let timer: ReturnType<typeof setTimeout> | null = null
let idleResolvers: Array<() => void> = []
/** Parts whose code is still loading while the page hydrates. */
let loading = 0
/** True while hydrateNow() drains the waiting parts (parts inside them join the queue). */
let draining = false
/** Set once everything must hydrate now (an interaction, a route change): parts arriving later hydrate at once. */
let urgent = false
/** Every lazily loaded part's loader (see preloadParts). */
const loaders = new Set<() => Promise<unknown>>()
/** One slice: hydrate parts until this much time has passed (a phone's CPU is ~4× slower). */
const SLICE_MS = 6

function settle(): void {
  if (pending.size > 0 || loading > 0 || state !== 'running') return
  state = 'off'
  urgent = false
  for (const type of INTERACTIONS) listening?.removeEventListener(type, onInteraction, { capture: true })
  listening = null
  const resolvers = idleResolvers
  idleResolvers = []
  for (const resolve of resolvers) resolve()
}

function run(hydrate: Hydrate): void {
  pending.delete(hydrate)
  hydrate()
}

function slice(): void {
  timer = null
  const start = performance.now()
  for (const hydrate of [...pending]) {
    run(hydrate)
    if (performance.now() - start > SLICE_MS) break
  }
  if (pending.size > 0) timer = setTimeout(slice)
  else settle()
}

// Not focus: the reader focuses a deep link's target itself (use-target-focus.ts).
const INTERACTIONS = ['pointerdown', 'keydown', 'input', 'click'] as const

const FIELDS = 'input, textarea, select, [contenteditable]'
/**
 * A click on a control, or a shortcut key, that the app must handle while the code of the part that
 * handles it is still loading: held, and given again once every part has hydrated. Only events
 * whose default action is nothing the browser would do by itself (links and keys in fields pass).
 */
function mustHold(event: Event): event is MouseEvent | KeyboardEvent {
  const target = event.target as Element | null
  if (loading === 0 || !target?.closest) return false
  if (event instanceof KeyboardEvent) {
    return event.type === 'keydown' && event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey && !target.closest(FIELDS)
  }
  return event.type === 'click' && Boolean(target.closest('button, summary, [role="button"]'))
}

function replay(event: MouseEvent | KeyboardEvent): void {
  const target = event.target as HTMLElement
  if (!target.isConnected) return
  if (event instanceof KeyboardEvent) target.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, code: event.code, shiftKey: event.shiftKey, bubbles: true, cancelable: true }))
  else target.click()
}

function onInteraction(event: Event): void {
  hydrateNow()
  if (!mustHold(event)) return
  event.preventDefault()
  event.stopImmediatePropagation()
  void whenHydrated().then(() => replay(event))
}

/** Hydrate every part still waiting, now; a part whose code is still loading hydrates when it arrives. */
export function hydrateNow(): void {
  if (state !== 'off') urgent = true
  if (timer !== null) clearTimeout(timer)
  timer = null
  draining = true
  try {
    // Parts inside parts register while their parent hydrates: go on until none is left.
    while (pending.size > 0) for (const hydrate of [...pending]) run(hydrate)
  } finally {
    draining = false
  }
  settle()
}

/**
 * Switch lazy hydration on for the coming `app.mount` (a prerendered page). Returns a function
 * to call after mount: it starts hydrating the waiting parts, slice by slice.
 */
export function enableLazyHydration(doc: Document = document): () => void {
  state = 'collecting'
  listening = doc
  for (const type of INTERACTIONS) doc.addEventListener(type, onInteraction, { capture: true })
  return () => {
    state = 'running'
    if (pending.size === 0) settle()
    else timer ??= setTimeout(slice)
  }
}

/** Resolves once no part is waiting (at once when none is); for tests and the e2e fixture. */
export function whenHydrated(): Promise<void> {
  if (state === 'off') return Promise.resolve()
  return new Promise((resolve) => idleResolvers.push(resolve))
}

/**
 * Hydrate every part now, those whose code is still loading as soon as it arrives: before anything
 * they render may change. Null when nothing had to wait, so callers can go on in the same task.
 */
export function hydrateAll(): Promise<void> | null {
  hydrateNow()
  return state === 'off' ? null : whenHydrated()
}

/** Load the code of every lazily loaded part, parts inside parts included. */
export async function preloadParts(): Promise<void> {
  let known = 0
  while (loaders.size > known) {
    known = loaders.size
    await Promise.all([...loaders].map((load) => load()))
  }
}

function strategy(hydrate: Hydrate, forEachElement: (each: (el: Element) => void) => void): () => void {
  // Outside lazy mode a part hydrates with its parent. In it, a part waits for a slice, and so does
  // a part inside a part being hydrated while the slices run.
  if (state === 'off') {
    hydrate()
    return () => {}
  }
  pending.add(hydrate)
  forEachElement((el) => partOf.set(el, hydrate))
  // A part whose code arrives after everything had to hydrate goes at once; else it joins the slices.
  if (urgent && !draining) hydrateNow()
  else if (state === 'running') timer ??= setTimeout(slice)
  return () => pending.delete(hydrate)
}

/**
 * Hydrate the waiting part rendered at `el`. A part with several root nodes starts with a text
 * anchor, not an element: then every waiting part hydrates, which is always safe.
 */
function hydratePartAt(el: unknown): void {
  const hydrate = el instanceof Element ? partOf.get(el) : undefined
  if (!hydrate) return hydrateNow()
  if (pending.has(hydrate)) {
    run(hydrate)
    settle()
  }
}

/**
 * One microtask after the part's code arrived: Vue's own callback on the same load (which hands
 * the part to `strategy`) was queued right after ours, so it has run by then.
 */
const afterVue = (): void => {}

type Loader<T> = () => Promise<{ default: T }>

/**
 * A part hydrated lazily (see above) whose code is loaded only when it is first rendered or
 * hydrated, or by `preloadParts`; rendered and mounted as usual otherwise (the server render, the
 * 404 shell, later navigations).
 */
export function lazyLoaded<T extends Component>(name: string, loader: Loader<T>): T {
  let arrived = false
  const Async = defineAsyncComponent({
    loader: () => loader().then((module) => {
      arrived = true
      return module.default
    }),
    hydrate: strategy,
  })
  const load = (Async as unknown as { __asyncLoader: () => Promise<unknown> }).__asyncLoader
  loaders.add(load)
  return defineComponent({
    name: `Lazy${name}`,
    inheritAttrs: false,
    setup(_, { attrs }) {
      const self = getCurrentInstance()
      // Hydrating before its code is here: keep the first props until the part has hydrated.
      let held = !arrived && state !== 'off' ? { ...attrs } : null
      const released = ref(0)
      if (held) {
        loading++
        let updates = 0
        onBeforeUpdate(() => void updates++)
        void load()
          .then(afterVue)
          .finally(() => {
            loading--
            held = null
            // Only a part whose parent changed its props meanwhile needs a render (which hydrates it first).
            if (updates > 0) released.value++
            settle()
          })
      }
      // New props for a part still waiting: hydrate it first, then patch it as usual.
      onBeforeUpdate(() => {
        if (pending.size > 0) hydratePartAt(self?.subTree.el)
      })
      return () => {
        void released.value // its change re-renders this wrapper
        // A fresh props object each render (Vue skips a child whose props object is the same one).
        return h(Async, held ?? { ...attrs })
      }
    },
  }) as unknown as T
}

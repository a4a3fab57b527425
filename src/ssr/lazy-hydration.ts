import { defineAsyncComponent, defineComponent, getCurrentInstance, h, onBeforeUpdate, type Component } from 'vue'

/**
 * Hydration in slices. Hydrating a whole prerendered page is one long task (~100 ms on a laptop,
 * ×4 on a phone), which is what Lighthouse's Total Blocking Time counts. Parts wrapped with
 * `lazyHydrated` keep their server markup (readable, scrollable, focusable) and are hydrated one
 * after another in their own short tasks, in document order, right after the eager part mounts.
 *
 * A part must be hydrated before anything it renders changes, or its first client render would
 * differ from the server's markup (a hydration mismatch). `hydrateNow()` hydrates every pending
 * part synchronously; it runs before a route change (filters, search, jumps: main.ts), before a
 * UI language change (i18n), and on the first pointer, key or input event of the page (capture
 * phase, so the handlers that event reaches are already there). A waiting part whose parent passes
 * it new props (the outline's current section, set as soon as the page has mounted) hydrates alone,
 * first: the other parts render nothing that changed, so they keep waiting for their slice.
 * Lazy mode is only switched on (`enableLazyHydration`) for a prerendered page whose first render
 * needs nothing the server did not know; otherwise parts hydrate with their parent.
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
/** One slice: hydrate parts until this much time has passed (a phone's CPU is ~4× slower). */
const SLICE_MS = 6

function settle(): void {
  if (pending.size > 0 || state !== 'running') return
  state = 'off'
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
const INTERACTIONS = ['pointerdown', 'keydown', 'input'] as const

function onInteraction(): void {
  hydrateNow()
}

/** Hydrate every part still waiting, now. */
export function hydrateNow(): void {
  if (timer !== null) clearTimeout(timer)
  timer = null
  // Parts inside parts register while their parent hydrates: go on until none is left.
  while (pending.size > 0) for (const hydrate of [...pending]) run(hydrate)
  settle()
}

/**
 * Switch lazy hydration on for the coming `app.mount` (a prerendered page). Returns a function
 * to call after mount: it starts hydrating the waiting parts, slice by slice.
 */
export function enableLazyHydration(doc: Document = document): () => void {
  state = 'collecting'
  listening = doc
  for (const type of INTERACTIONS) doc.addEventListener(type, onInteraction, { capture: true, passive: true })
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

function strategy(hydrate: Hydrate, forEachElement: (each: (el: Element) => void) => void): () => void {
  // Outside lazy mode a part hydrates with its parent. In it, a part waits for a slice, and so does
  // a part inside a part being hydrated while the slices run.
  if (state === 'off') {
    hydrate()
    return () => {}
  }
  pending.add(hydrate)
  forEachElement((el) => partOf.set(el, hydrate))
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
 * `component`, hydrated lazily (see above); rendered and mounted as usual otherwise (the server
 * render, the 404 shell, later navigations).
 */
export function lazyHydrated<T extends Component>(component: T): T {
  const Async = defineAsyncComponent({ loader: () => Promise.resolve(component), hydrate: strategy })
  // Resolved before any mount, so the wrapper renders the component at once (no loading state).
  void (Async as unknown as { __asyncLoader: () => Promise<unknown> }).__asyncLoader()
  const name = (component as { name?: string; __name?: string }).name ?? (component as { __name?: string }).__name ?? 'Part'
  return defineComponent({
    name: `Lazy${name}`,
    inheritAttrs: false,
    setup(_, { attrs, slots }) {
      const self = getCurrentInstance()
      // New props for a part still waiting: hydrate it first, then patch it as usual.
      onBeforeUpdate(() => {
        if (pending.size > 0) hydratePartAt(self?.subTree.el)
      })
      return () => h(Async, attrs, slots)
    },
  }) as unknown as T
}

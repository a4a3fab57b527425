import { defineAsyncComponent, defineComponent, getCurrentInstance, h, hydrateOnIdle, onBeforeUnmount, onBeforeUpdate, ref, type Component, type HydrationStrategy } from 'vue'

/**
 * Hydration in parts. Hydrating a whole prerendered page is one long task (~100 ms on a laptop,
 * ×4 on a phone), which is what Lighthouse's Total Blocking Time counts. Parts wrapped with
 * `lazyLoaded` are Vue async components with a hydration strategy: they keep their server markup
 * (readable, scrollable, focusable) and hydrate each in an idle callback of its own after the page's
 * frame mounts (Vue's `hydrateOnIdle`), in document order as their code arrives.
 *
 * Vue's strategies decide for one part from its own elements; Parley needs three things they cannot
 * give, which `strategy` below adds around `hydrateOnIdle` (with the module-level state they need:
 * the parts still waiting or loading, and whether everything must hydrate now):
 * - A part must be hydrated before anything it renders changes, or its first client render would
 *   differ from the server's markup (a hydration mismatch, which Vue answers by skipping the part's
 *   hydration). `hydrateAll()` hydrates every waiting part at once; it runs before a route change
 *   (filters, search, jumps: main.ts) and a UI language change (i18n). A waiting part whose parent
 *   passes it new props (the outline's current section, set as soon as the page has mounted)
 *   hydrates alone, first.
 * - The first pointer, key or input event anywhere in the page hydrates every part (capture phase,
 *   so the handlers that event reaches are there): a shortcut key pressed on a turn is handled by the
 *   reader tools, which `hydrateOnInteraction` (events on the part's own elements) would miss. A
 *   click on a button or a shortcut key while a part's code is still loading is held and given again
 *   once every part has hydrated.
 * - `whenHydrated()` tells when no part waits (the page is then fully interactive).
 *
 * The parts also load their code only then: the entry holds the page's frame, and each part's chunk
 * is requested as hydration reaches it (Vue hydrates an async component when its code arrives,
 * keeping the server markup meanwhile). Until Vue has its code and has handed it to `strategy`, a
 * part keeps the props it was first rendered with, so a parent's update cannot replace its markup
 * with nothing; it is updated once it has hydrated. `preloadParts()` loads every part before a page is rendered without server markup
 * (the 404 shell, a move to another page), so nothing appears late or shifts the layout.
 */

type Hydrate = () => void

/** Parts whose server markup waits to be hydrated. */
const waiting = new Set<Hydrate>()
/** The waiting part by its first server node (see firstNode), so new props can hydrate that part alone. */
const partOf = new WeakMap<Node, Hydrate>()
/** The wrapper holding a part's first props, by the part's first node, until Vue takes the part over. */
const holders = new WeakMap<Node, () => void>()
/** Parts being hydrated whose code is still on its way. */
let loading = 0
/** Set once everything must hydrate now (an interaction, a route change): parts arriving later hydrate at once. */
let urgent = false
let listening: Document | null = null
let idleResolvers: Array<() => void> = []
/** Every lazily loaded part's loader (see preloadParts). */
const loaders = new Set<() => Promise<unknown>>()

function settle(): void {
  if (waiting.size > 0 || loading > 0) return
  urgent = false
  for (const type of INTERACTIONS) listening?.removeEventListener(type, onInteraction, { capture: true })
  listening = null
  const resolvers = idleResolvers
  idleResolvers = []
  for (const resolve of resolvers) resolve()
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

/** Before a prerendered page's `app.mount`: the first interaction with it hydrates every part. */
export function enableLazyHydration(doc: Document = document): void {
  listening = doc
  for (const type of INTERACTIONS) doc.addEventListener(type, onInteraction, { capture: true })
}

/** Resolves once no part is waiting (at once when none is); for main.ts, tests and the e2e fixture. */
export function whenHydrated(): Promise<void> {
  return new Promise((resolve) => {
    idleResolvers.push(resolve)
    settle()
  })
}

/** Hydrate every waiting part now, and those whose code is still loading as soon as it arrives. */
function hydrateNow(): void {
  urgent = true
  // A part hydrating here hydrates the parts inside it at once (urgent), so one pass is enough.
  for (const hydrate of [...waiting]) hydrate()
}

/**
 * Hydrate every part before anything it renders may change, in a microtask: a router guard runs
 * inside `app.runWithContext`, where a part's `inject()` would read the app's provides instead of
 * its ancestors'. Null when nothing had to wait, so callers can go on in the same task.
 */
export function hydrateAll(): Promise<void> | null {
  if (waiting.size === 0 && loading === 0) return null
  urgent = true
  return Promise.resolve().then(hydrateNow).then(whenHydrated)
}

/** Load the code of every lazily loaded part, parts inside parts included. */
export async function preloadParts(): Promise<void> {
  let known = 0
  while (loaders.size > known) {
    known = loaders.size
    await Promise.all([...loaders].map((load) => load()))
  }
}

const onIdle = hydrateOnIdle()

/** `hydrateOnIdle`, unless everything must hydrate now; and at once on `hydrateAll` or new props. */
const strategy: HydrationStrategy = (hydrate, forEachElement) => {
  // The part is Vue's now: the wrapper that held its first props lets go of them. (Vue gives a
  // part rendered as one node that node, element or not, and a fragment's elements.)
  const handOver = (): void => forEachElement((el) => void holders.get(el)?.())
  if (urgent) {
    hydrate()
    return handOver()
  }
  const run = (): void => {
    if (!waiting.delete(run)) return
    stopIdle()
    hydrate()
    settle()
  }
  waiting.add(run)
  forEachElement((el) => void partOf.set(el, run))
  handOver()
  const stopIdle = onIdle(run, forEachElement) as () => void
  return () => {
    waiting.delete(run)
    stopIdle()
    settle()
  }
}

/** A comment anchor Vue writes around several root nodes: `[` opens them, `]` closes them. */
const isAnchor = (node: Node, data: '[' | ']'): boolean => node.nodeType === Node.COMMENT_NODE && (node as Comment).data === data

/**
 * The first node Vue's strategies see of a part's server markup: the node itself, or for several
 * root nodes the first element among them. Null on the server, which has no nodes.
 */
function firstNode(node: Node | null): Node | null {
  if (!node || !isAnchor(node, '[')) return node
  for (let next = node.nextSibling; next && !isAnchor(next, ']'); next = next.nextSibling) {
    if (next.nodeType === Node.ELEMENT_NODE) return next
  }
  return null
}

/** Hydrate the waiting part rendered at `node`; every waiting part when it is not known. */
function hydratePartAt(node: Node | null): void {
  const first = firstNode(node)
  const hydrate = first ? partOf.get(first) : undefined
  if (hydrate) hydrate()
  else hydrateNow()
}

type Loader<T> = () => Promise<{ default: T }>

/**
 * A part hydrated lazily (see above) whose code is loaded only when it is first rendered or
 * hydrated, or by `preloadParts`; rendered and mounted as usual otherwise (the server render, the
 * 404 shell, later navigations).
 */
export function lazyLoaded<T extends Component>(name: string, loader: Loader<T>): T {
  let code: Component | undefined
  const load = (): Promise<Component> => loader().then((module) => (code = module.default))
  loaders.add(load)
  const Async = defineAsyncComponent({ loader: load, hydrate: strategy })
  return defineComponent({
    name: `Lazy${name}`,
    inheritAttrs: false,
    setup(_, { attrs }) {
      const self = getCurrentInstance()
      // Vue sets a component's node before its setup only when it adopts server markup.
      const node = (self?.vnode.el ?? null) as Node | null
      // A fresh render with the code here (preloadParts): the part itself, nothing to wait for.
      if (code && !node) return () => h(code as Component, { ...attrs })
      const released = ref(0)
      // Hydrating: keep the first props until Vue has the part's code and has taken the part over
      // (known by the part's first node; a part of no element at all is not held).
      const first = firstNode(node)
      let held = first ? { ...attrs } : null
      if (first) {
        loading++
        let updates = 0
        onBeforeUpdate(() => void updates++)
        const release = (): void => {
          if (!held) return
          loading--
          held = null
          holders.delete(first)
          // Only a part whose parent changed its props meanwhile needs a render (which hydrates it first).
          if (updates > 0) released.value++
          settle()
        }
        holders.set(first, release)
        // Vue never takes over a part that is gone first, or whose code failed to load (offline).
        onBeforeUnmount(release)
        load().catch(release)
      }
      // New props for a part Vue has but which still waits: hydrate it first, then patch it as usual.
      onBeforeUpdate(() => {
        if (!held && waiting.size > 0) hydratePartAt((self?.subTree.el ?? null) as Node | null)
      })
      return () => {
        void released.value // its change re-renders this wrapper
        // A fresh props object each render (Vue skips a child whose props object is the same one).
        return h(Async, held ?? { ...attrs })
      }
    },
  }) as unknown as T
}

import { ref, type Ref } from 'vue'

/**
 * The service worker (generated at build time by vite-plugin-pwa / Workbox, see vite.config.ts)
 * precaches the app shell and every built-in interview, so after a first visit the app opens
 * without a network. A new build installs in the background and waits; this module notices the
 * waiting worker, and `applyUpdate` lets the reader switch to it (then reloads once).
 */
export interface SwUpdate {
  /** A new version is installed and waiting for the reader's go-ahead. */
  ready: Ref<boolean>
  /** Activate the waiting version and reload the page once it controls it. */
  applyUpdate: () => void
}

export interface SwUpdateOptions {
  container?: ServiceWorkerContainer | undefined
  /** Register only in production builds: dev has no service worker (and drops a stale one). */
  enabled?: boolean
  url?: string
  scope?: string
  reload?: () => void
}

export function watchServiceWorker(options: SwUpdateOptions = {}): SwUpdate {
  const container = 'container' in options ? options.container : globalThis.navigator?.serviceWorker
  const enabled = options.enabled ?? import.meta.env.PROD
  const base = import.meta.env.BASE_URL
  const reload = options.reload ?? (() => location.reload())
  const ready = ref(false)
  let waiting: ServiceWorker | null = null
  let reloading = false

  const update: SwUpdate = {
    ready,
    applyUpdate() {
      if (!waiting || !container) return reload()
      // generateSW's worker answers this message with skipWaiting(); the page reloads on takeover.
      waiting.postMessage({ type: 'SKIP_WAITING' })
    },
  }
  if (!container) return update

  if (!enabled) {
    // A worker left by `vite preview` on this origin would otherwise serve an old build in dev.
    container.getRegistrations?.().then((all) => all.forEach((r) => void r.unregister())).catch(() => undefined)
    return update
  }

  const offer = (worker: ServiceWorker): void => {
    // No controller yet means first install: the page already is the current version.
    if (!container.controller) return
    waiting = worker
    ready.value = true
  }

  container.addEventListener('controllerchange', () => {
    // Only a takeover the reader asked for reloads; the first install's clients.claim() does not.
    if (!waiting || reloading) return
    reloading = true
    reload()
  })

  container
    .register(options.url ?? `${base}sw.js`, { scope: options.scope ?? base })
    .then((registration) => {
      // Playwright's `serviceWorkers: 'block'` resolves with nothing.
      if (!registration) return
      if (registration.waiting) offer(registration.waiting)
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed') offer(installing)
        })
      })
      // Long-open tabs: look for a new build when the reader comes back to the tab.
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') registration.update().catch(() => undefined)
      })
    })
    // No service worker (insecure origin, private mode, blocked): the app simply stays online-only.
    .catch((error: unknown) => console.warn('Service worker not registered:', error))

  return update
}

import { createWebHistory } from 'vue-router'
import { createParley, prepareRoute } from './app'
import { reportError } from './composables/use-app-error'
import { applyReaderLocale } from './i18n'
import { restoreShortcutsSetting } from './composables/use-reader-keys'
import { deferUrlState, keepTypedText, prerenderedHere, replayHeldSubmits } from './ssr/hydration'
import { enableLazyHydration, hydrateNow, whenHydrated } from './ssr/lazy-hydration'
import { yieldToMain } from './composables/yield-to-main'
import './styles/base.css'
import './styles/reader.css'
import './styles/print.css'
import './styles/local.css'

// Prerendered pages (dist/index.html, dist/<slug>/index.html) arrive with the app's markup and are
// hydrated; 404.html (any other path: local interviews, unknown slugs) is the empty shell.
const container = document.getElementById('app')!
const hydrate = prerenderedHere(container, window, import.meta.env.BASE_URL)
const deferred = hydrate ? deferUrlState(window, import.meta.env.BASE_URL) : null

// Never a blank page: any uncaught error becomes a visible message (see App.vue).
window.addEventListener('error', (event) => reportError(event.error ?? event.message))
window.addEventListener('unhandledrejection', (event) => reportError(event.reason))

/**
 * Each step runs in its own task (`yieldToMain`): evaluating the bundle, creating the app and its
 * router, loading the interview and hydrating would otherwise be one long task that blocks input
 * (Total Blocking Time).
 */
async function start(): Promise<void> {
  await yieldToMain()
  const { app, router, pinia } = createParley(createWebHistory(import.meta.env.BASE_URL), { hydrate })
  app.config.errorHandler = (error) => reportError(error)
  // A failed lazy chunk or a throwing guard would otherwise leave the old page with no explanation.
  router.onError((error) => reportError(error))
  // Filters, search and jumps change what parts render: every part still waiting hydrates first.
  router.beforeEach(() => void hydrateNow())

  if (!hydrate) {
    applyReaderLocale()
    restoreShortcutsSetting()
    app.mount(container)
    replayHeldSubmits(window)
    container.dataset.hydrated = ''
    return
  }
  // The first render must equal the server's: same route, interview loaded, default settings.
  await router.isReady()
  await yieldToMain()
  await prepareRoute(router, pinia)
  await yieldToMain()
  // The plain URL renders just as the server did: parts below the first view hydrate in slices
  // after mount (src/ssr/lazy-hydration.ts). A URL with view state hydrates whole, then moves.
  const startSlices = deferred ? null : enableLazyHydration()
  const giveBackTypedText = keepTypedText(container)
  app.mount(container)
  // The reader's language and stored settings apply after hydration (a re-render, not a mismatch).
  applyReaderLocale()
  restoreShortcutsSetting()
  startSlices?.()
  if (deferred) await router.replace(deferred)
  await whenHydrated()
  giveBackTypedText()
  replayHeldSubmits(window)
  // Every part is interactive (the browser tests wait for this).
  container.dataset.hydrated = ''
}

start().catch(reportError)

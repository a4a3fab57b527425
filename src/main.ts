import { createWebHistory } from 'vue-router'
import type { Pinia } from 'pinia'
import { createParley, prepareRoute, type ParleyApp } from './app'
import { useAppErrorStore } from './stores/app-error'
import { applyReaderLocale } from './i18n'
import { deferUrlState, keepTypedText, prerenderedHere, replayHeldSubmits } from './ssr/hydration'
import { enableLazyHydration, hydrateAll, preloadParts, whenHydrated } from './ssr/lazy-hydration'
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

/**
 * Each step runs in its own task (`yieldToMain`): evaluating the bundle, creating the app and its
 * router, loading the interview and hydrating would otherwise be one long task that blocks input
 * (Total Blocking Time).
 */
/** The reader's shortcuts switch: with the reader tools' code, which the entry does not hold. */
async function restoreShortcutsSetting(pinia: Pinia): Promise<void> {
  const { useShortcutsStore } = await import('./stores/shortcuts')
  useShortcutsStore(pinia).restore()
}

async function start(): Promise<void> {
  await yieldToMain()
  const parley = createParley(createWebHistory(import.meta.env.BASE_URL), { hydrate })
  // Never a blank page: any uncaught error becomes a visible message (see App.vue); a failed lazy
  // chunk or a throwing guard would otherwise leave the old page with no explanation.
  const { report } = useAppErrorStore(parley.pinia)
  window.addEventListener('error', (event) => report(event.error ?? event.message))
  window.addEventListener('unhandledrejection', (event) => report(event.reason))
  parley.router.onError(report)
  await show(parley).catch(report)
}

async function show({ app, router, pinia }: ParleyApp): Promise<void> {
  // Filters, search and jumps change what parts render: every part still waiting hydrates first.
  // Another page renders without server markup: its parts' code loads before it shows.
  router.beforeEach(async (to, from) => {
    if (from.matched.length > 0 && to.path !== from.path) await preloadParts()
    await hydrateAll()
  })

  if (!hydrate) {
    await applyReaderLocale()
    await restoreShortcutsSetting(pinia)
    await router.isReady()
    await preloadParts()
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
  // The plain URL renders just as the server did: the parts hydrate in idle callbacks after mount,
  // as their code arrives (src/ssr/lazy-hydration.ts). A URL with view state hydrates whole (the
  // route change waits for every part), then moves.
  enableLazyHydration()
  const giveBackTypedText = keepTypedText(container)
  app.mount(container)
  // The reader's language and stored settings apply after hydration (a re-render, not a mismatch).
  await applyReaderLocale()
  await restoreShortcutsSetting(pinia)
  if (deferred) await router.replace(deferred)
  await whenHydrated()
  giveBackTypedText()
  replayHeldSubmits(window)
  // Every part is interactive (the browser tests wait for this).
  container.dataset.hydrated = ''
}

start().catch((error) => console.error(error))

import { createApp, createSSRApp, type App } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import type { Router, RouterHistory } from 'vue-router'
import AppRoot from './App.vue'
import { createAppRouter } from './router'
import { useReaderStore } from './stores/reader'
import { useI18n } from './i18n'

export interface ParleyApp {
  app: App
  router: Router
  pinia: Pinia
}

/**
 * One factory for the browser and the prerender (src/entry-server.ts): `hydrate` makes an SSR app
 * that adopts server-rendered markup instead of replacing it. Everything per request (router,
 * Pinia) is created here, never at module level, so one prerender process can render many pages.
 */
export function createParley(history: RouterHistory, { hydrate = false }: { hydrate?: boolean } = {}): ParleyApp {
  const app = hydrate ? createSSRApp(AppRoot) : createApp(AppRoot)
  const pinia = createPinia()
  app.use(pinia)
  const router = createAppRouter(history)
  app.use(router)
  return { app, router, pinia }
}

/**
 * Load what the first render of the current route needs, so server and browser render the same
 * markup: the reader's interview (a dynamic import, otherwise the first render is "Loading…") and
 * the UI language that follows the article's language. The list page renders in the default
 * language; ListView switches to the browser's after mount.
 */
export async function prepareRoute(router: Router, pinia: Pinia): Promise<void> {
  const route = router.currentRoute.value
  const { setContentLocale } = useI18n()
  if (route.name !== 'reader') {
    setContentLocale(null)
    return
  }
  const store = useReaderStore(pinia)
  await store.load(String(route.params.slug))
  setContentLocale(store.interview?.lang ?? null)
}

import { createApp, createSSRApp, type App } from 'vue'
import { createPinia, type Pinia } from 'pinia'
import type { Router, RouterHistory } from 'vue-router'
import AppRoot from './App.vue'
import { createAppRouter } from './router'
import { addressOf } from './router/addresses'
import { useReaderStore } from './stores/reader'
import { useAppErrorStore } from './stores/app-error'

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
  // A component's error becomes this app's visible message (App.vue), never a blank page.
  app.config.errorHandler = (error) => useAppErrorStore(pinia).report(error)
  return { app, router, pinia }
}

/**
 * Load what the first render of the current route needs, so server and browser render the same
 * markup: the reader's interview (a dynamic import, otherwise the first render is "Loading…").
 * Every page renders in the default UI language; main.ts applies the reader's after hydration.
 */
export async function prepareRoute(router: Router, pinia: Pinia): Promise<void> {
  const route = router.currentRoute.value
  if (route.name !== 'reader') return
  await useReaderStore(pinia).load(addressOf(route.params))
}

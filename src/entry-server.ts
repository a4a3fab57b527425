/**
 * Server entry for the build-time prerender (src/node/prerender-plugin.ts): renders one route of
 * the app to an HTML string with Vue's own server renderer. Built with `vite build --ssr` into a
 * temporary folder and imported by the plugin after the client build; never shipped to browsers.
 */
import { renderToString } from 'vue/server-renderer'
import { createMemoryHistory } from 'vue-router'
import { summaries } from 'virtual:interview-summaries'
import type { Interview } from './core/types'
import { createParley, prepareRoute } from './app'
import { useReaderStore } from './stores/reader'
import { htmlLangOf, useI18n } from './i18n'
import { useSpeakerNames } from './composables/use-speaker-names'

export { summaries }

export interface Rendered {
  /** The markup of `#app`. */
  html: string
  /** `<html lang>`: the language the interface was rendered in. */
  htmlLang: string
  /** The reader's interview, its unnamed sides worded as on the page, or null for the list page. */
  interview: Interview | null
}

/** `url` is relative to the app's base (`/`, `/<slug>`, `/<lang>/<slug>`). */
export async function render(url: string): Promise<Rendered> {
  const { app, router, pinia } = createParley(createMemoryHistory(import.meta.env.BASE_URL), { hydrate: true })
  // Vue logs a component error and renders on; a page built from a half-failed render would ship.
  const errors: unknown[] = []
  app.config.errorHandler = (error) => void errors.push(error)
  app.config.warnHandler = (message) => void errors.push(new Error(message))
  await router.push(url)
  await router.isReady()
  await prepareRoute(router, pinia)
  const html = await renderToString(app)
  if (errors.length > 0) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]))
  const store = useReaderStore(pinia)
  return { html, htmlLang: htmlLangOf(useI18n().locale.value), interview: router.currentRoute.value.name === 'reader' && store.interview ? useSpeakerNames().worded(store.interview) : null }
}

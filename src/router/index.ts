import {
  createRouter, createWebHistory, type RouteLocationNamedRaw, type RouteParamsGeneric, type Router, type RouterHistory, type RouterScrollBehavior,
} from 'vue-router'
import ListView from '../views/ListView.vue'
import ReaderView from '../views/ReaderView.vue'
import NotFoundView from '../views/NotFoundView.vue'
import { setPageMeta } from '../composables/page-meta'
import { SITE_DESCRIPTION } from '../core/describe'

/**
 * Hash targets on the reader are scrolled by the reader itself (useTargetFocus): the interview is
 * loaded asynchronously, so at this point the element usually does not exist yet, and the target
 * also needs focus and a highlight. Everything else: Back/Forward restore, new pages start at top.
 */
export const scrollBehavior: RouterScrollBehavior = (to, from, savedPosition) => {
  if (to.name === 'reader' && to.hash) return false
  if (savedPosition) return savedPosition
  if (to.path !== from.path) return { top: 0 }
  return false
}

/** A language segment: a lowercase language tag (`ja`, `zh-cn`); vue-router allows no groups here. */
const LANG_SEGMENT = '[a-z]{2,3}|[a-z]{2,3}-[a-z0-9-]{2,}'

/** The interview address a reader route names: `<slug>` or `<lang>/<slug>`. */
export function addressOf(params: RouteParamsGeneric): string {
  const { lang, slug } = params
  const one = (v: RouteParamsGeneric[string] | undefined): string => String(Array.isArray(v) ? v[0] ?? '' : v ?? '')
  // Paths match case-insensitively; language folders are lowercase.
  return lang ? `${one(lang).toLowerCase()}/${one(slug)}` : one(slug)
}

/** The route of an address, for links (the router encodes each segment). */
export function readerLocation(address: string, hash = ''): RouteLocationNamedRaw {
  const at = address.lastIndexOf('/')
  const params = at === -1 ? { slug: address } : { lang: address.slice(0, at), slug: address.slice(at + 1) }
  return { name: 'reader', params, hash }
}

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes: [
      { path: '/', name: 'list', component: ListView },
      // `/<slug>`, and `/<lang>/<slug>` for articles in a language folder (see src/node/content.ts).
      { path: `/:lang(${LANG_SEGMENT})?/:slug`, name: 'reader', component: ReaderView, props: (to) => ({ address: addressOf(to.params) }) },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
    ],
    scrollBehavior,
  })
  // A new page (the first one included) starts from Parley's own description; the reader then sets
  // the interview's (ReaderPage), the list and not-found pages keep it. Hash and query changes
  // within a page keep what is set.
  router.afterEach((to, from, failure) => {
    if (!failure && (to.path !== from.path || from.matched.length === 0)) setPageMeta(null, SITE_DESCRIPTION)
  })
  return router
}

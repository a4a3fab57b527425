import { createRouter, createWebHistory, type Router, type RouterHistory, type RouterScrollBehavior } from 'vue-router'
import ReaderView from '../views/ReaderView.vue'
import { setPageMeta } from '../composables/page-meta'
import { SITE_DESCRIPTION } from '../core/reader/describe'
import { loaders } from 'virtual:interviews'
import { serialiseViewState } from '../core/reader/url-state'
import { addressOf, LANG_SEGMENT, readerLocation, shareTarget } from './addresses'

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

const isBuiltIn = (address: string): boolean => Object.hasOwn(loaders, address)

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes: [
      // The reader is in the entry; the other pages load their code when opened (the router waits
      // for it, so a prerendered list page still hydrates whole).
      { path: '/', name: 'list', component: () => import('../views/ListView.vue') },
      // `/<slug>`, and `/<lang>/<slug>` for articles in a language folder (see src/node/content.ts).
      { path: `/:lang(${LANG_SEGMENT})?/:slug`, name: 'reader', component: ReaderView, props: (to) => ({ address: addressOf(to.params) }) },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('../views/NotFoundView.vue') },
    ],
    scrollBehavior,
  })
  // A share page (`/<slug>/turn-N`, prerendered for link previews) opens the reader exactly as its
  // `#turn-N` link does: the same route, so focus, highlight, filters and jumps behave the same.
  router.beforeEach((to) => {
    const share = to.name === 'list' ? null : shareTarget(to.path, isBuiltIn)
    if (!share) return
    const { hash } = serialiseViewState({ speakers: null, target: { kind: 'section', id: share.target } })
    return { ...readerLocation(share.address, hash), query: to.query, replace: true }
  })
  // A new page (the first one included) starts from Parley's own description; the reader then sets
  // the interview's (ReaderPage), the list and not-found pages keep it. Hash and query changes
  // within a page keep what is set.
  router.afterEach((to, from, failure) => {
    if (!failure && (to.path !== from.path || from.matched.length === 0)) setPageMeta(null, SITE_DESCRIPTION)
  })
  return router
}

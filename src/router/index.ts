import { createRouter, createWebHistory, type Router, type RouterHistory, type RouterScrollBehavior } from 'vue-router'
import ListView from '../views/ListView.vue'
import ReaderView from '../views/ReaderView.vue'
import NotFoundView from '../views/NotFoundView.vue'

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

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  return createRouter({
    history,
    routes: [
      { path: '/', name: 'list', component: ListView },
      { path: '/:slug', name: 'reader', component: ReaderView, props: true },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
    ],
    scrollBehavior,
  })
}

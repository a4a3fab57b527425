import { h, type VNode } from 'vue'

/**
 * Sanitised HTML (a turn's or a narration's body) as an element vnode, rendered with
 * `<component :is="htmlBlock(…)">`. Why not `v-html`: since Vue 3.5.39 hydration force-patches
 * every dynamic prop, and `v-html` is one (vuejs/core#15138), so each body's innerHTML was set
 * again right after hydration. That replaced the server's nodes: wasted work on every turn, a
 * repaint of the page, a text selection lost, and a second, later "largest contentful paint" that
 * made the page's LCP wait for the app. A vnode made with `h()` has no dynamic props: hydration
 * adopts its children as they are, and a later render sets innerHTML only when the HTML changed.
 */
export function htmlBlock(attrs: Record<string, string>, html: string): VNode {
  return h('div', { ...attrs, innerHTML: html })
}

/**
 * The reader tools' own parts, hydrated in slices of their own after the tools themselves (see
 * src/ssr/lazy-hydration.ts): together they were the longest hydration task of the reader page.
 * Each loads its code when first needed.
 */
import { lazyLoaded } from '../ssr/lazy-hydration'

export const SearchBox = lazyLoaded('SearchBox', () => import('./SearchBox.vue'))
export const ExportMenu = lazyLoaded('ExportMenu', () => import('./ExportMenu.vue'))
export const ConversationMap = lazyLoaded('ConversationMap', () => import('./ConversationMap.vue'))

/**
 * The reader tools' own parts, hydrated in slices of their own after the tools themselves (see
 * src/ssr/lazy-hydration.ts): together they were the longest hydration task of the reader page.
 */
import { lazyHydrated } from '../ssr/lazy-hydration'
import SearchBoxPart from './SearchBox.vue'
import ExportMenuPart from './ExportMenu.vue'
import ConversationMapPart from './ConversationMap.vue'

export const SearchBox = lazyHydrated(SearchBoxPart)
export const ExportMenu = lazyHydrated(ExportMenuPart)
export const ConversationMap = lazyHydrated(ConversationMapPart)

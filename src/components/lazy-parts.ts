/**
 * Parts of the page hydrated after it mounts, in short tasks (src/ssr/lazy-hydration.ts), defined
 * once here (not per instance of the component that shows them). Their code is not in the entry:
 * it loads when hydration (or a page rendered in the browser) first needs it, a few chunks of
 * parts that are needed together (app-parts, reader-parts, list-parts).
 */
import type { Component } from 'vue'
import { lazyLoaded } from '../ssr/lazy-hydration'

/** A part exported by a chunk of parts. */
function partOf<M, K extends keyof M & string>(chunk: () => Promise<M>, name: K): M[K] {
  return lazyLoaded(name, () => chunk().then((parts) => ({ default: parts[name] as Component }))) as M[K]
}
/**
 * One import per chunk, shared by its parts. Each `import()` goes through Vite's preload helper,
 * which searches the whole document (a CSP nonce, the preload links) on every call: once per part
 * of the reader, that was ~10 ms of the mount task on a 4× slower phone.
 */
function once<M>(load: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | null = null
  // A failed request (offline) is tried again by the next part that needs the chunk.
  const retryable = (): Promise<M> =>
    load().catch((error: unknown) => {
      loading = null
      throw error
    })
  return () => (loading ??= retryable())
}
const app = once((): Promise<typeof import('./app-parts')> => import('./app-parts'))
const reader = once((): Promise<typeof import('./reader-parts')> => import('./reader-parts'))
const list = once((): Promise<typeof import('./list-parts')> => import('./list-parts'))

export const AppHeader = partOf(app, 'AppHeader')
export const UpdateNotice = partOf(app, 'UpdateNotice')
export const InterviewCard = partOf(list, 'InterviewCard')
export const OpenInterview = partOf(list, 'OpenInterview')
/** A turn's copy / share buttons work before its section hydrates (one listener in ReaderPage). */
export const ConversationSection = partOf(reader, 'ConversationSection')
/** Search, export, the conversation map, shortcuts and quote links. */
export const ReaderTools = partOf(reader, 'ReaderTools')
/** The article's title block and byline. */
export const ReaderHeader = partOf(reader, 'ReaderHeader')
/** Outline and speaker filter: its current-section prop changes once the page mounts, which hydrates it alone. */
export const ReaderSidebar = partOf(reader, 'ReaderSidebar')
/** Notices about the URL (unknown section, speaker…) and the filter's summary: both depend on the view state. */
export const NoticeList = partOf(reader, 'NoticeList')
export const FilterStatus = partOf(reader, 'FilterStatus')
/** Where the article comes from and its licence, at its end. */
export const ReaderCredit = partOf(reader, 'ReaderCredit')
/** The reader tools' own parts, hydrated in slices of their own after the tools (see tool-parts.ts). */
export const SearchBox = partOf(reader, 'SearchBox')
export const ExportMenu = partOf(reader, 'ExportMenu')
export const ConversationMap = partOf(reader, 'ConversationMap')
/** An unknown address (it reads the local store). */
export const NotFoundView = lazyLoaded('NotFoundView', () => import('../views/NotFoundView.vue'))
/** Only for an interview opened in this browser (IndexedDB, Fix speakers). */
export const LocalInterviewBar = lazyLoaded('LocalInterviewBar', () => import('./LocalInterviewBar.vue'))

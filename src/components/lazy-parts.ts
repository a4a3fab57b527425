/**
 * Parts of the page hydrated after it mounts, in short tasks (src/ssr/lazy-hydration.ts), defined
 * once here (not per instance of the component that shows them). Their code is not in the entry:
 * each loads when hydration (or a page rendered in the browser) first needs it.
 */
import { lazyLoaded } from '../ssr/lazy-hydration'

export const AppHeader = lazyLoaded('AppHeader', () => import('./AppHeader.vue'))
export const UpdateNotice = lazyLoaded('UpdateNotice', () => import('./UpdateNotice.vue'))
export const InterviewCard = lazyLoaded('InterviewCard', () => import('./InterviewCard.vue'))
export const OpenInterview = lazyLoaded('OpenInterview', () => import('./OpenInterview.vue'))
/** A turn's copy / share buttons work before its section hydrates (one listener in ReaderPage). */
export const ConversationSection = lazyLoaded('ConversationSection', () => import('./ConversationSection.vue'))
/** Search, export, the conversation map, shortcuts and quote links. */
export const ReaderTools = lazyLoaded('ReaderTools', () => import('./ReaderTools.vue'))
/** The article's title block and byline. */
export const ReaderHeader = lazyLoaded('ReaderHeader', () => import('./ReaderHeader.vue'))
/** Outline and speaker filter: its current-section prop changes once the page mounts, which hydrates it alone. */
export const ReaderSidebar = lazyLoaded('ReaderSidebar', () => import('./ReaderSidebar.vue'))
/** Notices about the URL (unknown section, speaker…) and the filter's summary: both depend on the view state. */
export const NoticeList = lazyLoaded('NoticeList', () => import('./NoticeList.vue'))
export const FilterStatus = lazyLoaded('FilterStatus', () => import('./FilterStatus.vue'))
/** Where the article comes from and its licence, at its end. */
export const ReaderCredit = lazyLoaded('ReaderCredit', () => import('./ReaderCredit.vue'))
/** An unknown address (it reads the local store). */
export const NotFoundView = lazyLoaded('NotFoundView', () => import('../views/NotFoundView.vue'))
/** Only for an interview opened in this browser (IndexedDB, Fix speakers). */
export const LocalInterviewBar = lazyLoaded('LocalInterviewBar', () => import('./LocalInterviewBar.vue'))

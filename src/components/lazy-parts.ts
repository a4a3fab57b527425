/**
 * Parts of the page hydrated after it mounts, in short tasks (src/ssr/lazy-hydration.ts), defined
 * once here (not per instance of the component that shows them).
 */
import { lazyHydrated } from '../ssr/lazy-hydration'
import AppHeaderPart from './AppHeader.vue'
import UpdateNoticePart from './UpdateNotice.vue'
import InterviewCardPart from './InterviewCard.vue'
import OpenInterviewPart from './OpenInterview.vue'
import ConversationSectionPart from './ConversationSection.vue'
import ReaderToolsPart from './ReaderTools.vue'
import ReaderHeaderPart from './ReaderHeader.vue'
import ReaderSidebarPart from './ReaderSidebar.vue'

export const AppHeader = lazyHydrated(AppHeaderPart)
export const UpdateNotice = lazyHydrated(UpdateNoticePart)
export const InterviewCard = lazyHydrated(InterviewCardPart)
export const OpenInterview = lazyHydrated(OpenInterviewPart)
/** A turn's copy / share buttons work before its section hydrates (one listener in ReaderPage). */
export const ConversationSection = lazyHydrated(ConversationSectionPart)
/** Search, export, the conversation map, shortcuts and quote links. */
export const ReaderTools = lazyHydrated(ReaderToolsPart)
/** The article's title block and byline. */
export const ReaderHeader = lazyHydrated(ReaderHeaderPart)
/** Outline and speaker filter: its current-section prop changes once the page mounts, which hydrates it alone. */
export const ReaderSidebar = lazyHydrated(ReaderSidebarPart)

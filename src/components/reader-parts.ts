/**
 * The reader page's parts, in one chunk: hydration needs them all at once, and one request and
 * one script evaluation cost the page less than a dozen (see lazy-parts.ts).
 */
export { default as ConversationSection } from './ConversationSection.vue'
export { default as ReaderTools } from './ReaderTools.vue'
export { default as ReaderHeader } from './ReaderHeader.vue'
export { default as ReaderSidebar } from './ReaderSidebar.vue'
export { default as NoticeList } from './NoticeList.vue'
export { default as FilterStatus } from './FilterStatus.vue'
export { default as ReaderCredit } from './ReaderCredit.vue'
export { default as SearchBox } from './SearchBox.vue'
export { default as ExportMenu } from './ExportMenu.vue'
export { default as ConversationMap } from './ConversationMap.vue'

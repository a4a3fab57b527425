/** The parts every page has, in one chunk (see lazy-parts.ts). */
export { default as AppHeader } from './AppHeader.vue'
export { default as UpdateNotice } from './UpdateNotice.vue'

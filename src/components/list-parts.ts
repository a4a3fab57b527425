/** The list page's parts, in one chunk (see lazy-parts.ts). */
export { default as InterviewCard } from './InterviewCard.vue'
export { default as OpenInterview } from './OpenInterview.vue'

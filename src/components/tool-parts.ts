/**
 * The reader tools' own parts, hydrated in slices of their own after the tools themselves (see
 * src/ssr/lazy-hydration.ts): together they were the longest hydration task of the reader page.
 * Their code is in the reader's chunk of parts (lazy-parts.ts).
 */
export { ConversationMap, ExportMenu, SearchBox } from './lazy-parts'

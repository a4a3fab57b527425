/**
 * The browser objects code reaches for, as defaults of a parameter (VueUse's `defaultWindow` style):
 * stores and composables take them as arguments, so a test or the prerender gives its own, and Node
 * (where there is none) gets undefined instead of an error.
 */

/** The page's localStorage, or undefined: none in Node, and reading it throws where the browser blocks storage. */
export function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage
  } catch {
    return undefined
  }
}

/** The page's IndexedDB, or undefined (Node, or a browser that offers none). */
export function defaultIndexedDB(): IDBFactory | undefined {
  return globalThis.indexedDB
}

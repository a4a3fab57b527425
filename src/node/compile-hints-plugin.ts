import type { Plugin } from 'vite'

/** V8's explicit compile hint (Chrome 136 and later); every other engine reads a comment. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/**
 * Marks the entry chunk for eager compilation. V8 compiles a function the first time it is called,
 * on the main thread: hydrating a page calls hundreds of Vue and app functions for the first time,
 * and that compilation was a large part of each start-up task (Total Blocking Time). With the hint,
 * V8 compiles the whole file while it streams in, on a background thread. Only the entry: almost
 * all of it runs on load, while the lazy chunks (the parser for opened files) may never run.
 */
export function compileHintsPlugin(): Plugin {
  return {
    name: 'parley:compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own: it puts its preload map (`__vite__mapDeps`) above the entry's code.
      order: 'post',
      handler(_, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `${COMPILE_HINT}\n${chunk.code}`
        }
      },
    },
  }
}

import type { Plugin } from 'vite'

/** V8's explicit compile hint (Chrome 136 and later); every other engine reads a comment. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad'

/** Chunks that run as soon as they load: the entry, the page parts (Vue components), and their static imports. */
function runOnLoad(chunks: Array<{ fileName: string; isEntry: boolean; moduleIds: string[]; imports: string[] }>): Set<string> {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const todo = chunks.filter((chunk) => chunk.isEntry || chunk.moduleIds.some((id) => /\.vue(\?|$)/.test(id))).map((c) => c.fileName)
  const found = new Set<string>()
  while (todo.length > 0) {
    const name = todo.pop()!
    if (found.has(name)) continue
    found.add(name)
    todo.push(...(byName.get(name)?.imports ?? []))
  }
  return found
}

/**
 * Marks the chunks that run on load for eager compilation. V8 compiles a function the first time
 * it is called, on the main thread: hydrating a page calls hundreds of Vue and app functions for the
 * first time, and that compilation was a large part of each start-up task (Total Blocking Time).
 * With the hint, V8 compiles the whole file while it streams in, on a background thread. Only
 * those chunks: the ones loaded for a feature (the parser for opened files, the export) may never
 * run most of their code.
 */
export function compileHintsPlugin(): Plugin {
  return {
    name: 'parley:compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own: it puts its preload map (`__vite__mapDeps`) above the entry's code.
      order: 'post',
      handler(_, bundle) {
        const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []))
        const marked = runOnLoad(chunks)
        for (const chunk of chunks) if (marked.has(chunk.fileName)) chunk.code = `${COMPILE_HINT}\n${chunk.code}`
      },
    },
  }
}

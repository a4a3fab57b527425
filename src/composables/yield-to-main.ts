/**
 * Let the browser run other tasks (input, paint) before going on: `scheduler.yield()` where there is
 * one (it resumes ahead of other queued tasks), else a new task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve))
}

/**
 * Call `fn` after the next frame is painted, once however often this is asked before then. For
 * what follows scrolling and focus (the current section, the question pinned under the bars, the
 * map's marker): measured after the paint, the layout is the one the frame has already made, where
 * measuring in an animation frame lays out the page before it is painted; on a 5,000-turn
 * interview that held a jump's paint by most of its time (issue 16).
 */
export function afterPaintOnce(fn: () => void, win: Window): () => void {
  let pending = false
  return () => {
    if (pending) return
    pending = true
    win.requestAnimationFrame(() =>
      setTimeout(() => {
        pending = false
        fn()
      }),
    )
  }
}

/** Resolves after the next frame is painted (at once where there are no frames: the server). */
export function afterNextPaint(): Promise<void> {
  const raf = globalThis.requestAnimationFrame
  return new Promise((resolve) => (raf ? raf(() => setTimeout(resolve)) : resolve()))
}

/**
 * Let the browser run other tasks (input, paint) before going on: `scheduler.yield()` where there is
 * one (it resumes ahead of other queued tasks), else a new task.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve))
}

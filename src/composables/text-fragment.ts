/**
 * Was this page opened through a text fragment (`#:~:text=`)? Browsers strip the directive from
 * `location` before scripts run and scroll to the text themselves; the navigation entry still has
 * the full URL. Scrolling to our own target as well would undo the browser's work.
 */
export function openedWithTextFragment(win: Window): boolean {
  if (!('fragmentDirective' in win.document)) return false
  const nav = win.performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined
  return Boolean(nav?.name.includes(':~:'))
}

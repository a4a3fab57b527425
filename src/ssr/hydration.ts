import { decodeHash } from '../core/reader/url-state'

/** The path below `base` (`/`, `/<slug>`), decoded, without a trailing slash. */
export function appPath(pathname: string, base: string): string {
  const root = base.replace(/\/$/, '')
  let path = root && pathname.startsWith(root) ? pathname.slice(root.length) : pathname
  try {
    path = decodeURIComponent(path)
  } catch {
    // Keep it as it is.
  }
  return path.length > 1 ? path.replace(/\/+$/, '') || '/' : '/'
}

/**
 * Is `#app` holding markup prerendered for this very path? Any fallback that serves another page's
 * HTML (`vite preview`'s SPA fallback, a service worker's navigation fallback) must not be
 * hydrated as if it were this page: it is emptied and the app mounts from scratch instead.
 */
export function prerenderedHere(container: HTMLElement, win: Window, base: string): boolean {
  const rendered = container.dataset.prerendered
  if (rendered === undefined) return false
  if (rendered === appPath(win.location.pathname, base)) return true
  container.textContent = ''
  return false
}

/**
 * A prerendered page was rendered for its path alone: the server never sees `?speaker=`, `?q=`,
 * `?quote=` or the `#hash`. Hydration must start from that same view, or Vue finds different markup
 * (hidden turns, notices) and reports a mismatch. So the browser starts the router at the bare
 * path and moves to the real URL right after hydration, through the router like any other
 * navigation (filters, search and the hash target then apply as they do on a live page).
 *
 * A plain `#turn-N` / `#section` whose element is already in the page changes nothing in the first
 * render, so it is kept: the browser has already scrolled there natively, and the reader's own
 * mount logic (focus, text-fragment check) runs unchanged. Returns the URL to go to after
 * hydration (relative to `base`), or null when the URL was kept as it is.
 */
export function deferUrlState(win: Window, base: string): string | null {
  const { pathname, search, hash } = win.location
  if (!search && (!hash || win.document.getElementById(decodeHash(hash)))) return null
  const root = base.replace(/\/$/, '')
  const path = root && pathname.startsWith(root) ? pathname.slice(root.length) || '/' : pathname
  // Before the router exists: createWebHistory reads location (and keeps history.state) at creation.
  win.history.replaceState(win.history.state, '', pathname)
  return path + search + hash
}

const TEXT_FIELDS = 'textarea, input:not([type]), input[type=text], input[type=search], input[type=url], input[type=email]'

/**
 * Text typed into the prerendered page before the app arrived (a search, a link to open) would be
 * lost: when `v-model` hydrates a field it sets the field to its model. Call this just before
 * hydrating; call what it returns once every part is hydrated. It puts the text back and sends an
 * ordinary `input` event, so the app takes it as typed (a search runs, a URL is kept).
 */
export function keepTypedText(container: HTMLElement): () => void {
  const typed = [...container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(TEXT_FIELDS)]
    .filter((field) => field.value !== field.defaultValue)
    .map((field) => ({ field, value: field.value }))
  return () => {
    for (const { field, value } of typed) {
      // Hydration keeps the server's nodes; a node it replaced is gone, and so is what was typed in it.
      if (!field.isConnected || field.value === value) continue
      field.value = value
      field.dispatchEvent(new Event('input', { bubbles: true }))
    }
  }
}

/** Set by the paint-first loader (src/node/paint-first.ts): takes the forms it held, and stops holding. */
export const HELD_SUBMITS = '__parleyHeldSubmits'

/**
 * A form submitted before the app was there was held by the paint-first loader. Call this once
 * every part is hydrated (after `keepTypedText` gave the typed text back): each held form is
 * submitted again, now to the app, so "Open pasted text" pressed early still opens the text.
 */
export function replayHeldSubmits(win: Window): void {
  const take = (win as unknown as Record<string, unknown>)[HELD_SUBMITS]
  if (typeof take !== 'function') return
  for (const form of (take as () => HTMLFormElement[])()) {
    // A page mounted from scratch replaced the prerendered forms, and what was typed in them.
    if (form.isConnected) form.requestSubmit()
  }
}

/**
 * Interview addresses as routes, apart from the router: components that link to an interview import
 * this without importing the views (which import those components).
 */
import type { RouteLocationNamedRaw, RouteParamsGeneric } from 'vue-router'

/** A language segment: a lowercase language tag (`ja`, `zh-cn`); vue-router allows no groups here. */
export const LANG_SEGMENT = '[a-z]{2,3}|[a-z]{2,3}-[a-z0-9-]{2,}'

/** The interview address a reader route names: `<slug>` or `<lang>/<slug>`. */
export function addressOf(params: RouteParamsGeneric): string {
  const { lang, slug } = params
  const one = (v: RouteParamsGeneric[string] | undefined): string => String(Array.isArray(v) ? v[0] ?? '' : v ?? '')
  // Paths match case-insensitively; language folders are lowercase.
  return lang ? `${one(lang).toLowerCase()}/${one(slug)}` : one(slug)
}

/** The route of an address, for links (the router encodes each segment). */
export function readerLocation(address: string, hash = ''): RouteLocationNamedRaw {
  const at = address.lastIndexOf('/')
  const params = at === -1 ? { slug: address } : { lang: address.slice(0, at), slug: address.slice(at + 1) }
  return { name: 'reader', params, hash }
}

/**
 * The interview and target a share address names (`/<address>/turn-N`, `/<address>/<section-id>`,
 * see src/core/reader/share.ts), or null for any other path. `path` is the router's (percent-encoded).
 * Only built-in interviews have share pages; `/ja/x` stays the reader of `ja/x` when that exists.
 */
export function shareTarget(path: string, isBuiltIn: (address: string) => boolean): { address: string; target: string } | null {
  let segments: string[]
  try {
    segments = path.replace(/^\/+|\/+$/g, '').split('/').map(decodeURIComponent)
  } catch {
    return null
  }
  if (segments.length < 2 || segments.length > 3 || segments.some((s) => s === '')) return null
  const target = segments.at(-1)!
  const address = segments.slice(0, -1).join('/')
  if (isBuiltIn(segments.join('/')) || !isBuiltIn(address)) return null
  return { address, target }
}

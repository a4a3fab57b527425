/**
 * Workbox precaches every page and chunk at install time, up to a size limit per file (2 MiB by
 * default, and vite-plugin-pwa fails the build past it). A long transcript's page and data chunk
 * can be bigger: those are left out of the precache and cached at runtime instead, when first
 * fetched, so any interview the parser accepts builds and still reads offline after one visit.
 */
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ResolvedVitePWAOptions } from 'vite-plugin-pwa'

type RuntimeCaching = NonNullable<ResolvedVitePWAOptions['workbox']['runtimeCaching']>[number]

/** Workbox's own default, named: the largest file precached at install. */
export const PRECACHE_LIMIT = 2 * 1024 * 1024
/** One runtime cache for what was too large to precache; old builds' chunks leave it least-recently-used first. */
export const LARGE_CACHE = 'parley-large'
const LARGE_CACHE_ENTRIES = 32
/** The unrendered shell (dist/404.html), precached: the navigation fallback, as in offline-plugin.ts. */
export const SHELL = '404.html'

/** Files (paths relative to `dir`, with `/`) whose name matches `precached` and whose size is over `limit`. */
export async function largeFiles(dir: string, limit: number, precached: RegExp): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !precached.test(entry.name)) continue
    const file = path.join(entry.parentPath, entry.name)
    if ((await stat(file)).size > limit) found.push(path.relative(dir, file).split(path.sep).join('/'))
  }
  return found.sort()
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export interface LargeFileRules {
  /** Left out of the precache (Workbox glob patterns, relative to the output folder). */
  globIgnores: string[]
  /** Pages the shell must not answer for: the network (or the runtime cache) serves them. */
  navigateFallbackDenylist: RegExp[]
  runtimeCaching: RuntimeCaching[]
}

/**
 * The service worker's rules for files over the precache limit (`large`, relative to the output
 * folder; `base` is the site's base path). A page (`<address>/index.html`) is fetched from the
 * network first and kept for offline use; offline and never visited, the shell answers it (and
 * mounts the app, which loads the chunk if it was cached). A chunk has a hashed name, so a cached
 * copy is always right: cache first.
 */
export function largeFileRules(large: readonly string[], base: string): LargeFileRules {
  const pages = large.filter((f) => f.endsWith('/index.html')).map((f) => f.slice(0, -'/index.html'.length))
  const assets = large.filter((f) => !f.endsWith('.html'))
  const pagePath = (address: string): string => `${escape(base + address)}\\/?(?:index\\.html)?`
  const rules: LargeFileRules = { globIgnores: [...large], navigateFallbackDenylist: [], runtimeCaching: [] }
  if (pages.length > 0) {
    const paths = pages.map(pagePath).join('|')
    // The denylist is matched against the path (and query); routes against the whole URL.
    rules.navigateFallbackDenylist.push(new RegExp(`^(?:${paths})(?:\\?|$)`))
    rules.runtimeCaching.push({
      urlPattern: new RegExp(`^https?:\\/\\/[^/]+(?:${paths})(?:[?#]|$)`),
      handler: 'NetworkFirst',
      options: { cacheName: LARGE_CACHE, precacheFallback: { fallbackURL: SHELL } },
    })
  }
  if (assets.length > 0) {
    rules.runtimeCaching.push({
      urlPattern: new RegExp(`^https?:\\/\\/[^/]+(?:${assets.map((a) => escape(base + a)).join('|')})$`),
      handler: 'CacheFirst',
      options: { cacheName: LARGE_CACHE, expiration: { maxEntries: LARGE_CACHE_ENTRIES } },
    })
  }
  return rules
}

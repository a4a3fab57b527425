/**
 * Which URLs an article may use, and where its relative ones point: at the article's original
 * address (its canonical URL, else a site base), never at Parley's own pages.
 */

const SAFE_URL = /^(?:https?:|mailto:|tel:|#|\/|\.{0,2}\/|[^:/?#]*(?:[/?#]|$))/i

/**
 * Only web, mail and relative links survive: markdown-it already refuses `javascript:`, but it lets
 * some `data:` images through, and an interview has no business embedding either.
 */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  return SAFE_URL.test(compact)
}

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i
const WEB = /^https?:/i
const LINK = /^(?:https?|mailto|tel):/i

/**
 * `url` made absolute against `base`, or null when it may not be used. A link (`isLink`) may also
 * be mail or phone, stay a `#fragment` (a place in this page), or stay relative when there is no
 * base; an image must end up as absolute http(s), or it would load from Parley's own site.
 */
export function resolveUrl(url: string, base: string | null, isLink: boolean): string | null {
  if (!url || !isSafeUrl(url)) return null
  if (isLink && url.startsWith('#')) return url
  if (HAS_SCHEME.test(url)) return (isLink ? LINK : WEB).test(url) ? url : null
  if (!base) return isLink ? url : null
  try {
    return new URL(url, base).href
  } catch {
    return null
  }
}

/**
 * The address relative URLs in an article resolve against: its canonical URL, else the front
 * matter's `parley.siteBase`, else the content folder's site base. Hugo pages are folders
 * (`…/blog/2024/03/01/post/`), so a last segment without a file extension counts as one.
 */
export function articleBase(frontMatter: Record<string, unknown>, siteBase: string | null | undefined): string | null {
  const parley = frontMatter.parley
  const declared = typeof parley === 'object' && parley !== null ? (parley as Record<string, unknown>).siteBase : undefined
  for (const candidate of [frontMatter.canonicalUrl, frontMatter.canonical_url, declared, siteBase]) {
    if (typeof candidate !== 'string') continue
    const base = asFolder(candidate.trim())
    if (base) return base
  }
  return null
}

function asFolder(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!WEB.test(parsed.href)) return null
  if (!/\/[^/]*\.[^/]*$/.test(parsed.pathname) && !parsed.pathname.endsWith('/')) parsed.pathname += '/'
  parsed.search = ''
  parsed.hash = ''
  return parsed.href
}

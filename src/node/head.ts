/**
 * The `<head>` of each prerendered page, its `<html lang>`, and sitemap.xml: pure functions over
 * the parsed interviews (no Vue, no file system), used by the prerender plugin and tested directly.
 */
import { describeInterview, SITE_DESCRIPTION } from '../core/reader/describe'
import type { Interview } from '../core/types'
import type { InterviewSummary } from '../core/reader/summary'

/** Site origin for canonical URLs, Open Graph and the sitemap (`PARLEY_SITE_URL`). */
export const DEFAULT_SITE_URL = 'https://parley.example'
export const SITE_NAME = 'Parley'

export interface PageHead {
  title: string
  description: string
  /** Absolute canonical URL of the page. */
  url: string
  /** `<html lang>`: the interface's language. The article's own language is on its elements. */
  htmlLang: string
  /** The content's language as written (`zh-cn`), for `og:locale`. */
  lang: string
  type: 'website' | 'article'
  publishedTime: string | null
  tags: string[]
  /** Other languages of the same article (including this one), when there are several. */
  alternates: { lang: string; url: string }[]
  /** The preview card (absolute URL): makes the Twitter card the large-image one. */
  image?: { url: string; alt: string; width: number; height: number }
  /** `article:author`: the interview's authors. */
  authors?: string[]
  /** The site's Atom feed (absolute URL), linked from every page. */
  feedUrl?: string
}

/** `site` + `base` + `path`, without doubled or missing slashes. */
export function absoluteUrl(site: string, base: string, path: string): string {
  const root = site.replace(/\/+$/, '') + '/' + base.replace(/^\/+|\/+$/g, '')
  const joined = root.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')
  return joined
}

/** An address as a URL path: each segment percent-encoded, the slashes kept. */
export function addressPath(address: string): string {
  return address.split('/').map(encodeURIComponent).join('/')
}

export interface SiteOptions {
  site: string
  base: string
  /** The language the page's interface was rendered in (the server cannot know the reader's). */
  htmlLang: string
}

/**
 * The head of a reader page. Its translations (same `group`, see groupTranslations in
 * src/core/reader/translations.ts) are its hreflang alternates, itself included.
 */
export function readerHead(interview: Interview, self: InterviewSummary, all: readonly InterviewSummary[], { site, base, htmlLang }: SiteOptions): PageHead {
  const url = (address: string): string => absoluteUrl(site, base, addressPath(address))
  const group = all.filter((s) => s.group === self.group)
  return {
    title: `${interview.meta.title} · ${SITE_NAME}`,
    description: describeInterview(interview),
    url: url(self.address),
    htmlLang,
    lang: interview.lang || 'en',
    type: 'article',
    publishedTime: interview.meta.date,
    tags: interview.meta.tags,
    alternates: group.length > 1 ? group.map((s) => ({ lang: s.lang, url: url(s.address) })) : [],
  }
}

export function listHead(site: string, base: string, htmlLang: string): PageHead {
  return {
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    url: absoluteUrl(site, base, ''),
    htmlLang,
    lang: htmlLang,
    type: 'website',
    publishedTime: null,
    tags: [],
    alternates: [],
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The `<link>` to the site's Atom feed that feed readers look for on every page. */
export function feedLinkTag(url: string): string {
  return `<link rel="alternate" type="application/atom+xml" title="${SITE_NAME}" href="${escapeHtml(url)}" />`
}

/** The tags that go into `<head>` (the `<title>` included). */
export function headTags(head: PageHead): string {
  const e = escapeHtml
  const og = (property: string, content: string): string => `<meta property="${property}" content="${e(content)}" />`
  const lines = [
    `<title>${e(head.title)}</title>`,
    `<meta name="description" content="${e(head.description)}" />`,
    `<link rel="canonical" href="${e(head.url)}" />`,
    ...(head.feedUrl ? [feedLinkTag(head.feedUrl)] : []),
    ...head.alternates.map((a) => `<link rel="alternate" hreflang="${e(a.lang)}" href="${e(a.url)}" />`),
    og('og:type', head.type),
    og('og:site_name', SITE_NAME),
    og('og:title', head.title),
    og('og:description', head.description),
    og('og:url', head.url),
    og('og:locale', ogLocale(head.lang)),
    ...(head.publishedTime ? [og('article:published_time', head.publishedTime)] : []),
    ...head.tags.map((tag) => og('article:tag', tag)),
    ...(head.authors ?? []).map((name) => og('article:author', name)),
    ...(head.image
      ? [og('og:image', head.image.url), og('og:image:type', 'image/png'), og('og:image:width', String(head.image.width)), og('og:image:height', String(head.image.height)), og('og:image:alt', head.image.alt)]
      : []),
    `<meta name="twitter:card" content="${head.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${e(head.title)}" />`,
    `<meta name="twitter:description" content="${e(head.description)}" />`,
    ...(head.image ? [`<meta name="twitter:image" content="${e(head.image.url)}" />`, `<meta name="twitter:image:alt" content="${e(head.image.alt)}" />`] : []),
  ]
  return lines.join('\n    ')
}

/** Open Graph wants `language_TERRITORY`: `zh-cn` → `zh_CN`. */
export function ogLocale(lang: string): string {
  const [language = 'en', region] = lang.split(/[-_]/)
  return region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase()
}

/** sitemap.xml: `/` and every interview, with the article date as `lastmod` where known. */
export function sitemap(entries: readonly { url: string; lastmod: string | null }[]): string {
  const items = entries.map(({ url, lastmod }) => {
    // The calendar date as written (its own offset), as the reader shows it.
    const ymd = lastmod ? /^\d{4}-\d{2}-\d{2}/.exec(lastmod)?.[0] : undefined
    const date = ymd ? `<lastmod>${ymd}</lastmod>` : ''
    return `  <url><loc>${escapeHtml(url)}</loc>${date}</url>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('\n')}\n</urlset>\n`
}

/**
 * Put a rendered page into the built index.html: `<html lang>`, the head tags (replacing the
 * template's `<title>` and description), and the app markup inside `#app`, marked with the route it
 * was rendered for (`data-prerendered`, checked by main.ts before hydrating). The `<noscript>` note
 * is dropped: the page reads without JavaScript now. Every insertion is a replacement function: in a
 * replacement string, `$'` or `` $` `` from front matter would copy parts of the template into the head.
 */
export function fillTemplate(template: string, head: PageHead, appHtml: string, routePath: string | null): string {
  // A share page is not the app's markup: without the mark, main.ts mounts the app over it.
  const mark = routePath === null ? '' : ` data-prerendered="${escapeHtml(routePath)}"`
  return template
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeHtml(head.htmlLang)}"`)
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace(/<title>[^<]*<\/title>/, () => headTags(head))
    .replace(/<div id="app"><!--app-html--><\/div>/, () => `<div id="app"${mark}>${appHtml}</div>`)
    .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '')
}

/** The 404.html shell: the template with an empty `#app`, mounted (not hydrated) in the browser. */
export function shellFrom(template: string, feedUrl?: string): string {
  const shell = template.replace('<div id="app"><!--app-html--></div>', '<div id="app"></div>')
  return feedUrl ? shell.replace(/<\/title>/, () => `</title>\n    ${feedLinkTag(feedUrl)}`) : shell
}

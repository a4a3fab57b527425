/**
 * The `<head>` of each prerendered page, its `<html lang>`, and sitemap.xml: pure functions over
 * the parsed interviews (no Vue, no file system), used by the prerender plugin and tested directly.
 */
import { describeInterview, SITE_DESCRIPTION } from '../core/describe'
import type { Interview } from '../core/types'

/** Site origin for canonical URLs, Open Graph and the sitemap (`PARLEY_SITE_URL`). */
export const DEFAULT_SITE_URL = 'https://parley.example'
export const SITE_NAME = 'Parley'

export interface PageHead {
  title: string
  description: string
  /** Absolute canonical URL of the page. */
  url: string
  /** BCP 47 tag for `<html lang>`, as written in the article (`zh-cn`). */
  lang: string
  type: 'website' | 'article'
  publishedTime: string | null
  tags: string[]
  /** Other languages of the same article (including this one), when there are several. */
  alternates: { lang: string; url: string }[]
}

/** `site` + `base` + `path`, without doubled or missing slashes. */
export function absoluteUrl(site: string, base: string, path: string): string {
  const root = site.replace(/\/+$/, '') + '/' + base.replace(/^\/+|\/+$/g, '')
  const joined = root.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')
  return joined
}

/**
 * Which articles are translations of each other. Hugo's `translationKey` front-matter key wins;
 * else the article's `canonicalUrl` (Kubernetes translations point it at the original); else the
 * slug, so two files with the same `slug` in different languages pair up once the plugin allows
 * that. This is the one hook to change if content ever groups translations differently.
 */
export function translationKey(interview: Interview): string {
  const key = interview.meta.frontMatter.translationKey
  if (typeof key === 'string' && key.trim()) return `key:${key.trim()}`
  if (interview.meta.canonicalUrl) return `url:${interview.meta.canonicalUrl}`
  return `slug:${interview.slug}`
}

export function readerHead(interview: Interview, all: readonly Interview[], site: string, base: string): PageHead {
  const url = (iv: Interview): string => absoluteUrl(site, base, encodeURIComponent(iv.slug))
  const key = translationKey(interview)
  const group = all.filter((iv) => translationKey(iv) === key)
  return {
    title: `${interview.meta.title} · ${SITE_NAME}`,
    description: describeInterview(interview),
    url: url(interview),
    lang: interview.lang || 'en',
    type: 'article',
    publishedTime: interview.meta.date,
    tags: interview.meta.tags,
    alternates: group.length > 1 ? group.map((iv) => ({ lang: iv.lang, url: url(iv) })) : [],
  }
}

export function listHead(site: string, base: string): PageHead {
  return {
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    url: absoluteUrl(site, base, ''),
    lang: 'en',
    type: 'website',
    publishedTime: null,
    tags: [],
    alternates: [],
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The tags that go into `<head>` (the `<title>` included). No share image: none is made locally. */
export function headTags(head: PageHead): string {
  const e = escapeHtml
  const og = (property: string, content: string): string => `<meta property="${property}" content="${e(content)}" />`
  const lines = [
    `<title>${e(head.title)}</title>`,
    `<meta name="description" content="${e(head.description)}" />`,
    `<link rel="canonical" href="${e(head.url)}" />`,
    ...head.alternates.map((a) => `<link rel="alternate" hreflang="${e(a.lang)}" href="${e(a.url)}" />`),
    og('og:type', head.type),
    og('og:site_name', SITE_NAME),
    og('og:title', head.title),
    og('og:description', head.description),
    og('og:url', head.url),
    og('og:locale', ogLocale(head.lang)),
    ...(head.publishedTime ? [og('article:published_time', head.publishedTime)] : []),
    ...head.tags.map((tag) => og('article:tag', tag)),
    `<meta name="twitter:card" content="summary" />`,
    `<meta name="twitter:title" content="${e(head.title)}" />`,
    `<meta name="twitter:description" content="${e(head.description)}" />`,
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
export function fillTemplate(template: string, head: PageHead, appHtml: string, routePath: string, bodyStart = ''): string {
  return template
    .replace(/<html lang="[^"]*"/, () => `<html lang="${escapeHtml(head.lang)}"`)
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace(/<title>[^<]*<\/title>/, () => headTags(head))
    .replace(/<div id="app"><!--app-html--><\/div>/, () => `<div id="app" data-prerendered="${escapeHtml(routePath)}">${appHtml}</div>`)
    .replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '')
    // Vue hydrates a body teleport from body.firstChild on: no whitespace before it.
    .replace(/<body>\s*/, () => `<body>${bodyStart}`)
}

/** The 404.html shell: the template with an empty `#app`, mounted (not hydrated) in the browser. */
export function shellFrom(template: string): string {
  return template.replace('<div id="app"><!--app-html--></div>', '<div id="app"></div>')
}

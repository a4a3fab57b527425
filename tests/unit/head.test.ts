import { describe, expect, it } from 'vitest'
import type { Interview } from '../../src/core/types'
import { absoluteUrl, addressPath, escapeHtml, fillTemplate, headTags, listHead, ogLocale, readerHead, sitemap } from '../../src/node/head'
import { summarise } from '../../src/core/reader/summary'

function interview(slug: string, lang: string, frontMatter: Record<string, unknown> = {}, canonicalUrl: string | null = null): Interview {
  return {
    slug, lang,
    meta: { title: `T ${slug}`, description: null, date: '2024-03-02T16:30:31+08:00', tags: [], authors: [], translators: [], canonicalUrl, frontMatter },
    speakers: [],
    sections: [{ id: 'parley-intro', title: null, headingLines: null, blocks: [{ kind: 'narration', sectionId: 'parley-intro', lines: { start: 1, end: 1 }, html: '<p>x</p>', text: 'Some "quoted" <text> & more' }] }],
  } as unknown as Interview
}

describe('head tags', () => {
  it('joins site, base and path', () => {
    expect(absoluteUrl('https://a.test/', '/', '')).toBe('https://a.test/')
    expect(absoluteUrl('https://a.test', '/parley/', 'x')).toBe('https://a.test/parley/x')
    expect(absoluteUrl('https://a.test', '/parley/', '')).toBe('https://a.test/parley/')
  })

  it('Open Graph locales are language_TERRITORY', () => {
    expect(ogLocale('zh-cn')).toBe('zh_CN')
    expect(ogLocale('en')).toBe('en')
  })

  it('translations are alternates of each other (their own addresses, themselves included); a lone article has none', () => {
    const zh = interview('spot', 'zh-cn')
    const en = interview('spot', 'en')
    const ja = interview('spot', 'ja', {}, 'https://k8s.dev/blog/spot/')
    const other = interview('other', 'en')
    const all = [summarise(zh, 'spot', 'spot'), summarise(en, 'en/spot', 'spot'), summarise(ja, 'ja/spot', 'spot'), summarise(other, 'other', 'other')]
    const site = { site: 'https://a.test', base: '/', htmlLang: 'en' }
    const head = readerHead(ja, all[2]!, all, site)
    expect(head.url).toBe('https://a.test/ja/spot')
    expect(head.alternates).toEqual([
      { lang: 'zh-cn', url: 'https://a.test/spot' },
      { lang: 'en', url: 'https://a.test/en/spot' },
      { lang: 'ja', url: 'https://a.test/ja/spot' },
    ])
    expect(headTags(head)).toContain('<link rel="alternate" hreflang="en" href="https://a.test/en/spot" />')
    expect(readerHead(other, all[3]!, all, site).alternates).toEqual([])
  })

  it('address paths encode each segment and keep the language folder', () => {
    expect(addressPath('ja/spot light')).toBe('ja/spot%20light')
    expect(addressPath('导言')).toBe('%E5%AF%BC%E8%A8%80')
  })

  it('escapes text, falls back to the article text for a description, and fills the template', () => {
    const iv = interview('s', 'zh-cn')
    const head = readerHead(iv, summarise(iv), [], { site: 'https://a.test', base: '/', htmlLang: 'en' })
    expect(head.description).toBe('Some "quoted" <text> & more')
    const tags = headTags(head)
    expect(tags).toContain('content="Some &quot;quoted&quot; &lt;text&gt; &amp; more"')
    const template = '<html lang="en">\n<head><title>Parley</title>\n    <meta name="description" content="old" />\n</head>\n<body>\n<div id="app"><!--app-html--></div>\n<noscript>x</noscript>\n</body></html>'
    const page = fillTemplate(template, head, '<p>hi</p>', '/s')
    // <html lang> is the interface's language; the article's own stays on its elements and og:locale.
    expect(page).toContain('<html lang="en"')
    expect(tags).toContain('<meta property="og:locale" content="zh_CN" />')
    expect(page).not.toContain('content="old"')
    expect(page).toContain('<div id="app" data-prerendered="/s"><p>hi</p></div>')
    expect(page).not.toContain('noscript')
    expect(headTags(listHead('https://a.test', '/', 'en'))).toContain('<meta property="og:type" content="website" />')
  })

  it('`$` patterns in front matter reach the page as written, never as replacement patterns', () => {
    const template = '<html lang="en">\n<head><title>Parley</title>\n    <meta name="description" content="old" />\n</head>\n<body>\n<div id="app"><!--app-html--></div>\n</body></html>'
    for (const pattern of ["$'", '$`', '$&', '$1', '$$', '$<x>']) {
      const iv = interview('s', `en-x${pattern}`)
      iv.meta.title = `Title ${pattern} end`
      iv.meta.description = `Description ${pattern} end`
      // `<html lang>` is the interface's language (htmlLang), so the pattern goes there as well.
      const head = readerHead(iv, summarise(iv), [], { site: 'https://a.test', base: '/', htmlLang: `en-x${pattern}` })
      const page = fillTemplate(template, head, '<p>hi</p>', '/s')
      const title = escapeHtml(`Title ${pattern} end · Parley`)
      expect(page, pattern).toContain(`<title>${title}</title>`)
      expect(page, pattern).toContain(`<meta property="og:title" content="${title}" />`)
      expect(page, pattern).toContain(`<meta name="description" content="${escapeHtml(`Description ${pattern} end`)}" />`)
      expect(page, pattern).toContain(`<html lang="${escapeHtml(`en-x${pattern}`)}"`)
      // Nothing of the template was copied into the head: one <head>, one <body>, one #app.
      for (const tag of ['<head>', '<body>', '<div id="app"', '<html']) expect(page.split(tag), `${pattern} ${tag}`).toHaveLength(2)
    }
  })

  it('sitemap: one <url> per page, lastmod from the written date', () => {
    const xml = sitemap([{ url: 'https://a.test/', lastmod: null }, { url: 'https://a.test/a&b', lastmod: '2024-03-02T23:30:00-08:00' }])
    expect(xml).toContain('<url><loc>https://a.test/</loc></url>')
    expect(xml).toContain('<url><loc>https://a.test/a&amp;b</loc><lastmod>2024-03-02</lastmod></url>')
  })
})

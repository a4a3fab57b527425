/**
 * The prerendered site: one real `vite build` (client, server entry, prerender) into a temporary
 * folder, then the files are read as a crawler or a browser without JavaScript would read them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { PAGE_END_ID } from '../../src/node/paint-first'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom'
import { parseInterview } from '../../src/core/parse'
import { pairAt, pairsOf, turnShareTitle } from '../../src/core/reader/share'
import { planCards } from '../../src/node/cards'
import { escapeHtml } from '../../src/node/head'
import { pngSize } from './helpers'
import type { Turn } from '../../src/core/types'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SEED_FILE = path.join(ROOT, 'content/sig-cloud-provider-spotlight-2024.zh-cn.md')
const SLUG = 'sig-cloud-provider-spotlight-2024'
const SITE = 'https://interviews.test'

let out = ''
const read = (file: string): string => readFileSync(path.join(out, file), 'utf8')

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'parley-prerender-'))
  const previous = process.env.PARLEY_SITE_URL
  process.env.PARLEY_SITE_URL = SITE
  try {
    await build({ root: ROOT, logLevel: 'silent', build: { outDir: out, emptyOutDir: true } })
  } finally {
    if (previous === undefined) delete process.env.PARLEY_SITE_URL
    else process.env.PARLEY_SITE_URL = previous
  }
}, 240_000)
afterAll(() => rmSync(out, { recursive: true, force: true }), 60_000)

const seed = parseInterview(readFileSync(SEED_FILE, 'utf8'), { file: path.basename(SEED_FILE) })
if (!seed.ok) throw new Error('seed article does not parse')
const turns = seed.interview.sections.flatMap((s) => s.blocks.filter((b): b is Turn => b.kind === 'turn'))
const squash = (text: string): string => text.replace(/\s+/g, '')
const textOf = (html: string): string =>
  html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const meta = (html: string, attr: 'name' | 'property', key: string): string | undefined =>
  new RegExp(`<meta ${attr}="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`).exec(html)?.[1]

describe('prerendered pages', () => {
  it('the seed page holds every turn, with its text, inside #app', () => {
    const html = read(`${SLUG}/index.html`)
    const app = html.slice(html.indexOf('<div id="app"'))
    expect(turns.length).toBeGreaterThan(5)
    for (const turn of turns) {
      const article = new RegExp(`<article id="${turn.id}"[\\s\\S]*?</article>`).exec(app)?.[0]
      expect(article, turn.id).toBeDefined()
      // The whole turn as text, the way a reader without JavaScript sees it.
      expect(squash(textOf(article!)), turn.id).toContain(squash(turn.text))
    }
    expect(app.match(/<article id="turn-\d+"/g)).toHaveLength(turns.length)
    expect(html).toContain(`data-prerendered="/${SLUG}"`)
    expect(html).not.toContain('<noscript>')
  })

  it('pages paint from their HTML: the CSS is inline, the app entry is loaded after the first paint', () => {
    const shell = read('404.html')
    const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(shell)?.[1]
    const stylesheet = /<link rel="stylesheet"[^>]*\shref="([^"]+)"/.exec(shell)?.[1]
    // The entry's static imports (Vue's runtime chunk): the loader preloads them with it.
    const preloads = [...shell.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((m) => m[1])
    expect(entry).toBeDefined()
    expect(stylesheet).toBeDefined()
    const css = read(stylesheet!.replace(/^\//, '')).trim()
    for (const file of ['index.html', `${SLUG}/index.html`]) {
      const html = read(file)
      expect(html, file).not.toMatch(/<link rel="(stylesheet|modulepreload)"|<script type="module"/)
      expect(html, file).toContain(`<style>${css}</style>`)
      expect(html, file).toContain(`(document,${JSON.stringify(entry)},${JSON.stringify(preloads)})</script>`)
      // Small enough for the first round trip: the first paint waits for the footer (paint-first.ts).
      expect(html, file).toContain(`<link rel="expect" href="#${PAGE_END_ID}" blocking="render" />`)
      expect(html.match(new RegExp(`<footer id="${PAGE_END_ID}"`, 'g')), file).toHaveLength(1)
    }
  })

  it('the seed page has its own head: lang, title, description, canonical, Open Graph, Twitter', () => {
    const html = read(`${SLUG}/index.html`)
    const { title, description, date } = seed.interview.meta
    // <html lang> is the interface's (rendered in the default English); the article says its own.
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toContain(`<h1 lang="zh-cn">${title}</h1>`)
    expect(html).toContain(`<title>${title} · Parley</title>`)
    // One document title (the conversation map's SVG <title> is its tooltip, in the body).
    expect(html.split('</head>')[0]!.match(/<title>/g)).toHaveLength(1)
    expect(html.match(/<meta name="description"/g)).toHaveLength(1)
    expect(meta(html, 'name', 'description')).toBe(description)
    expect(html).toContain(`<link rel="canonical" href="${SITE}/${SLUG}" />`)
    expect(meta(html, 'property', 'og:type')).toBe('article')
    expect(meta(html, 'property', 'og:site_name')).toBe('Parley')
    expect(meta(html, 'property', 'og:title')).toBe(`${title} · Parley`)
    expect(meta(html, 'property', 'og:description')).toBe(description)
    expect(meta(html, 'property', 'og:url')).toBe(`${SITE}/${SLUG}`)
    expect(meta(html, 'property', 'og:locale')).toBe('zh_CN')
    expect(meta(html, 'property', 'article:published_time')).toBe(date)
    expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image')
    expect(meta(html, 'name', 'twitter:title')).toBe(`${title} · Parley`)
    expect(meta(html, 'property', 'og:image')).toBe(`${SITE}/cards/${SLUG}/index.png`)
    expect(meta(html, 'property', 'article:author')).toBe('Arujjwal Negi')
    // Nothing the page depends on from another host: no remote script or style.
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\/(?!interviews\.test)/)
  })

  it('the seed and its translations each have their own address, and are alternates of each other', () => {
    const pages = { 'zh-cn': SLUG, en: `en/${SLUG}`, ja: `ja/${SLUG}` }
    const alternates = Object.entries(pages).map(([lang, address]) => `<link rel="alternate" hreflang="${lang}" href="${SITE}/${address}" />`)
    for (const [lang, address] of Object.entries(pages)) {
      const html = read(`${address}/index.html`)
      expect(html, address).toContain(`<link rel="canonical" href="${SITE}/${address}" />`)
      expect(html, address).toContain(`data-prerendered="/${address}"`)
      expect(html, address).toContain(`<h1 lang="${lang}">`)
      for (const tag of alternates) expect(html, address).toContain(tag)
      // The reader links the other two, in their own language.
      const others = Object.entries(pages).filter(([l]) => l !== lang)
      for (const [l, a] of others) expect(html, address).toMatch(new RegExp(`<a href="/${a}" hreflang="${l}" lang="${l}"`))
    }
    // Each translation holds its own 16 turns.
    for (const address of [pages.en, pages.ja]) {
      expect(read(`${address}/index.html`).match(/<article id="turn-\d+"/g), address).toHaveLength(16)
    }
  })

  it('each page credits its own source and licence, and links the original where the article names it', () => {
    for (const address of [SLUG, `en/${SLUG}`, `ja/${SLUG}`]) {
      const html = read(`${address}/index.html`)
      expect(html, address).toMatch(/<footer class="reader-credit">[\s\S]*Kubernetes blog \(kubernetes\/website\)[\s\S]*<a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/" rel="license">CC BY 4\.0<\/a>/)
    }
    expect(read(`ja/${SLUG}/index.html`)).toContain('<a href="https://www.k8s.dev/blog/2024/03/01/sig-cloud-provider-spotlight-2024/">Original article</a>')
    // The global footer no longer claims one licence for every article.
    expect(read('index.html')).not.toContain('CC BY 4.0')
  })

  it('the byline is shown once: in the header, not again as narration', () => {
    const html = read(`${SLUG}/index.html`)
    expect(html).toContain('By Arujjwal Negi')
    expect(html).toContain('Translated by Rui Yang')
    expect(html).not.toContain('作者：Arujjwal Negi')
    expect(html).not.toContain('译者：')
  })

  it('/ lists each interview once, with links to its other languages, and is a website page', () => {
    const html = read('index.html')
    expect(html).toMatch(/<html lang="en"/)
    expect(html).toContain(`href="/${SLUG}"`)
    expect(html.match(/<article class="card"/g)).toHaveLength(1)
    expect(html).toMatch(new RegExp(`<a href="/en/${SLUG}"[^>]*hreflang="en"`))
    expect(html).toMatch(new RegExp(`<a href="/ja/${SLUG}"[^>]*hreflang="ja"`))
    expect(html).toContain(seed.interview.meta.title)
    expect(html).toContain(`<link rel="canonical" href="${SITE}/" />`)
    expect(meta(html, 'property', 'og:type')).toBe('website')
    expect(html).toContain('data-prerendered="/"')
  })

  it('404.html is the unrendered shell, mounted (not hydrated) in the browser', () => {
    const html = read('404.html')
    expect(html).toContain('<div id="app"></div>')
    expect(html).not.toContain('data-prerendered')
  })

  it('sitemap.xml lists / and every interview; robots.txt points to it', () => {
    const xml = read('sitemap.xml')
    expect(xml).toContain(`<loc>${SITE}/</loc>`)
    expect(xml).toContain(`<loc>${SITE}/${SLUG}</loc><lastmod>2024-03-02</lastmod>`)
    expect(xml).toContain(`<loc>${SITE}/en/${SLUG}</loc><lastmod>2024-03-01</lastmod>`)
    expect(xml).toContain(`<loc>${SITE}/ja/${SLUG}</loc><lastmod>2024-03-01</lastmod>`)
    expect(read('robots.txt')).toMatch(/^Sitemap: \S+\/sitemap\.xml$/m)
    expect(read('robots.txt')).toMatch(/^Allow: \/$/m)
  })
})

describe('share pages, preview cards and the feed', () => {
  const plan = planCards(seed.interview, SLUG, 'interviews.test')
  const sharePage = (id: string): string => read(`${SLUG}/${id}/index.html`)

  it('every turn has a share page whose head names the speaker, opening words and interview', () => {
    const { title } = seed.interview.meta
    turns.forEach((turn, i) => {
      const html = sharePage(turn.id)
      const pageTitle = turnShareTitle(seed.interview, turn)
      const name = seed.interview.speakers.find((s) => s.id === turn.speaker)!.name
      expect(squash(pageTitle).startsWith(squash(`${name}: ${turn.text}`).slice(0, 12)) && pageTitle.endsWith(` — ${title}`), turn.id).toBe(true)
      expect(html, turn.id).toContain(`<title>${escapeHtml(pageTitle)}</title>`)
      expect(meta(html, 'property', 'og:title'), turn.id).toBe(escapeHtml(pageTitle))
      const description = meta(html, 'property', 'og:description')!
      const { question } = pairAt(turns, i)
      // An answer is described with its question first.
      if (question) expect(squash(description).startsWith(squash(escapeHtml(`${seed.interview.speakers.find((s) => s.id === question.speaker)!.name}: ${question.text}`)).slice(0, 20)), turn.id).toBe(true)
      else expect(squash(description).startsWith(escapeHtml(squash(turn.text).slice(0, 20))), turn.id).toBe(true)
      expect(meta(html, 'property', 'og:url'), turn.id).toBe(`${SITE}/${SLUG}/${turn.id}`)
      expect(html, turn.id).toContain(`<link rel="canonical" href="${SITE}/${SLUG}/${turn.id}" />`)
      expect(meta(html, 'name', 'twitter:card'), turn.id).toBe('summary_large_image')
      expect(meta(html, 'property', 'article:author'), turn.id).toBe('Arujjwal Negi')
      expect(meta(html, 'property', 'og:image'), turn.id).toBe(`${SITE}/${plan.byTarget.get(turn.id)!.file}`)
    })
  })

  it('without JavaScript a share page shows the conversation at that turn, and links the reader there', () => {
    const target = turns[4]!
    const html = sharePage(target.id)
    const app = html.slice(html.indexOf('<div id="app"'))
    expect(app).not.toContain('data-prerendered')
    const article = new RegExp(`<article id="${target.id}" class="[^"]*is-target[^"]*"[\\s\\S]*?</article>`).exec(app)?.[0]
    expect(article).toBeDefined()
    expect(squash(textOf(article!))).toContain(squash(target.text))
    // Its question comes before it; the page is a window, not the whole interview.
    const { question } = pairAt(turns, 4)
    if (question) expect(app.indexOf(`id="${question.id}"`)).toBeLessThan(app.indexOf(`id="${target.id}"`))
    expect(app.match(/<article id="turn-\d+"/g)!.length).toBeLessThan(turns.length)
    expect(app).toContain(`href="/${SLUG}#${target.id}"`)
  })

  it('every section has a share page too', () => {
    for (const section of seed.interview.sections.filter((s) => s.title)) {
      const html = read(`${SLUG}/${section.id}/index.html`)
      expect(html, section.id).toContain(`<title>${escapeHtml(`${section.title} — ${seed.interview.meta.title}`)}</title>`)
      expect(meta(html, 'property', 'og:url'), section.id).toBe(`${SITE}/${SLUG}/${encodeURIComponent(section.id)}`)
    }
  })

  it('every og:image of every page is a 1200×630 PNG in the build', () => {
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'))
    const images = new Set(pages.map((f) => meta(read(f), 'property', 'og:image')).filter((u): u is string => !!u))
    // The seed's own cards, and its translations'.
    expect(images.size).toBeGreaterThan(1 + pairsOf(turns).length)
    for (const url of images) {
      expect(url.startsWith(`${SITE}/cards/`), url).toBe(true)
      expect(pngSize(readFileSync(path.join(out, decodeURIComponent(url.slice(SITE.length + 1))))), url).toEqual({ width: 1200, height: 630 })
    }
  })

  it('feed.xml is an Atom feed of the interviews, newest first, linked from every page and robots.txt', () => {
    const errors: string[] = []
    const xml = new DOMParser({ onError: (_level, message) => void errors.push(message) }).parseFromString(read('feed.xml'), 'application/xml')
    expect(errors).toEqual([])
    const ATOM = 'http://www.w3.org/2005/Atom'
    const feed = xml.documentElement!
    expect(feed.namespaceURI).toBe(ATOM)
    expect(feed.localName).toBe('feed')
    const child = (el: XmlElement, name: string): XmlElement[] =>
      Array.from(el.childNodes).filter((n): n is XmlElement => n.nodeType === 1 && (n as XmlElement).localName === name && (n as XmlElement).namespaceURI === ATOM)
    for (const name of ['id', 'title', 'updated']) expect(child(feed, name), name).toHaveLength(1)
    const entries = child(feed, 'entry')
    // The seed and its translations are one interview: one entry, its languages as alternates.
    expect(entries).toHaveLength(1)
    const [entry] = entries
    for (const name of ['id', 'title', 'updated', 'published', 'summary']) expect(child(entry!, name), name).toHaveLength(1)
    expect(child(entry!, 'title')[0]!.textContent).toBe(seed.interview.meta.title)
    expect(child(child(entry!, 'author')[0]!, 'name')[0]!.textContent).toBe('Arujjwal Negi')
    expect(child(entry!, 'updated')[0]!.textContent).toBe('2024-03-02T08:30:31Z')
    expect(entry!.getAttribute('xml:lang')).toBe('zh-cn')
    const links = child(entry!, 'link').map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')])
    expect(links).toEqual([['zh-cn', `${SITE}/${SLUG}`], ['ja', `${SITE}/ja/${SLUG}`], ['en', `${SITE}/en/${SLUG}`]])
    const tag = `<link rel="alternate" type="application/atom+xml" title="Parley" href="${SITE}/feed.xml" />`
    for (const file of ['index.html', '404.html', `${SLUG}/index.html`, `ja/${SLUG}/index.html`, `${SLUG}/turn-2/index.html`]) expect(read(file), file).toContain(tag)
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/feed.xml`)
  })

  it('the web app manifest names the app and its icons, which are real PNGs of their size', () => {
    const manifest = JSON.parse(read('manifest.webmanifest')) as { name: string; display: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] }
    expect(manifest).toMatchObject({ name: 'Parley', display: 'standalone' })
    expect(read('index.html')).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/)
    const pngs = manifest.icons.filter((i) => i.type === 'image/png')
    expect(pngs.some((i) => i.purpose === 'maskable')).toBe(true)
    for (const icon of pngs) {
      const [w, h] = icon.sizes.split('x').map(Number)
      expect(pngSize(readFileSync(path.join(out, icon.src))), icon.src).toEqual({ width: w, height: h })
    }
    expect(read('index.html')).not.toContain('href="data:,"')
  })

  it('the service worker precaches no share page and no card', () => {
    const sw = read('sw.js')
    expect(sw).toContain(`"${SLUG}"`)
    expect(sw).not.toMatch(/turn-\d+|cards\//)
  })
})

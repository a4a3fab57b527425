import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite'
import type { Interview } from '../core/types'
import { LANGUAGE_FOLDER } from './content'
import { CARD_HEIGHT, CARD_WIDTH, DEFAULT_CARD_TURN_LIMIT, planCards, writeCards, type PlannedCard } from './cards'
import { atomFeed, type FeedEntry } from './feed'
import { DEFAULT_SITE_URL, absoluteUrl, addressPath, fillTemplate, listHead, readerHead, shellFrom, sitemap, type PageHead } from './head'
import { paintFirst } from './paint-first'
import { sharePages } from './share-pages'
import type { InterviewSummary } from '../core/reader/summary'

export interface PrerenderOptions {
  /** Plugins of the server build (the app's, without client-only ones such as a service worker). */
  ssrPlugins: () => PluginOption[]
  /** Server entry, relative to the root. */
  entry?: string
  /** Site origin for canonical URLs and the sitemap; default `PARLEY_SITE_URL`, else DEFAULT_SITE_URL. */
  siteUrl?: string
  /**
   * Preview cards (og:image): on unless `PARLEY_CARDS=0`; drawn cards are cached in Vite's cache
   * folder. Over `turnLimit` turns (`PARLEY_CARD_TURN_LIMIT`, default 300) an interview gets a card
   * per section instead of one per question and answer.
   */
  cards?: { enabled?: boolean; turnLimit?: number }
}

export interface PrerenderApi {
  /** Share pages written by the last build (`<address>/<id>/index.html`), which the service worker does not precache. */
  sharePages: Set<string>
}

/**
 * robots.txt (public/, kept as written) gets `Sitemap:` lines for this site, in place of any it had:
 * sitemap.xml, and the Atom feed, which search engines also take as a sitemap.
 */
async function writeRobots(file: string, sitemapUrls: readonly string[]): Promise<void> {
  const current = existsSync(file) ? await readFile(file, 'utf8') : 'User-agent: *\nAllow: /\n'
  const rest = current.replace(/^Sitemap:.*(?:\r?\n|$)/gm, '').trimEnd()
  await writeFile(file, `${rest}\n\n${sitemapUrls.map((url) => `Sitemap: ${url}`).join('\n')}\n`)
}

/**
 * The folder of `/<address>` in the output: `<slug>` one level below `outDir`, `<lang>/<slug>` one
 * level below its language folder (see addressFor). The interviews plugin already refuses such slugs
 * and folders with the file and line; this is the last check before writing.
 */
export function pageDir(outDir: string, address: string): string {
  const slash = address.indexOf('/')
  const folder = slash === -1 ? null : address.slice(0, slash)
  const parent = folder === null ? outDir : path.join(outDir, folder)
  const dir = path.resolve(parent, address.slice(slash + 1))
  const relative = path.relative(parent, dir)
  const inFolder = folder === null || LANGUAGE_FOLDER.test(folder)
  if (!inFolder || relative === '' || relative === '..' || path.isAbsolute(relative) || relative.split(/[\\/]/).length !== 1) {
    throw new Error(`prerender: the page for ${JSON.stringify(address)} would be written outside ${outDir} (pages go in <slug>/ or <lang>/<slug>/)`)
  }
  return dir
}

/**
 * What `vite preview` serves for a request URL, as a static host would: `/<address>` from
 * `<address>/index.html` when that page exists, files and folders (`/assets/…`, `/x/`) as they are,
 * and `404.html` for every other path, including one whose percent-escapes do not decode.
 */
export function previewUrl(url: string, base: string, outDir: string, exists: (file: string) => boolean): string {
  const [pathname = '/', search = ''] = url.split(/(?=\?)/)
  if (!pathname.startsWith(base) || pathname.endsWith('/') || path.extname(pathname)) return url
  const notFound = exists(path.join(outDir, '404.html')) ? `${base}404.html${search}` : url
  let relative: string
  try {
    relative = decodeURIComponent(pathname.slice(base.length))
  } catch {
    return notFound
  }
  const dir = path.resolve(outDir, relative)
  const inside = path.relative(outDir, dir)
  const page = inside !== '' && !inside.startsWith(`..${path.sep}`) && inside !== '..' && !path.isAbsolute(inside)
  return page && exists(path.join(dir, 'index.html')) ? `${pathname}/index.html${search}` : notFound
}

interface ServerEntry {
  render: (url: string) => Promise<{ html: string; htmlLang: string; interview: Interview | null }>
  summaries: InterviewSummary[]
}

/**
 * Static-site generation with Vue's own server renderer, after the client build:
 *  1. `vite build --ssr src/entry-server.ts` into a temporary folder (same config, same base);
 *  2. render `/` and every built-in `/<address>` (`/<slug>`, `/<lang>/<slug>`) to HTML and write them
 *     into the client's index.html template as `index.html` and `<address>/index.html`, with
 *     per-page head tags (hreflang alternates for translations) and `<html lang>` (the UI's language);
 *     the stylesheet is inlined and the app is loaded after the first paint (src/node/paint-first.ts);
 *  3. `404.html` is the unrendered shell (static hosts answer unknown paths with it, and the
 *     browser mounts the app there: local interviews, unknown slugs), and `sitemap.xml`.
 * `vite preview` gets a middleware that serves `/<slug>` from `<slug>/index.html`, as static hosts do.
 */
export function prerenderPlugin(options: PrerenderOptions): Plugin<PrerenderApi> & { api: PrerenderApi } {
  let config: ResolvedConfig
  const site = (options.siteUrl ?? process.env.PARLEY_SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, '')
  const cardsOn = options.cards?.enabled ?? process.env.PARLEY_CARDS !== '0'
  const turnLimit = options.cards?.turnLimit ?? (Number(process.env.PARLEY_CARD_TURN_LIMIT) || DEFAULT_CARD_TURN_LIMIT)
  const api: PrerenderApi = { sharePages: new Set() }

  async function prerender(outDir: string): Promise<void> {
    const ssrOutDir = path.join(config.cacheDir, `prerender-${process.pid}-${Date.now()}`)
    try {
      await build({
        configFile: false,
        root: config.root,
        base: config.base,
        mode: config.mode,
        logLevel: 'warn',
        plugins: options.ssrPlugins(),
        build: { ssr: options.entry ?? 'src/entry-server.ts', outDir: ssrOutDir, emptyOutDir: true, minify: false },
      })
      const entry = (await import(pathToFileURL(path.join(ssrOutDir, 'entry-server.js')).href)) as ServerEntry
      const template = await readFile(path.join(outDir, 'index.html'), 'utf8')
      if (!template.includes('<div id="app"><!--app-html--></div>')) {
        throw new Error('index.html has no <div id="app"><!--app-html--></div> placeholder to prerender into')
      }
      const feedUrl = absoluteUrl(site, config.base, 'feed.xml')
      await writeFile(path.join(outDir, '404.html'), shellFrom(template, feedUrl))
      // Built asset URLs start with the base (`/assets/…`, `/parley/assets/…`).
      const css = (href: string): string => {
        if (!href.startsWith(config.base)) throw new Error(`prerender: stylesheet ${href} is not under base ${config.base}`)
        return readFileSync(path.join(outDir, href.slice(config.base.length)), 'utf8')
      }
      const finish = (html: string): string => paintFirst(html, css)
      const imageOf = (card: PlannedCard, alt: string): PageHead['image'] =>
        cardsOn ? { url: absoluteUrl(site, config.base, addressPath(card.file)), alt, width: CARD_WIDTH, height: CARD_HEIGHT } : undefined

      const list = await entry.render('/')
      await writeFile(path.join(outDir, 'index.html'), finish(fillTemplate(template, { ...listHead(site, config.base, list.htmlLang), feedUrl }, list.html, '/')))
      const cards: PlannedCard[] = []
      const feed = new Map<string, FeedEntry>()
      api.sharePages.clear()
      for (const summary of entry.summaries) {
        const page = await entry.render(`/${addressPath(summary.address)}`)
        if (!page.interview) throw new Error(`prerender: /${summary.address} did not render its interview`)
        const siteOptions = { site, base: config.base, htmlLang: page.htmlLang }
        const plan = planCards(page.interview, summary.address, new URL(site).host, turnLimit)
        cards.push(...plan.cards)
        const head = readerHead(page.interview, summary, entry.summaries, siteOptions)
        const readerPage = { ...head, feedUrl, authors: page.interview.meta.authors, image: imageOf(plan.interview, page.interview.meta.title) }
        const dir = pageDir(outDir, summary.address)
        await mkdir(dir, { recursive: true })
        await writeFile(path.join(dir, 'index.html'), finish(fillTemplate(template, readerPage, page.html, `/${summary.address}`)))
        for (const share of sharePages(page.interview, summary.address, siteOptions, plan, feedUrl)) {
          const file = path.join(pageDir(dir, share.id), 'index.html')
          api.sharePages.add(path.relative(outDir, file).split(path.sep).join('/'))
          await mkdir(path.dirname(file), { recursive: true })
          // Without paint-first: its inlined stylesheet would be most of every share page; linked, it is cached once.
          await writeFile(file, fillTemplate(template, { ...share.head, image: cardsOn ? share.head.image : undefined }, share.html, null))
        }
        if (!feed.has(summary.group)) {
          feed.set(summary.group, { url: head.url, title: summary.title, authors: page.interview.meta.authors, date: summary.date, summary: head.description, lang: head.lang, languages: head.alternates })
        }
      }
      if (cardsOn) {
        const { drawn, cached } = await writeCards(cards, outDir, path.join(config.cacheDir, 'parley-cards'), (m) => config.logger.warn(m))
        config.logger.info(`preview cards: ${drawn} drawn, ${cached} from the cache`)
      }
      await writeFile(path.join(outDir, 'feed.xml'), atomFeed({ siteUrl: absoluteUrl(site, config.base, ''), feedUrl, entries: [...feed.values()] }))
      const entries = [
        { url: absoluteUrl(site, config.base, ''), lastmod: null },
        ...entry.summaries.map((s) => ({ url: absoluteUrl(site, config.base, addressPath(s.address)), lastmod: s.date })),
      ]
      await writeFile(path.join(outDir, 'sitemap.xml'), sitemap(entries))
      await writeRobots(path.join(outDir, 'robots.txt'), [absoluteUrl(site, config.base, 'sitemap.xml'), feedUrl])
      config.logger.info(`prerendered / and ${entry.summaries.length} interview page(s), ${api.sharePages.size} share page(s); sitemap.xml and feed.xml for ${site}`)
    } finally {
      await rm(ssrOutDir, { recursive: true, force: true })
    }
  }

  return {
    name: 'parley:prerender',
    api,
    configResolved(resolved) {
      config = resolved
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      async handler() {
        if (config.command !== 'build' || config.build.ssr || config.build.watch) return
        await prerender(path.resolve(config.root, config.build.outDir))
      },
    },
    configurePreviewServer(server) {
      // sirv in `vite preview` does not map `/<slug>` to `<slug>/index.html`, and answers any other
      // path with index.html (the prerendered list, which the app would then hydrate as a different
      // page). Static hosts do the first and answer the rest with 404.html, the shell: so does this.
      const outDir = path.resolve(server.config.root, server.config.build.outDir)
      server.middlewares.use((req, _res, next) => {
        req.url = previewUrl(req.url ?? '/', server.config.base, outDir, existsSync)
        next()
      })
    },
  }
}

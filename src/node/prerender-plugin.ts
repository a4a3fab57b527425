import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, type Plugin, type PluginOption, type ResolvedConfig } from 'vite'
import type { Interview } from '../core/types'
import { LANGUAGE_FOLDER } from './content'
import { DEFAULT_SITE_URL, absoluteUrl, addressPath, fillTemplate, listHead, readerHead, shellFrom, sitemap } from './head'
import { paintFirst } from './paint-first'
import type { InterviewSummary } from './summary'

export interface PrerenderOptions {
  /** Plugins of the server build (the app's, without client-only ones such as a service worker). */
  ssrPlugins: () => PluginOption[]
  /** Server entry, relative to the root. */
  entry?: string
  /** Site origin for canonical URLs and the sitemap; default `PARLEY_SITE_URL`, else DEFAULT_SITE_URL. */
  siteUrl?: string
}

/** robots.txt (public/, kept as written) gets its `Sitemap:` line for this site, or one is added. */
async function writeRobots(file: string, sitemapUrl: string): Promise<void> {
  const current = existsSync(file) ? await readFile(file, 'utf8') : 'User-agent: *\nAllow: /\n'
  const line = `Sitemap: ${sitemapUrl}`
  const next = /^Sitemap:.*$/m.test(current) ? current.replace(/^Sitemap:.*$/m, () => line) : `${current.trimEnd()}\n\n${line}\n`
  await writeFile(file, next)
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
  render: (url: string) => Promise<{ html: string; bodyStart: string; htmlLang: string; interview: Interview | null }>
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
export function prerenderPlugin(options: PrerenderOptions): Plugin {
  let config: ResolvedConfig
  const site = (options.siteUrl ?? process.env.PARLEY_SITE_URL ?? DEFAULT_SITE_URL).replace(/\/+$/, '')

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
      await writeFile(path.join(outDir, '404.html'), shellFrom(template))
      // Built asset URLs start with the base (`/assets/…`, `/parley/assets/…`).
      const css = (href: string): string => {
        if (!href.startsWith(config.base)) throw new Error(`prerender: stylesheet ${href} is not under base ${config.base}`)
        return readFileSync(path.join(outDir, href.slice(config.base.length)), 'utf8')
      }
      const finish = (html: string): string => paintFirst(html, css)

      const list = await entry.render('/')
      await writeFile(path.join(outDir, 'index.html'), finish(fillTemplate(template, listHead(site, config.base, list.htmlLang), list.html, '/', list.bodyStart)))
      for (const summary of entry.summaries) {
        const page = await entry.render(`/${addressPath(summary.address)}`)
        if (!page.interview) throw new Error(`prerender: /${summary.address} did not render its interview`)
        const head = readerHead(page.interview, summary, entry.summaries, { site, base: config.base, htmlLang: page.htmlLang })
        const dir = pageDir(outDir, summary.address)
        await mkdir(dir, { recursive: true })
        await writeFile(path.join(dir, 'index.html'), finish(fillTemplate(template, head, page.html, `/${summary.address}`, page.bodyStart)))
      }
      const entries = [
        { url: absoluteUrl(site, config.base, ''), lastmod: null },
        ...entry.summaries.map((s) => ({ url: absoluteUrl(site, config.base, addressPath(s.address)), lastmod: s.date })),
      ]
      await writeFile(path.join(outDir, 'sitemap.xml'), sitemap(entries))
      await writeRobots(path.join(outDir, 'robots.txt'), absoluteUrl(site, config.base, 'sitemap.xml'))
      config.logger.info(`prerendered / and ${entry.summaries.length} interview page(s); sitemap.xml for ${site}`)
    } finally {
      await rm(ssrOutDir, { recursive: true, force: true })
    }
  }

  return {
    name: 'parley:prerender',
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

import type { Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { SITE_DESCRIPTION } from '../core/reader/describe'
import { largeFileRules, largeFiles, PRECACHE_LIMIT, SHELL } from './large-files'

const PRECACHED = /\.(?:js|css|html)$/

/**
 * Offline after the first visit: a Workbox service worker (dist/sw.js, vite-plugin-pwa generateSW)
 * precaches the pages, the app shell, every built-in interview chunk and the lazy parser.
 * A prerendered `<slug>/index.html` is served for `/<slug>`; any other history-mode route falls back
 * to the shell (404.html). Registered by src/pwa/update.ts (production only), which also shows the
 * "new version" notice: a new build waits until the reader presses Reload. The worker is written
 * in a late closeBundle step, so it precaches the pages other plugins wrote there (404.html,
 * prerendered pages): list this after them. Pages and chunks over the precache limit (a long
 * transcript) are cached at runtime instead (./large-files.ts).
 */
export function offlinePlugin({ skip = () => false }: { skip?: (file: string) => boolean } = {}): Plugin[] {
  const plugins = VitePWA({
    injectRegister: false,
    registerType: 'prompt',
    // The installed app: its name, colours and icons (public/icon.svg, drawn to PNG in public/icons/).
    manifest: {
      name: 'Parley',
      short_name: 'Parley',
      description: SITE_DESCRIPTION,
      lang: 'en',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      theme_color: '#1f5fa8',
      background_color: '#fbfaf7',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    integration: {
      closeBundleOrder: 'post',
      // The pages exist only now (written by the prerender): find the ones too large to precache.
      async beforeBuildServiceWorker(options) {
        const { workbox } = options
        if (!workbox.globDirectory) return
        const rules = largeFileRules(await largeFiles(workbox.globDirectory, PRECACHE_LIMIT, PRECACHED), options.base)
        workbox.globIgnores = [...(workbox.globIgnores ?? []), ...rules.globIgnores]
        workbox.navigateFallbackDenylist = [...(workbox.navigateFallbackDenylist ?? []), ...rules.navigateFallbackDenylist]
        workbox.runtimeCaching = [...(workbox.runtimeCaching ?? []), ...rules.runtimeCaching]
      },
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html}'],
      maximumFileSizeToCacheInBytes: PRECACHE_LIMIT,
      navigateFallback: SHELL,
      manifestTransforms: [
        async (entries) => ({
          // Share pages (one per turn) are for link previews: offline, their addresses get the shell.
          manifest: entries.filter((entry) => !skip(entry.url)).map((entry) => ({ ...entry, url: entry.url.replace(/^(.+)\/index\.html$/, '$1') })),
          warnings: [],
        }),
      ],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
    },
  }) as Plugin[]

  // Vite 8 runs closeBundle after a failed build without passing the error, so the plugin would
  // replace the real error ("cannot resolve ./x") with "Couldn't find configuration for precaching".
  let failed = false
  for (const plugin of plugins) {
    const hook = plugin.closeBundle
    if (!hook || typeof hook !== 'object') continue
    const handler = hook.handler
    hook.handler = async function (this: ThisParameterType<typeof handler>, ...args: Parameters<typeof handler>) {
      if (!failed) await handler.apply(this, args)
    }
  }
  const guard: Plugin = {
    name: 'parley:offline-guard',
    apply: 'build',
    buildStart() {
      failed = false
    },
    buildEnd(error) {
      if (error) failed = true
    },
    renderError() {
      failed = true
    },
  }
  return [guard, ...plugins]
}

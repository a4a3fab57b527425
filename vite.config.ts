/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { interviewsPlugin } from './src/node/interviews-plugin'

// Sub-path hosting: build with `vite build --base=/parley/` (or set `base` here). The router reads
// import.meta.env.BASE_URL, and dist/404.html makes deep links survive a reload on static hosts.
export default defineConfig({
  plugins: [
    vue(),
    interviewsPlugin({ contentDir: 'content' }),
    // Offline after the first visit: a Workbox service worker (dist/sw.js) precaches the pages, the
    // app shell, every built-in interview chunk and the lazy parser. `/<slug>` is served from its
    // prerendered `<slug>/index.html`; any other history-mode route falls back to the shell
    // (404.html). Registered by src/pwa/update.ts (production only), which also shows the
    // "new version" notice: a new build waits until the reader presses Reload. Run as a late
    // closeBundle step, so it precaches the pages other plugins wrote (404.html, prerendered pages).
    VitePWA({
      injectRegister: false,
      registerType: 'prompt',
      manifest: false,
      integration: { closeBundleOrder: 'post' },
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: '404.html',
        manifestTransforms: [
          async (entries) => ({
            manifest: entries.map((entry) => ({ ...entry, url: entry.url.replace(/^(.+)\/index\.html$/, '$1') })),
            warnings: [],
          }),
        ],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        resolve: { alias: { 'virtual:interviews': fileURLToPath(new URL('./tests/components/virtual-interviews.ts', import.meta.url)) } },
        test: { name: 'components', environment: 'happy-dom', include: ['tests/components/**/*.test.ts'] },
      },
    ],
  },
})

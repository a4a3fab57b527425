/// <reference types="vitest/config" />
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { compileHintsPlugin } from './src/node/compile-hints-plugin'
import { interviewsPlugin } from './src/node/interviews-plugin'
import { offlinePlugin } from './src/node/offline-plugin'
import { prerenderPlugin } from './src/node/prerender-plugin'

// Every component uses <script setup>: without the Options API, Vue's runtime is smaller.
const vueOptions = { features: { optionsAPI: false } }

// The built-in articles come from the Kubernetes blog: their relative images and links point there.
// PARLEY_CONTENT_DIR builds another folder instead (the long-interview build test uses a temporary one).
const content = { contentDir: process.env.PARLEY_CONTENT_DIR || 'content', siteBase: 'https://kubernetes.io/' }

// Sub-path hosting: build with `vite build --base=/parley/` (or set `base` here). The router reads
// import.meta.env.BASE_URL, and dist/404.html makes deep links survive a reload on static hosts.
// Code the parser's dependencies load but Parley never calls (see each file in src/stubs/): left out,
// the parser chunk keeps within its budget. Node (CLI, build-time parse) loads the packages whole.
const stub = (file: string): string => fileURLToPath(new URL(`./src/stubs/${file}`, import.meta.url))
const unusedCode = [
  { find: /^cssfilter$/, replacement: stub('cssfilter.ts') },
  { find: /^linkify-it$/, replacement: stub('linkify-it.ts') },
  { find: /^punycode\.js$/, replacement: stub('punycode.ts') },
  { find: /^js-yaml$/, replacement: stub('js-yaml.ts') },
  { find: /^js-yaml-lib\//, replacement: `${path.dirname(createRequire(import.meta.url).resolve('js-yaml'))}/lib/` },
]

// Static pages: after the client build, `/`, every `/<slug>` and its share pages (`/<slug>/turn-N`)
// are rendered into dist/ (plus sitemap.xml, feed.xml and preview cards; 404.html is the unrendered
// shell). Canonical URLs use PARLEY_SITE_URL (default https://parley.example).
const prerender = prerenderPlugin({ ssrPlugins: () => [vue(vueOptions), interviewsPlugin(content)] })

// Component tests get a stand-in for the build's interview modules (both from one file).
const virtualInterviews = fileURLToPath(new URL('./tests/components/virtual-interviews.ts', import.meta.url))

export default defineConfig({
  resolve: { alias: unusedCode },
  // Copy link and Share give share pages (`/<slug>/turn-N`) only when the build knows the site's URL.
  envPrefix: ['VITE_', 'PARLEY_SITE_URL'],
  // Every browser Parley supports preloads modules natively: no polyfill in the entry. One
  // stylesheet: prerendered pages inline it, so parts whose code loads later are styled at once.
  // A dynamic import is a plain import(): Vite's helper would add a <link rel=modulepreload> per
  // dependency to <head> first, and each insertion cost ~1.5 ms of the hydration task (6 ms on a
  // 4× slower phone); the browser finds a chunk's own imports itself.
  build: { modulePreload: { polyfill: false, resolveDependencies: (_, deps, { hostType }) => (hostType === 'js' ? [] : deps) }, cssCodeSplit: false },
  // The parse worker is a module worker (`type: 'module'`): as an ES build its dynamic imports (the
  // TOML reader) stay separate chunks instead of being inlined into the worker.
  worker: { format: 'es' },
  plugins: [
    vue(vueOptions),
    interviewsPlugin(content),
    compileHintsPlugin(),
    prerender,
    // Offline after the first visit (service worker + update notice); after the plugins that write pages.
    offlinePlugin({ skip: (file) => prerender.api.sharePages.has(file) }),
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
        resolve: { alias: { 'virtual:interviews': virtualInterviews, 'virtual:interview-summaries': virtualInterviews } },
        test: { name: 'components', environment: 'happy-dom', include: ['tests/components/**/*.test.ts'] },
      },
    ],
  },
})

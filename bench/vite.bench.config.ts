/**
 * Vite config for `bench/browser-perf.ts`: the project's own `vite.config.ts` (plugins, resolve,
 * base, worker… whatever it holds today), with the `parley:interviews` plugin swapped for one that
 * reads `.bench/content/` (the seed article plus the generated big interview that the bench writes
 * there), and `parley:prerender` for one whose server build reads the same folder (so the big
 * interview is prerendered and hydrated, as a built-in interview is), so the bench never touches
 * `content/` or `vite.config.ts`. Used as
 * `npx vite build --config bench/vite.bench.config.ts --outDir .bench/dist-big` from the project root.
 */
import vue from '@vitejs/plugin-vue'
import { defineConfig, type PluginOption, type UserConfig } from 'vite'
import projectConfig from '../vite.config'
import { interviewsPlugin } from '../src/node/interviews-plugin'
import { prerenderPlugin } from '../src/node/prerender-plugin'

const CONTENT_DIR = process.env.PARLEY_BENCH_CONTENT ?? '.bench/content'

const isPlugin = (p: PluginOption): p is { name: string } => !!p && typeof p === 'object' && !Array.isArray(p) && 'name' in p

/**
 * The service worker is left out: the generated 5,000-turn chunk is over Workbox's precache size
 * limit, and offline caching is not what this bench measures.
 */
const isOffline = (p: PluginOption): boolean => isPlugin(p) && (p.name === 'parley:offline-guard' || p.name.startsWith('vite-plugin-pwa'))

function swapInterviews(plugins: PluginOption[] | undefined): PluginOption[] {
  let swapped = false
  const out = (plugins ?? []).flat(Infinity as 1).filter((p) => !isOffline(p as PluginOption)).map((p) => {
    if (isPlugin(p) && p.name === 'parley:interviews') {
      swapped = true
      return interviewsPlugin({ contentDir: CONTENT_DIR })
    }
    if (isPlugin(p) && p.name === 'parley:prerender') {
      return prerenderPlugin({ ssrPlugins: () => [vue(), interviewsPlugin({ contentDir: CONTENT_DIR })] })
    }
    return p
  })
  return swapped ? out : [...out, interviewsPlugin({ contentDir: CONTENT_DIR })]
}

// vite.config.ts exports a plain object today; accept a function too in case it becomes one.
const base = (typeof projectConfig === 'function'
  ? await (projectConfig as (env: { command: 'build'; mode: string }) => UserConfig | Promise<UserConfig>)({ command: 'build', mode: 'production' })
  : projectConfig) as UserConfig & { test?: unknown }

// Everything but `test` (Vitest's) and the plugins, which are rebuilt above.
const rest: UserConfig & { test?: unknown } = { ...base }
delete rest.test
delete rest.plugins

// bench/share-bench.ts gives each build its own cache folder, so preview cards are drawn, not reused.
const cacheDir = process.env.PARLEY_BENCH_CACHE ?? rest.cacheDir

export default defineConfig({ ...rest, cacheDir, plugins: swapInterviews(base.plugins) })

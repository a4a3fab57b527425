import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { runnerImport, type Plugin, type ResolvedConfig } from 'vite'
import { frontMatterKeyLine } from '../core/front-matter'
import { SLUG_RULE, slugProblem } from '../core/slug-rule'
import { groupTranslations, translationKeyOf } from '../core/reader/translations'
import type { TomlReader } from '../core/toml'
import type { Interview, ParseResult } from '../core/types'
import { packText } from '../core/model-text'
import { addressFor, checkLanguageFolder, readDefaults, withDefaults, withFolderLanguage } from './content'
import { sortSummaries, summarise } from '../core/reader/summary'

const LIST_ID = 'virtual:interviews'
const SUMMARIES_ID = 'virtual:interview-summaries'
const ONE_PREFIX = 'virtual:interview/'
const MODEL_TEXT = fileURLToPath(new URL('../core/model-text.ts', import.meta.url))

export type ParseFn = (source: string, options: { file?: string | null; siteBase?: string | null; readToml?: TomlReader }) => ParseResult

export interface InterviewsPluginOptions {
  /** Folder of `.md` interviews, relative to the Vite root. */
  contentDir?: string
  /**
   * The site the folder's articles come from (`https://kubernetes.io/`): their relative images and
   * links point there when an article has no canonical URL or `parley.siteBase` of its own.
   */
  siteBase?: string
  /** The parser; by default `src/core/parse.ts`, loaded when first needed (see loadParser). */
  parse?: ParseFn
}

interface Built {
  interview: Interview
  group: string
}

/**
 * The module (and so chunk) name of an address: `ja/sig-x` → `ja~sig-x`, with a slug's own `~`
 * doubled (`a~b` → `a~~b`). Language folders have no `~`, so only the slash makes a run of `~` of
 * odd length, and no two addresses share a name (a `.` would be taken for a file extension).
 */
function moduleName(address: string): string {
  return address.replaceAll('~', '~~').replace('/', '~')
}

/** `.md` files at the top of content/ and in its language folders (`content/ja/*.md`), sorted. */
async function contentFiles(contentDir: string): Promise<{ folder: string | null; name: string }[]> {
  const entries = await readdir(contentDir, { withFileTypes: true })
  const files: { folder: string | null; name: string }[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isFile() && entry.name.endsWith('.md')) files.push({ folder: null, name: entry.name })
    if (!entry.isDirectory()) continue
    checkLanguageFolder(entry.name)
    const inner = (await readdir(path.join(contentDir, entry.name))).filter((f) => f.endsWith('.md')).sort()
    for (const name of inner) files.push({ folder: entry.name, name })
  }
  return files
}

async function readDefaultsFile(file: string, addWatchFile: (file: string) => void): Promise<Record<string, string>> {
  if (!existsSync(file)) return {}
  addWatchFile(file)
  return readDefaults(await readFile(file, 'utf8'))
}

/**
 * Load `src/core/parse.ts` through Vite's module runner instead of a static import: the config
 * (and so every `vitest`/`vite` command) then loads even while the parser is being edited, and
 * the same TypeScript source runs here as in the browser, with no separate compile step.
 */
async function loadParser(root: string): Promise<ParseFn> {
  const load = async <T>(file: string): Promise<T> => (await runnerImport<T>(path.join(root, file), { root, configFile: false, logLevel: 'warn' })).module
  const { parseInterview } = await load<{ parseInterview: ParseFn }>('src/core/parse.ts')
  const { readToml } = await load<{ readToml: TomlReader }>('src/core/toml.ts')
  // Content files may use Hugo's TOML front matter; the build always has the reader at hand.
  return (source, options) => parseInterview(source, { ...options, readToml })
}

/**
 * Parses the content folder at build time with the same `src/core` code the app uses, so the
 * browser receives typed JSON and never loads markdown-it. Exposes:
 *  - `virtual:interviews`: `loaders` (one dynamic import per address, resolving to the full
 *    `Interview`), which the reader's entry needs;
 *  - `virtual:interview-summaries`: `summaries` (list page, translations, the local store), a module
 *    of its own so that their data, which grows with every article, stays out of the entry;
 *  - `virtual:interview/<name>`: the `Interview` as the default export (its own chunk), each
 *    block's plain text left out where its HTML gives it back (`packText`), which the loader fills in.
 * Articles come from content/*.md and its language folders (content/ja/*.md: see ./content.ts),
 * get content/defaults.yaml under their front matter, and are grouped with their translations.
 * A parse error fails the build (and shows the dev overlay) with `file:line`.
 */
export function interviewsPlugin(options: InterviewsPluginOptions = {}): Plugin {
  let config: ResolvedConfig
  let contentDir = ''
  let cache: Map<string, Built> | null = null
  let parse: ParseFn | undefined = options.parse

  async function loadAll(addWatchFile: (file: string) => void): Promise<Map<string, Built>> {
    if (cache) return cache
    parse ??= await loadParser(config.root)
    const defaults = await readDefaultsFile(path.join(contentDir, 'defaults.yaml'), addWatchFile)
    const byAddress = new Map<string, Built>()
    for (const { folder, name } of await contentFiles(contentDir)) {
      const inFolder = folder ? path.join(folder, name) : name
      const file = path.join(contentDir, inFolder)
      addWatchFile(file)
      const relative = path.relative(config.root, file)
      const source = await readFile(file, 'utf8')
      const result = parse(source, { file: name, siteBase: options.siteBase ?? null })
      if (!result.ok) {
        const line = result.error.line ?? 1
        throw new Error(`${relative}:${line}: ${result.error.message}`)
      }
      // The slug names the page's folder in dist/ (below its language folder): `..` or `a/b` would write outside it.
      const problem = slugProblem(result.interview.slug)
      if (problem) {
        const line = frontMatterKeyLine(source, 'slug') ?? 1
        throw new Error(`${relative}:${line}: slug ${JSON.stringify(result.interview.slug)} ${problem} (${SLUG_RULE})`)
      }
      const interview = withDefaults(withFolderLanguage(result.interview, folder), defaults)
      const address = addressFor(folder, interview.slug)
      const other = byAddress.get(address)
      if (other) throw new Error(`${relative}:1: address "/${address}" (slug "${interview.slug}") is also used by ${other.interview.file}`)
      byAddress.set(address, { interview: { ...interview, file: inFolder }, group: address })
    }
    const groups = groupTranslations(
      [...byAddress].map(([address, { interview }]) => ({
        address, slug: interview.slug, canonicalUrl: interview.meta.canonicalUrl, translationKey: translationKeyOf(interview),
      })),
    )
    for (const [address, built] of byAddress) built.group = groups.get(address) ?? address
    cache = byAddress
    return byAddress
  }

  return {
    name: 'parley:interviews',
    configResolved(resolved) {
      config = resolved
      contentDir = path.resolve(resolved.root, options.contentDir ?? 'content')
    },
    resolveId(id) {
      if (id === LIST_ID || id === SUMMARIES_ID || id.startsWith(ONE_PREFIX)) return `\0${id}`
      return null
    },
    async load(id) {
      if (!id.startsWith('\0virtual:interview')) return null
      let all: Map<string, Built>
      try {
        all = await loadAll((f) => this.addWatchFile(f))
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error))
      }
      if (id === `\0${SUMMARIES_ID}`) {
        const summaries = sortSummaries([...all].map(([address, { interview, group }]) => summarise(interview, address, group)))
        return `export const summaries = ${JSON.stringify(summaries)}\n`
      }
      if (id === `\0${LIST_ID}`) {
        const loaders = [...all.keys()]
          .map((address) => `  ${JSON.stringify(address)}: () => unpack(import(${JSON.stringify(ONE_PREFIX + moduleName(address))})),`)
          .join('\n')
        // A data chunk is data alone, its text left out where the HTML gives it back (packText):
        // the reader's loader fills it in (src/core/model-text.ts, its own small chunk, fetched alongside).
        const unpack = `const unpack = (chunk) => Promise.all([chunk, import(${JSON.stringify(MODEL_TEXT)})]).then(([m, t]) => ({ default: t.unpackText(m.default) }))`
        return `${unpack}\nexport const loaders = {\n${loaders}\n}\n`
      }
      const name = id.slice(1 + ONE_PREFIX.length)
      const interview = [...all].find(([address]) => moduleName(address) === name)?.[1].interview
      if (!interview) this.error(`No interview for ${id.slice(1)}`)
      // JSON.parse of a string literal is faster to evaluate than an object literal of the same size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(packText(interview)))})\n`
    },
    configureServer(server) {
      // Adding, editing or removing an article in dev: re-parse and reload the page.
      server.watcher.add(contentDir)
      const coreDir = path.join(config.root, 'src/core')
      const onChange = (file: string): void => {
        const isContent = file.startsWith(contentDir) && /\.(md|yaml)$/.test(file)
        if (!isContent && !file.startsWith(coreDir)) return
        // A parser edit re-imports the parser; the module runner has no HMR for this one-off load.
        if (!isContent) parse = options.parse
        cache = null
        for (const mod of server.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0virtual:interview')) server.moduleGraph.invalidateModule(mod)
        }
        server.ws.send({ type: 'full-reload' })
      }
      server.watcher.on('add', onChange)
      server.watcher.on('change', onChange)
      server.watcher.on('unlink', onChange)
    },
    buildStart() {
      cache = null
    },
  }
}

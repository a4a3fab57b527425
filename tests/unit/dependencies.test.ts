/**
 * No unused dependency: every `dependencies` / `devDependencies` entry of package.json is imported
 * somewhere (source, tests, bench, configs), named as a string in a config (a Vitest environment,
 * a tsconfig type), or run as a command by a script. The few used only indirectly say why below.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../..')
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

/** Used without being named in the code, each with the reason. */
const INDIRECT: Record<string, string> = {
  typescript: 'the compiler behind vue-tsc, typescript-eslint and the TS config loaders',
  '@size-limit/file': 'the size-limit plugin that measures files; size-limit loads it from package.json',
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return []
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? files(full) : /\.(ts|js|mjs|cjs|vue|json)$/.test(name) ? [full] : []
  })
}

const sources = [
  // Not this file: it names packages in its own comments and tables.
  ...['src', 'tests', 'bench'].flatMap((dir) => files(path.join(ROOT, dir))).filter((file) => file !== import.meta.filename),
  ...readdirSync(ROOT).filter((f) => /\.(ts|js|json)$/.test(f) && !/^package(-lock)?\.json$/.test(f)).map((f) => path.join(ROOT, f)),
].map((file) => readFileSync(file, 'utf8'))

/** The package name as a module specifier or config string: 'vue', "vue/x", `vue`. */
function named(name: string): boolean {
  const quoted = new RegExp(`["'\`]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^"'\`]*)?["'\`]`)
  return sources.some((text) => quoted.test(text))
}

/** Command names the package installs in node_modules/.bin, run by an npm script. */
function runByScript(name: string): boolean {
  let manifest: { bin?: string | Record<string, string> }
  try {
    manifest = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as typeof manifest
  } catch {
    return false
  }
  const bins = typeof manifest.bin === 'string' ? [name.replace(/^@[^/]+\//, '')] : Object.keys(manifest.bin ?? {})
  const commands = Object.values(pkg.scripts).join(' && ')
  return bins.some((bin) => new RegExp(`(?:^|[\\s&|;])(?:npx\\s+)?${bin}(?:\\s|$)`).test(commands))
}

function used(name: string): boolean {
  if (name in INDIRECT) return true
  // @types/x is used when x is; @types/node by `"types": ["node"]` in tsconfig.json.
  const typed = /^@types\/(.+)$/.exec(name)?.[1]
  if (typed) return named(typed) || named(name)
  return named(name) || runByScript(name)
}

describe('package.json', () => {
  const all = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]
  it.each(all)('%s is used', (name) => {
    expect(used(name)).toBe(true)
  })

  it('lists as runtime dependencies only what the app or the parser imports from src/', () => {
    const app = files(path.join(ROOT, 'src')).map((file) => readFileSync(file, 'utf8'))
    const inSrc = (name: string): boolean => app.some((text) => new RegExp(`from ["']${name}(?:/[^"']*)?["']|import\\(["']${name}["']\\)`).test(text))
    expect(Object.keys(pkg.dependencies).filter((name) => !inSrc(name))).toEqual([])
  })
})

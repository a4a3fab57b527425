/**
 * Layering (issue 14's architecture items): `src/node/` is build-time code (Vite plugins, the
 * prerender, cards) and may use Node's APIs; nothing the browser loads may import from it. The
 * server entry runs only in Node, so it may. `src/core/` is the parser (its top level) and the pure
 * reader logic (`src/core/reader/`): the parser never needs the reader, and neither needs Vue.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve('src')
const NODE = path.join(SRC, 'node')
const SERVER_ONLY = [NODE, path.join(SRC, 'entry-server.ts')]
const CORE = path.join(SRC, 'core')
const READER = path.join(CORE, 'reader')
const VUE_PACKAGES = /^(vue|vue-router|pinia|@vue\/|@vueuse\/)/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(file)
    return /\.(ts|vue)$/.test(entry.name) ? [file] : []
  })
}

/** Every module a file names: static imports, re-exports, dynamic `import()` and type imports. */
function importedSpecifiers(code: string): string[] {
  const found = code.matchAll(/(?:\bimport|\bexport)\s*(?:type\s+)?(?:[\w$*{},\s]+?\s*from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)
  return [...found].map((m) => m[1] ?? m[2]!)
}

/** The relative imports of `file` that land in `dir`. */
function importsInto(dir: string, file: string, code: string): string[] {
  return importedSpecifiers(code).filter((spec) => spec.startsWith('.') && path.resolve(path.dirname(file), spec).startsWith(dir + path.sep))
}
const nodeImports = (file: string, code: string): string[] => importsInto(NODE, file, code)

const inside = (dir: string) => (file: string): boolean => file.startsWith(dir + path.sep)

describe('layers', () => {
  it('reads every form of import, so the scan below can fail', () => {
    const file = path.join(SRC, 'components', 'X.vue')
    const code = [
      "import { a } from '../node/a'",
      "import type { B } from '../node/b'",
      "export { c } from '../node/c'",
      "const d = () => import('../node/d')",
      "import '../node/e'",
      "import { f } from '../core/f'",
    ].join('\n')
    expect(nodeImports(file, code)).toEqual(['../node/a', '../node/b', '../node/c', '../node/d', '../node/e'])
  })

  it('nothing outside src/node and the server entry imports from src/node', () => {
    const offenders = sourceFiles(SRC)
      .filter((file) => !SERVER_ONLY.some((only) => file === only || file.startsWith(only + path.sep)))
      .flatMap((file) => nodeImports(file, readFileSync(file, 'utf8')).map((spec) => `${path.relative(SRC, file)} → ${spec}`))
    expect(offenders).toEqual([])
  })

  it('the parser (src/core outside src/core/reader) imports nothing from the reader logic', () => {
    expect(importsInto(READER, path.join(CORE, 'x.ts'), "import { a } from './reader/a'\nimport { b } from './b'")).toEqual(['./reader/a'])
    const offenders = sourceFiles(CORE)
      .filter((file) => !inside(READER)(file))
      .flatMap((file) => importsInto(READER, file, readFileSync(file, 'utf8')).map((spec) => `${path.relative(SRC, file)} → ${spec}`))
    expect(offenders).toEqual([])
  })

  it('src/core, the parser and the reader logic alike, imports no Vue, router, Pinia or VueUse', () => {
    const files = sourceFiles(CORE)
    expect(files.filter(inside(READER)).length).toBeGreaterThan(10)
    const offenders = files.flatMap((file) =>
      importedSpecifiers(readFileSync(file, 'utf8')).filter((spec) => VUE_PACKAGES.test(spec)).map((spec) => `${path.relative(SRC, file)} → ${spec}`))
    expect(offenders).toEqual([])
  })
})
